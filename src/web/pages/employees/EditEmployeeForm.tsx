import { Button, Checkbox, Group, Paper, SimpleGrid, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { validateEmployee } from '../../../domain/employee';
import { api, unwrap, type EmployeeDetail } from '../../api/client';
import { ErrorSummary } from '../../components/ErrorSummary';
import { NameFields, StatusGolonganFields, SupervisorContactFields, useSupervisorPick } from './PersonFields';
import { issuesToErrors, useFormErrors, orNull, summaryItems } from '../../lib/form-errors';

const ORDER = [
  'frontTitle',
  'name',
  'backTitle',
  'status',
  'golongan',
  'supervisorNip',
  'email',
  'phone',
] as const;

/** "Ubah data": the same rules as the server, checked before sending; nothing typed is lost on error. */
export function EditEmployeeForm({ employee: e, onDone }: { employee: EmployeeDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [v, setV] = useState({
    frontTitle: e.frontTitle ?? '',
    name: e.name,
    backTitle: e.backTitle ?? '',
    status: e.status as string,
    golongan: e.golongan ?? '',
    supervisorNip: e.supervisor?.nip ?? '',
    email: e.email ?? '',
    phone: e.phone ?? '',
    active: e.active,
  });
  const { errors, setErrors, title, setTitle, showApiError } = useFormErrors();
  const set = (k: keyof typeof v) => (val: string | boolean | null) =>
    setV((s) => ({ ...s, [k]: val ?? '' }));
  const labels: Record<string, string> = Object.fromEntries(ORDER.map((k) => [k, t(`form.${k}`)]));
  const supervisor = useSupervisorPick(
    e.supervisor ? { nip: e.supervisor.nip, name: e.supervisor.fullName } : null,
    set('supervisorNip'),
  );

  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PATCH('/api/employees/{nip}', {
          params: { path: { nip: e.nip } },
          body: {
            frontTitle: orNull(v.frontTitle),
            name: v.name.trim(),
            backTitle: orNull(v.backTitle),
            status: v.status as EmployeeDetail['status'],
            golongan: orNull(v.golongan),
            supervisorNip: orNull(v.supervisorNip),
            email: e.email === null && v.email === '' ? undefined : orNull(v.email),
            phone: e.phone === null && v.phone === '' ? undefined : orNull(v.phone),
            active: v.active,
          },
        }),
      ),
    onSuccess: (data) => {
      qc.setQueryData(['employee', e.nip], data);
      void qc.invalidateQueries({ queryKey: ['employees'] });
      notifications.show({ color: 'teal', message: t('form.updated') });
      onDone();
    },
    onError: showApiError,
  });

  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    const check = validateEmployee({ ...v, nip: e.nip });
    const errs = check.ok ? {} : issuesToErrors(check.issues.filter((i) => i.field !== 'nip'));
    if (supervisor.unpicked) errs.supervisorNip = t('employeePicker.pickFirst');
    setErrors(errs);
    setTitle(null);
    if (Object.keys(errs).length === 0) save.mutate();
  };

  const field = (k: (typeof ORDER)[number]) => ({ id: `edit-${k}`, label: labels[k], error: errors[k] });
  return (
    <Paper component="section" withBorder p="md" radius="md" aria-labelledby="edit-title">
      <Title order={2} fz="h3" id="edit-title" mb="md">
        {t('form.editTitle')}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <ErrorSummary title={title ?? undefined} items={summaryItems(errors, ORDER, 'edit', labels)} />
          <NameFields values={v} field={field} set={set} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <StatusGolonganFields values={v} field={field} set={set} />
            <SupervisorContactFields values={v} field={field} set={set} supervisor={supervisor} />
          </SimpleGrid>
          <Checkbox
            id="edit-active"
            label={t('form.active')}
            checked={v.active}
            onChange={(x) => set('active')(x.currentTarget.checked)}
            size="md"
          />
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
            <Button variant="default" onClick={onDone}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
