import { Button, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { validateEmployee } from '../../../domain/employee';
import { normalizeNip } from '../../../domain/nip';
import { api, unwrap, type EmployeeDetail } from '../../api/client';
import { positionsQuery, useMe } from '../../api/queries';
import { ErrorSummary } from '../../components/ErrorSummary';
import { NameFields, StatusGolonganFields, SupervisorContactFields, useSupervisorPick } from './PersonFields';
import { LinkButton } from '../../components/links';
import { Page } from '../../components/Page';
import { UnitSelect } from '../../components/UnitSelect';
import { hasRole } from '../../lib/access';
import { issuesToErrors, useFormErrors, orNull, summaryItems } from '../../lib/form-errors';

const ORDER = [
  'nip',
  'frontTitle',
  'name',
  'backTitle',
  'status',
  'golongan',
  'unitId',
  'positionId',
  'supervisorNip',
  'email',
  'phone',
] as const;
type Key = (typeof ORDER)[number];
const NONE = '__none__';

/** Tambah pegawai: checked in the browser with the server's own rules (validateEmployee) before sending. */
export function NewEmployeePage() {
  const { t } = useTranslation();
  const me = useMe();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const positions = useQuery(positionsQuery);
  const [v, setV] = useState<Record<Key, string>>({
    nip: '',
    frontTitle: '',
    name: '',
    backTitle: '',
    status: 'PNS',
    golongan: '',
    unitId: me.operatorUnitIds.length === 1 && !hasRole(me, 'admin') ? me.operatorUnitIds[0]! : '',
    positionId: NONE,
    supervisorNip: '',
    email: '',
    phone: '',
  });
  const { errors, setErrors, title, setTitle, showApiError } = useFormErrors();
  const set = (k: Key) => (val: string | null) => setV((s) => ({ ...s, [k]: val ?? '' }));
  const supervisor = useSupervisorPick(null, set('supervisorNip'));
  const labels = Object.fromEntries(
    ORDER.map((k) => [k, t(`form.${k === 'unitId' ? 'unit' : k === 'positionId' ? 'position' : k}`)]),
  ) as Record<Key, string>;
  const positionOptions = useMemo(
    () => [
      { value: NONE, label: t('form.noPosition') },
      ...(positions.data ?? []).filter((p) => p.active).map((p) => ({ value: p.id, label: p.name })),
    ],
    [positions.data, t],
  );

  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/employees', {
          body: {
            nip: normalizeNip(v.nip),
            name: v.name.trim(),
            frontTitle: orNull(v.frontTitle),
            backTitle: orNull(v.backTitle),
            status: v.status as EmployeeDetail['status'],
            golongan: orNull(v.golongan),
            unitId: v.unitId,
            positionId: v.positionId === NONE ? null : v.positionId,
            supervisorNip: orNull(v.supervisorNip),
            email: orNull(v.email),
            phone: orNull(v.phone),
          },
        }),
      ),
    onSuccess: async (data) => {
      await qc.invalidateQueries({ queryKey: ['employees'] });
      void qc.invalidateQueries({ queryKey: ['org-units'] });
      notifications.show({ color: 'teal', message: t('form.created', { name: data.fullName }) });
      await navigate({ to: '/pegawai/$nip', params: { nip: data.nip } });
    },
    onError: showApiError,
  });

  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    const check = validateEmployee(v);
    const errs = check.ok ? {} : issuesToErrors(check.issues);
    if (!v.unitId) errs.unitId = t('validation.unitRequired');
    if (supervisor.unpicked) errs.supervisorNip = t('employeePicker.pickFirst');
    setErrors(errs);
    setTitle(null);
    if (Object.keys(errs).length === 0) save.mutate();
  };

  const field = (k: Key) => ({ id: `new-${k}`, label: labels[k], error: errors[k] });
  return (
    <Page title={t('form.newTitle')}>
      <Paper withBorder p="md" radius="md">
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <ErrorSummary title={title ?? undefined} items={summaryItems(errors, ORDER, 'new', labels)} />
            <TextInput
              {...field('nip')}
              required
              description={t('form.nipHint')}
              inputMode="numeric"
              autoComplete="off"
              value={v.nip}
              onChange={(x) => set('nip')(x.currentTarget.value)}
              maw={360}
            />
            <NameFields values={v} field={field} set={set} />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <StatusGolonganFields values={v} field={field} set={set} />
              <UnitSelect
                {...field('unitId')}
                required
                restrictTo={hasRole(me, 'admin') ? undefined : me.operatorUnitIds}
                value={v.unitId || null}
                onChange={set('unitId')}
              />
              <Select
                {...field('positionId')}
                searchable
                allowDeselect={false}
                data={positionOptions}
                value={v.positionId}
                onChange={set('positionId')}
              />
              <SupervisorContactFields values={v} field={field} set={set} supervisor={supervisor} />
            </SimpleGrid>
            <Text size="sm" c="dimmed">
              {t('common.optional')}: {labels.frontTitle}, {labels.backTitle}, {labels.golongan},{' '}
              {labels.positionId}, {labels.supervisorNip}, {labels.email}, {labels.phone}
            </Text>
            <Group>
              <Button type="submit" loading={save.isPending}>
                {t('common.save')}
              </Button>
              <LinkButton to="/pegawai" variant="default">
                {t('common.cancel')}
              </LinkButton>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Page>
  );
}
