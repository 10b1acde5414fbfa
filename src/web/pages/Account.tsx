import { Button, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../api/client';
import { useMe } from '../api/queries';
import { ErrorSummary } from '../components/ErrorSummary';
import { Page } from '../components/Page';
import { fromApiError, summaryItems, type FieldErrors } from '../lib/form-errors';

const ORDER = ['currentPassword', 'newPassword', 'confirm'] as const;

/** Akun saya: who I am, and change my password. */
export function AccountPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [v, setV] = useState({ currentPassword: '', newPassword: '', confirm: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [title, setTitle] = useState<string | null>(null);
  const labels = {
    currentPassword: t('account.current'),
    newPassword: t('account.new'),
    confirm: t('account.confirm'),
  };
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/auth/password', {
          body: { currentPassword: v.currentPassword, newPassword: v.newPassword },
        }),
      ),
    onSuccess: () => {
      setV({ currentPassword: '', newPassword: '', confirm: '' });
      notifications.show({ color: 'teal', message: t('account.changed') });
    },
    onError: (err) => {
      const r = fromApiError(err);
      // A wrong current password is a problem of that field.
      if (err instanceof ApiError && err.code === 'auth.wrongCurrentPassword') {
        setErrors({ currentPassword: err.title });
        setTitle(null);
      } else {
        setErrors(r.fields);
        setTitle(r.title);
      }
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs: FieldErrors = {};
    if (!v.currentPassword) errs.currentPassword = t('validation.required');
    if (v.newPassword.length < 10) errs.newPassword = t('validation.passwordShort');
    else if (v.newPassword !== v.confirm) errs.confirm = t('validation.passwordMismatch');
    setErrors(errs);
    setTitle(null);
    if (!Object.keys(errs).length) save.mutate();
  };
  const field = (k: (typeof ORDER)[number]) => ({
    id: `acc-${k}`,
    label: labels[k],
    error: errors[k],
    value: v[k],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => setV({ ...v, [k]: e.currentTarget.value }),
  });
  return (
    <Page title={t('account.title')}>
      <Paper withBorder p="md" radius="md" maw={560}>
        <Title order={2} fz="h4" mb="xs">
          {t('account.info')}
        </Title>
        <Text fw={600}>{me.displayName}</Text>
        <Text size="sm">{me.username}</Text>
        <Text size="sm">
          {t('account.roles')}: {me.roles.map((r) => t(`roles.${r}`)).join(', ')}
        </Text>
      </Paper>
      <Paper component="section" withBorder p="md" radius="md" maw={560} aria-labelledby="pw-title">
        <Title order={2} fz="h4" mb="md" id="pw-title">
          {t('account.changePassword')}
        </Title>
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <ErrorSummary title={title ?? undefined} items={summaryItems(errors, ORDER, 'acc', labels)} />
            <PasswordInput {...field('currentPassword')} required autoComplete="current-password" />
            <PasswordInput
              {...field('newPassword')}
              required
              description={t('account.newHint')}
              autoComplete="new-password"
            />
            <PasswordInput {...field('confirm')} required autoComplete="new-password" />
            <div>
              <Button type="submit" loading={save.isPending}>
                {t('account.changePassword')}
              </Button>
            </div>
          </Stack>
        </form>
      </Paper>
    </Page>
  );
}
