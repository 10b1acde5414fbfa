import {
  Alert,
  Button,
  Checkbox,
  Group,
  Paper,
  PasswordInput,
  SimpleGrid,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type User } from '../../api/client';
import { EmployeePicker, type PickedEmployee } from '../../components/EmployeePicker';
import { ErrorSummary } from '../../components/ErrorSummary';
import { fromApiError, orNull, summaryItems, type FieldErrors } from '../../lib/form-errors';
import { RolesField, type Grant } from './RolesField';

const ORDER = [
  'username',
  'displayName',
  'email',
  'employeeNip',
  'partnerName',
  'roles',
  'operatorUnit',
  'password',
] as const;

/** Create a user (user = null) or edit one: roles, active, unlock, password reset. */
export function UserForm({ user, onDone }: { user: User | null; onDone: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const prefix = user ? 'user-edit' : 'user-new';
  const [v, setV] = useState({
    username: user?.username ?? '',
    displayName: user?.displayName ?? '',
    email: user?.email ?? '',
    partnerName: user?.partnerName ?? '',
    password: '',
    active: user?.active ?? true,
  });
  const [roles, setRoles] = useState<Grant[]>(
    user?.roles.map((r) => ({ role: r.role, unitId: r.unitId })) ?? [],
  );
  // The linked employee: known by NIP from the account, its name looked up for the search box.
  const [linked, setLinked] = useState<PickedEmployee | null>(
    user?.employeeNip ? { nip: user.employeeNip, name: '' } : null,
  );
  const [linkedText, setLinkedText] = useState('');
  const savedNip = user?.employeeNip ?? null;
  const saved = useQuery({
    queryKey: ['employee', savedNip],
    enabled: !!savedNip,
    queryFn: () => unwrap(api.GET('/api/employees/{nip}', { params: { path: { nip: savedNip! } } })),
  });
  const savedName = saved.data?.fullName;
  if (savedName && linked && linked.nip === savedNip && !linked.name)
    setLinked({ ...linked, name: savedName });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [title, setTitle] = useState<string | null>(null);
  const set = (k: keyof typeof v) => (val: string | boolean) => setV((s) => ({ ...s, [k]: val }));
  const labels: Record<string, string> = {
    username: t('users.username'),
    displayName: t('users.displayName'),
    email: t('users.email'),
    employeeNip: t('users.employeeNip'),
    partnerName: t('users.partnerName'),
    roles: t('users.roles'),
    operatorUnit: t('users.unitFor', { role: t('roles.operator') }),
    password: user ? t('users.newPassword') : t('users.password'),
  };

  const done = (name: string, key: 'users.created' | 'users.updated' | 'users.unlocked') => {
    void qc.invalidateQueries({ queryKey: ['users'] });
    notifications.show({ color: 'teal', message: t(key, { name }) });
    onDone();
  };
  const fail = (err: unknown) => {
    const r = fromApiError(err);
    // "roles.0.unitId" and similar land on the roles fieldset.
    const fields: FieldErrors = {};
    for (const [k, m] of Object.entries(r.fields)) fields[k.startsWith('roles') ? 'roles' : k] ??= m;
    setErrors(fields);
    setTitle(r.title);
  };
  const grants = () => roles.map((g) => ({ role: g.role, unitId: g.role === 'operator' ? g.unitId : null }));
  const save = useMutation({
    mutationFn: () =>
      user
        ? unwrap(
            api.PATCH('/api/users/{id}', {
              params: { path: { id: user.id } },
              body: {
                displayName: v.displayName.trim(),
                email: orNull(v.email),
                employeeNip: linked?.nip ?? null,
                partnerName: orNull(v.partnerName),
                active: v.active,
                roles: grants(),
                ...(v.password ? { password: v.password } : {}),
              },
            }),
          )
        : unwrap(
            api.POST('/api/users', {
              body: {
                username: v.username.trim(),
                displayName: v.displayName.trim(),
                email: orNull(v.email),
                employeeNip: linked?.nip ?? null,
                partnerName: orNull(v.partnerName),
                password: v.password,
                roles: grants(),
              },
            }),
          ),
    onSuccess: (u) => done(u.displayName, user ? 'users.updated' : 'users.created'),
    onError: fail,
  });
  const unlock = useMutation({
    mutationFn: () =>
      unwrap(api.PATCH('/api/users/{id}', { params: { path: { id: user!.id } }, body: { unlock: true } })),
    onSuccess: (u) => done(u.displayName, 'users.unlocked'),
    onError: fail,
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs: FieldErrors = {};
    if (!user && !v.username.trim()) errs.username = t('validation.required');
    if (!v.displayName.trim()) errs.displayName = t('validation.required');
    if (!linked && linkedText.trim()) errs.employeeNip = t('employeePicker.pickFirst');
    if (roles.length === 0) errs.roles = t('validation.rolesRequired');
    if (roles.some((g) => g.role === 'operator' && !g.unitId))
      errs.operatorUnit = t('validation.operatorUnit');
    if ((!user || v.password) && v.password.length < 10) errs.password = t('validation.passwordShort');
    setErrors(errs);
    setTitle(null);
    if (Object.keys(errs).length === 0) save.mutate();
  };
  const field = (k: (typeof ORDER)[number]) => ({ id: `${prefix}-${k}`, label: labels[k], error: errors[k] });

  return (
    <Paper component="section" withBorder p="md" radius="md" aria-labelledby={`${prefix}-title`}>
      <Title order={2} fz="h3" id={`${prefix}-title`} mb="md">
        {user ? t('users.editTitle', { name: user.displayName }) : t('users.newTitle')}
      </Title>
      {user?.locked && (
        <Alert color="orange" mb="md" title={t('users.locked')}>
          <Button variant="light" color="orange" onClick={() => unlock.mutate()} loading={unlock.isPending}>
            {t('users.unlock')}
          </Button>
        </Alert>
      )}
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <ErrorSummary title={title ?? undefined} items={summaryItems(errors, ORDER, prefix, labels)} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              {...field('username')}
              required={!user}
              disabled={!!user}
              autoComplete="off"
              value={v.username}
              onChange={(e) => set('username')(e.currentTarget.value)}
            />
            <TextInput
              {...field('displayName')}
              required
              value={v.displayName}
              onChange={(e) => set('displayName')(e.currentTarget.value)}
            />
            <TextInput
              {...field('email')}
              type="email"
              value={v.email}
              onChange={(e) => set('email')(e.currentTarget.value)}
            />
            <EmployeePicker
              {...field('employeeNip')}
              label={labels.employeeNip ?? ''}
              value={linked}
              onChange={setLinked}
              onTextChange={setLinkedText}
              clearable
            />
            <TextInput
              {...field('partnerName')}
              value={v.partnerName}
              onChange={(e) => set('partnerName')(e.currentTarget.value)}
            />
            <PasswordInput
              {...field('password')}
              required={!user}
              description={t('users.passwordHint')}
              autoComplete="new-password"
              value={v.password}
              onChange={(e) => set('password')(e.currentTarget.value)}
            />
          </SimpleGrid>
          <RolesField
            value={roles}
            onChange={setRoles}
            error={errors.roles}
            unitError={errors.operatorUnit}
            idPrefix={prefix}
          />
          {user && (
            <Checkbox
              size="md"
              label={t('users.activeLabel')}
              checked={v.active}
              onChange={(e) => set('active')(e.currentTarget.checked)}
            />
          )}
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
