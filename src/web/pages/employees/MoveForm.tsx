import { Button, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type EmployeeDetail } from '../../api/client';
import { positionsQuery, useMe } from '../../api/queries';
import { ErrorSummary } from '../../components/ErrorSummary';
import { UnitSelect } from '../../components/UnitSelect';
import { hasRole } from '../../lib/access';
import { parseDateInput, todayInput } from '../../lib/format';
import { orNull, summaryItems, type FieldErrors, useFormErrors } from '../../lib/form-errors';
import { golonganOptionsFor } from '../../lib/golongan-options';

const NONE = '__none__';
const ORDER = ['unitId', 'positionId', 'golongan', 'effectiveFrom', 'note'] as const;

/** "Mutasi": a new unit and/or position from a TMT; history keeps the old assignment. */
export function MoveForm({ employee: e, onDone }: { employee: EmployeeDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const qc = useQueryClient();
  const positions = useQuery(positionsQuery);
  const [v, setV] = useState({
    unitId: e.unitId,
    positionId: e.positionId ?? '',
    golongan: e.golongan ?? '',
    effectiveFrom: todayInput(),
    note: '',
  });
  const { errors, setErrors, title, setTitle, showApiError } = useFormErrors();
  const set = (k: keyof typeof v) => (val: string | null) => setV((s) => ({ ...s, [k]: val ?? '' }));
  const labels: Record<string, string> = {
    unitId: t('form.unit'),
    positionId: t('form.position'),
    golongan: t('form.golongan'),
    effectiveFrom: t('form.effectiveFrom'),
    note: t('form.note'),
  };
  const positionOptions = useMemo(
    () => [
      { value: NONE, label: t('form.noPosition') },
      ...(positions.data ?? []).filter((p) => p.active).map((p) => ({ value: p.id, label: p.name })),
    ],
    [positions.data, t],
  );

  const save = useMutation({
    mutationFn: (effectiveFrom: string) =>
      unwrap(
        api.POST('/api/employees/{nip}/moves', {
          params: { path: { nip: e.nip } },
          body: {
            unitId: v.unitId,
            positionId: v.positionId && v.positionId !== NONE ? v.positionId : null,
            golongan: orNull(v.golongan),
            effectiveFrom,
            note: orNull(v.note),
          },
        }),
      ),
    onSuccess: (data) => {
      qc.setQueryData(['employee', e.nip], data);
      void qc.invalidateQueries({ queryKey: ['employees'] });
      void qc.invalidateQueries({ queryKey: ['org-units'] });
      notifications.show({ color: 'teal', message: t('form.moved') });
      onDone();
    },
    onError: showApiError,
  });

  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    const errs: FieldErrors = {};
    if (!v.unitId) errs.unitId = t('validation.unitRequired');
    const date = parseDateInput(v.effectiveFrom);
    if (!v.effectiveFrom.trim()) errs.effectiveFrom = t('validation.required');
    else if (!date) errs.effectiveFrom = t('validation.date');
    setErrors(errs);
    setTitle(null);
    if (date && Object.keys(errs).length === 0) save.mutate(date);
  };

  const field = (k: (typeof ORDER)[number]) => ({ id: `move-${k}`, label: labels[k], error: errors[k] });
  const operatorOnly = !hasRole(me, 'admin');
  return (
    <Paper component="section" withBorder p="md" radius="md" aria-labelledby="move-title">
      <Title order={2} fz="h3" id="move-title" mb="xs">
        {t('form.moveTitle')}
      </Title>
      <Text mb="md">{t('form.moveIntro')}</Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <ErrorSummary title={title ?? undefined} items={summaryItems(errors, ORDER, 'move', labels)} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <UnitSelect
              {...field('unitId')}
              required
              clearable={false}
              restrictTo={operatorOnly ? me.operatorUnitIds : undefined}
              value={v.unitId || null}
              onChange={set('unitId')}
            />
            <Select
              {...field('positionId')}
              searchable
              data={positionOptions}
              value={v.positionId || NONE}
              onChange={set('positionId')}
              allowDeselect={false}
            />
            <Select
              {...field('golongan')}
              searchable
              clearable
              data={golonganOptionsFor(e.status)}
              value={v.golongan || null}
              onChange={set('golongan')}
            />
            <TextInput
              {...field('effectiveFrom')}
              required
              description={t('common.dateHint')}
              placeholder="dd/mm/yyyy"
              inputMode="numeric"
              value={v.effectiveFrom}
              onChange={(x) => set('effectiveFrom')(x.currentTarget.value)}
            />
          </SimpleGrid>
          <TextInput {...field('note')} value={v.note} onChange={(x) => set('note')(x.currentTarget.value)} />
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('form.moveSave')}
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
