import {
  ActionIcon,
  Button,
  Card,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formByCode, type FormCode } from '../../../domain/learning/forms';
import { POSITION_TYPES } from '../../../domain/org';
import { api, ApiError, unwrap, type paths } from '../../api/client';
import { useMe } from '../../api/queries';
import { ErrorSummary } from '../../components/ErrorSummary';
import { LinkAnchor } from '../../components/links';
import { Page } from '../../components/Page';
import { Loading, LoadError } from '../../components/States';
import { UnitSelect } from '../../components/UnitSelect';
import { hasRole } from '../../lib/access';
import { summaryItems, useFormErrors } from '../../lib/form-errors';
import { GOLONGAN_OPTIONS } from '../../lib/golongan-options';
import { zoneName } from '../../lib/format';
import { sameCity } from '../../../domain/tenant';
import { formOptions } from './labels';

type Detail = paths['/api/programs/{id}']['get']['responses'][200]['content']['application/json'];
type Body = NonNullable<paths['/api/programs']['post']['requestBody']>['content']['application/json'];

interface SessionRow {
  id?: string;
  title: string;
  startsAt: string;
  endsAt: string;
  venue: string;
  onlineUrl: string;
}
interface Values {
  code: string;
  title: string;
  description: string;
  form: string;
  scope: 'nasional' | 'internasional';
  partnerId: string | null;
  providerName: string;
  organiserUnitId: string | null;
  scheduledJp: number | string;
  city: string;
  costFee: number | string;
  costTravel: number | string;
  costLodging: number | string;
  capacity: number | string;
  eligiblePositionTypes: string[];
  eligibleGolongan: string[];
  minAttendancePct: number | string;
  postTestPassMark: number | string;
  competencies: { competencyId: string | null; expectedGain: number | string }[];
  sessions: SessionRow[];
}

const ORDER = [
  'code',
  'title',
  'form',
  'scope',
  'partnerId',
  'organiserUnitId',
  'scheduledJp',
  'city',
  'costFee',
  'costTravel',
  'costLodging',
  'capacity',
  'minAttendancePct',
  'postTestPassMark',
];
const numOr = (v: number | string, fallback: number) => (v === '' || v === null ? fallback : Number(v));
const numOrNull = (v: number | string) => (v === '' || v === null ? null : Number(v));

function fromDetail(d: Detail): Values {
  return {
    code: d.code,
    title: d.title,
    description: d.description,
    form: d.form,
    scope: d.scope,
    partnerId: d.partnerId,
    providerName: d.partnerId ? '' : d.providerName,
    organiserUnitId: d.organiserUnitId,
    scheduledJp: d.scheduledJp ?? '',
    city: d.city,
    costFee: d.cost.fee,
    costTravel: d.cost.travel,
    costLodging: d.cost.lodging,
    capacity: d.capacity,
    eligiblePositionTypes: d.eligiblePositionTypes,
    eligibleGolongan: d.eligibleGolongan,
    minAttendancePct: d.minAttendancePct,
    postTestPassMark: d.postTestPassMark ?? '',
    competencies: d.competencies.map((c) => ({ competencyId: c.competencyId, expectedGain: c.expectedGain })),
    sessions: d.sessions.map((s) => ({
      id: s.id,
      title: s.title,
      startsAt: s.startsLocal,
      endsAt: s.endsLocal,
      venue: s.venue ?? '',
      onlineUrl: s.onlineUrl ?? '',
    })),
  };
}

const EMPTY: Values = {
  code: '',
  title: '',
  description: '',
  form: 'B7',
  scope: 'nasional',
  partnerId: null,
  providerName: '',
  organiserUnitId: null,
  scheduledJp: '',
  city: '',
  costFee: 0,
  costTravel: 0,
  costLodging: 0,
  capacity: 30,
  eligiblePositionTypes: [],
  eligibleGolongan: [],
  minAttendancePct: 80,
  postTestPassMark: '',
  competencies: [],
  sessions: [{ title: '', startsAt: '', endsAt: '', venue: '', onlineUrl: '' }],
};

export function NewProgramPage() {
  const { homeCity } = useMe();
  return <ProgramFormPage initial={{ ...EMPTY, city: homeCity }} />;
}

export function EditProgramPage() {
  const { programId } = useParams({ from: '/app/program/$programId/ubah' });
  const q = useQuery({
    queryKey: ['programs', 'detail', programId],
    queryFn: () => unwrap(api.GET('/api/programs/{id}', { params: { path: { id: programId } } })),
  });
  if (q.isPending) return <Loading />;
  if (q.error) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  return <ProgramFormPage initial={fromDetail(q.data)} programId={programId} />;
}

const sessionBody = (s: SessionRow) => ({
  title: s.title,
  startsAt: s.startsAt,
  endsAt: s.endsAt,
  venue: s.venue.trim() || null,
  onlineUrl: s.onlineUrl.trim() || null,
});

function ProgramFormPage({ initial, programId }: { initial: Values; programId?: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [v, setV] = useState<Values>(initial);
  const [saving, setSaving] = useState(false);
  const { errors, setErrors, title, setTitle, showApiError } = useFormErrors();
  const set = <K extends keyof Values>(k: K, value: Values[K]) => setV((p) => ({ ...p, [k]: value }));
  const readsPartners = hasRole(me, 'admin', 'operator', 'mitra');
  const partners = useQuery({
    queryKey: ['partners', 'options'],
    queryFn: () => unwrap(api.GET('/api/partners', { params: { query: { pageSize: 200 } } })),
    enabled: readsPartners,
  });
  const competencies = useQuery({
    queryKey: ['competencies'],
    queryFn: () => unwrap(api.GET('/api/competencies')),
  });
  const rule = formByCode(v.form);
  const scheduledForm =
    !!rule &&
    ['B1', 'B2', 'B3', 'B4', 'B5', 'B8', 'B9', 'B10', 'B12', 'C4', 'C6', 'C12', 'C13'].includes(rule.code);
  const outsideHome = !sameCity(v.city, me.homeCity);
  const labels: Record<string, string> = {
    code: t('programs.editor.code'),
    title: t('programs.editor.title'),
    form: t('programs.editor.form'),
    scope: t('programs.editor.scope'),
    partnerId: t('programs.editor.partner'),
    organiserUnitId: t('programs.editor.organiser'),
    scheduledJp: t('programs.editor.scheduledJp'),
    city: t('programs.editor.city'),
    costFee: t('programs.editor.fee'),
    costTravel: t('programs.editor.travel'),
    costLodging: t('programs.editor.lodging'),
    capacity: t('programs.editor.capacity'),
    minAttendancePct: t('programs.editor.minAttendance'),
    postTestPassMark: t('programs.editor.passMark'),
  };
  const err = (k: string) => errors[k];
  const fid = (k: string) => `pf-${k}`;

  const body = (): Body => ({
    code: v.code.trim(),
    title: v.title.trim(),
    description: v.description.trim(),
    form: v.form as FormCode,
    scope: v.scope,
    partnerId: v.partnerId,
    providerName: v.providerName.trim(),
    organiserUnitId: v.organiserUnitId,
    scheduledJp: numOrNull(v.scheduledJp),
    city: v.city.trim() || me.homeCity,
    costFee: numOr(v.costFee, 0),
    costTravel: numOr(v.costTravel, 0),
    costLodging: numOr(v.costLodging, 0),
    capacity: numOr(v.capacity, 0),
    eligiblePositionTypes: v.eligiblePositionTypes as Body['eligiblePositionTypes'],
    eligibleGolongan: v.eligibleGolongan,
    minAttendancePct: numOr(v.minAttendancePct, 80),
    postTestPassMark: numOrNull(v.postTestPassMark),
    competencies: v.competencies
      .filter((c) => c.competencyId)
      .map((c) => ({ competencyId: c.competencyId!, expectedGain: numOr(c.expectedGain, 1) })),
    sessions: v.sessions.filter((s) => s.startsAt || s.endsAt).map(sessionBody),
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setErrors({});
    setTitle(null);
    setSaving(true);
    try {
      const b = body();
      let saved: Detail;
      if (!programId) {
        saved = await unwrap(api.POST('/api/programs', { body: b }));
      } else {
        const { sessions: _sessions, ...patch } = b;
        saved = await unwrap(
          api.PATCH('/api/programs/{id}', { params: { path: { id: programId } }, body: patch }),
        );
        // Sessions: removed ones first, then changed and new ones; each call recomputes JP.
        const keep = new Set(v.sessions.map((s) => s.id).filter(Boolean));
        for (const s of initial.sessions)
          if (s.id && !keep.has(s.id))
            saved = await unwrap(
              api.DELETE('/api/programs/{id}/sessions/{sessionId}', {
                params: { path: { id: programId, sessionId: s.id } },
              }),
            );
        for (const [i, s] of v.sessions.entries()) {
          if (!s.startsAt && !s.endsAt && !s.id) continue;
          const before = initial.sessions.find((x) => x.id === s.id);
          if (before && JSON.stringify(sessionBody(before)) === JSON.stringify(sessionBody(s))) continue;
          try {
            saved = s.id
              ? await unwrap(
                  api.PUT('/api/programs/{id}/sessions/{sessionId}', {
                    params: { path: { id: programId, sessionId: s.id } },
                    body: sessionBody(s),
                  }),
                )
              : await unwrap(
                  api.POST('/api/programs/{id}/sessions', {
                    params: { path: { id: programId } },
                    body: sessionBody(s),
                  }),
                );
          } catch (e) {
            // Name the session's own fields ("sessions.1.endsAt").
            if (e instanceof ApiError)
              throw new ApiError(
                e.status,
                e.title,
                e.code,
                e.errors.map((x) => ({ ...x, field: x.field?.replace(/^body\./, `body.sessions.${i}.`) })),
              );
            throw e;
          }
        }
      }
      qc.setQueryData(['programs', 'detail', saved.id], saved);
      void qc.invalidateQueries({ queryKey: ['programs', 'list'] });
      await navigate({ to: '/program/$programId', params: { programId: saved.id } });
    } catch (e) {
      showApiError(e);
    } finally {
      setSaving(false);
    }
  };

  const money = (k: 'costFee' | 'costTravel' | 'costLodging') => (
    <NumberInput
      id={fid(k)}
      label={labels[k]}
      prefix="Rp "
      thousandSeparator="."
      decimalSeparator=","
      min={0}
      allowNegative={false}
      allowDecimal={false}
      value={v[k]}
      onChange={(x) => set(k, x)}
      error={err(k)}
    />
  );

  return (
    <Page title={programId ? t('programs.editor.editTitle') : t('programs.editor.newTitle')}>
      <LinkAnchor
        {...(programId ? { to: '/program/$programId', params: { programId } } : { to: '/program' })}
        style={{ alignSelf: 'flex-start' }}
      >
        {t('programs.detail.back')}
      </LinkAnchor>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="lg" maw={960}>
          <ErrorSummary title={title ?? undefined} items={summaryItems(errors, ORDER, 'pf', labels)} />
          <Card withBorder radius="md" component="fieldset" style={{ minWidth: 0 }}>
            <Title order={2} fz="lg" component="legend" px={4}>
              {t('programs.editor.basics')}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                id={fid('code')}
                label={labels.code}
                description={t('programs.editor.codeHint')}
                required
                value={v.code}
                onChange={(e) => set('code', e.currentTarget.value)}
                error={err('code')}
              />
              <TextInput
                id={fid('title')}
                label={labels.title}
                required
                value={v.title}
                onChange={(e) => set('title', e.currentTarget.value)}
                error={err('title')}
              />
              <Select
                id={fid('form')}
                label={labels.form}
                required
                searchable
                allowDeselect={false}
                data={formOptions((p) => t(`programs.paths.${p}`))}
                value={v.form}
                onChange={(x) => set('form', x ?? 'B7')}
                error={err('form')}
              />
              <Select
                id={fid('scope')}
                label={labels.scope}
                allowDeselect={false}
                data={(['nasional', 'internasional'] as const).map((s) => ({
                  value: s,
                  label: t(`programs.scopes.${s}`),
                }))}
                value={v.scope}
                onChange={(x) => set('scope', (x ?? 'nasional') as Values['scope'])}
                error={err('scope')}
              />
              {readsPartners && (
                <Select
                  id={fid('partnerId')}
                  label={labels.partnerId}
                  placeholder={t('programs.editor.noPartner')}
                  clearable={!hasRole(me, 'mitra')}
                  searchable
                  data={(partners.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
                  value={v.partnerId}
                  onChange={(x) => set('partnerId', x)}
                  error={err('partnerId')}
                />
              )}
              <TextInput
                id={fid('providerName')}
                label={t('programs.editor.provider')}
                value={v.providerName}
                onChange={(e) => set('providerName', e.currentTarget.value)}
                disabled={!!v.partnerId}
              />
              {hasRole(me, 'admin', 'operator') && (
                <UnitSelect
                  id={fid('organiserUnitId')}
                  label={labels.organiserUnitId}

                  value={v.organiserUnitId}
                  onChange={(x) => set('organiserUnitId', x)}
                  error={err('organiserUnitId')}
                />
              )}
              <NumberInput
                id={fid('scheduledJp')}
                label={labels.scheduledJp}
                description={t('programs.editor.scheduledJpHint')}
                required={scheduledForm}
                min={0}
                decimalSeparator=","
                value={v.scheduledJp}
                onChange={(x) => set('scheduledJp', x)}
                error={err('scheduledJp')}
              />
            </SimpleGrid>
            <Textarea
              mt="sm"
              label={t('programs.editor.description')}
              autosize
              minRows={3}
              value={v.description}
              onChange={(e) => set('description', e.currentTarget.value)}
            />
          </Card>

          <Card withBorder radius="md" component="fieldset" style={{ minWidth: 0 }}>
            <Title order={2} fz="lg" component="legend" px={4}>
              {t('programs.editor.cost')}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                id={fid('city')}
                label={labels.city}
                value={v.city}
                onChange={(e) => set('city', e.currentTarget.value)}
                error={err('city')}
                description={outsideHome ? t('programs.editor.cityHint', { city: me.homeCity }) : undefined}
              />
              <NumberInput
                id={fid('capacity')}
                label={labels.capacity}
                required
                min={1}
                allowDecimal={false}
                value={v.capacity}
                onChange={(x) => set('capacity', x)}
                error={err('capacity')}
              />
              {money('costFee')}
              {money('costTravel')}
              {money('costLodging')}
            </SimpleGrid>
          </Card>

          <Card withBorder radius="md" component="fieldset" style={{ minWidth: 0 }}>
            <Title order={2} fz="lg" component="legend" px={4}>
              {t('programs.editor.eligibility')}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <MultiSelect
                label={t('programs.editor.positionTypes')}
                data={POSITION_TYPES.map((p) => ({ value: p, label: t(`positionType.${p}`) }))}
                value={v.eligiblePositionTypes}
                onChange={(x) => set('eligiblePositionTypes', x)}
                clearable
              />
              <MultiSelect
                label={t('programs.editor.golongan')}
                data={GOLONGAN_OPTIONS}
                searchable
                value={v.eligibleGolongan}
                onChange={(x) => set('eligibleGolongan', x)}
                clearable
              />
              <NumberInput
                id={fid('minAttendancePct')}
                label={labels.minAttendancePct}
                min={0}
                max={100}
                allowDecimal={false}
                value={v.minAttendancePct}
                onChange={(x) => set('minAttendancePct', x)}
                error={err('minAttendancePct')}
              />
              <NumberInput
                id={fid('postTestPassMark')}
                label={labels.postTestPassMark}
                min={0}
                max={100}
                value={v.postTestPassMark}
                onChange={(x) => set('postTestPassMark', x)}
                error={err('postTestPassMark')}
              />
            </SimpleGrid>
            <Title order={3} fz="md" mt="md" mb="xs">
              {t('programs.editor.competencies')}
            </Title>
            <Stack gap="xs">
              {v.competencies.map((c, i) => (
                <Group key={i} align="flex-end" gap="xs" wrap="wrap">
                  <Select
                    id={fid(`competencies.${i}.competencyId`)}
                    label={t('programs.editor.competency')}
                    searchable
                    style={{ flex: '1 1 220px' }}
                    data={(competencies.data ?? []).map((x) => ({
                      value: x.id,
                      label: `${x.code} ${x.name}`,
                    }))}
                    value={c.competencyId}
                    onChange={(x) =>
                      set(
                        'competencies',
                        v.competencies.map((y, j) => (j === i ? { ...y, competencyId: x } : y)),
                      )
                    }
                    error={err(`competencies.${i}.competencyId`)}
                  />
                  <NumberInput
                    label={t('programs.editor.gain')}
                    w={120}
                    min={1}
                    max={4}
                    allowDecimal={false}
                    value={c.expectedGain}
                    onChange={(x) =>
                      set(
                        'competencies',
                        v.competencies.map((y, j) => (j === i ? { ...y, expectedGain: x } : y)),
                      )
                    }
                  />
                  <Button
                    variant="subtle"
                    color="red"
                    onClick={() =>
                      set(
                        'competencies',
                        v.competencies.filter((_, j) => j !== i),
                      )
                    }
                  >
                    {t('programs.editor.remove')}
                  </Button>
                </Group>
              ))}
              <Button
                variant="light"
                style={{ alignSelf: 'flex-start' }}
                onClick={() =>
                  set('competencies', [...v.competencies, { competencyId: null, expectedGain: 1 }])
                }
              >
                {t('programs.editor.addCompetency')}
              </Button>
            </Stack>
          </Card>

          <Card withBorder radius="md" component="fieldset" style={{ minWidth: 0 }}>
            <Title order={2} fz="lg" component="legend" px={4}>
              {t('programs.editor.sessions')}
            </Title>
            <Text size="sm" mb="sm">
              {t('programs.editor.sessionsHint', { zone: zoneName() })}
            </Text>
            <Stack gap="md">
              {v.sessions.map((s, i) => {
                const upd = (patch: Partial<SessionRow>) =>
                  set(
                    'sessions',
                    v.sessions.map((y, j) => (j === i ? { ...y, ...patch } : y)),
                  );
                const k = (f: string) => `sessions.${i}.${f}`;
                return (
                  <Card
                    key={s.id ?? `new-${i}`}
                    withBorder
                    radius="sm"
                    padding="sm"
                    component="section"
                    aria-label={t('programs.editor.session', { n: i + 1 })}
                  >
                    <Group justify="space-between" mb={4}>
                      <Text fw={700}>{t('programs.editor.session', { n: i + 1 })}</Text>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        size="lg"
                        aria-label={`${t('programs.editor.remove')} ${t('programs.editor.session', { n: i + 1 })}`}
                        onClick={() =>
                          set(
                            'sessions',
                            v.sessions.filter((_, j) => j !== i),
                          )
                        }
                      >
                        ×
                      </ActionIcon>
                    </Group>
                    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                      <TextInput
                        id={fid(k('startsAt'))}
                        type="datetime-local"
                        label={`${t('programs.editor.starts')} (${zoneName()})`}
                        value={s.startsAt}
                        onChange={(e) => upd({ startsAt: e.currentTarget.value })}
                        error={err(k('startsAt'))}
                      />
                      <TextInput
                        id={fid(k('endsAt'))}
                        type="datetime-local"
                        label={`${t('programs.editor.ends')} (${zoneName()})`}
                        value={s.endsAt}
                        onChange={(e) => upd({ endsAt: e.currentTarget.value })}
                        error={err(k('endsAt'))}
                      />
                      <TextInput
                        id={fid(k('venue'))}
                        label={t('programs.editor.venue')}
                        value={s.venue}
                        onChange={(e) => upd({ venue: e.currentTarget.value })}
                        error={err(k('venue'))}
                      />
                      <TextInput
                        id={fid(k('onlineUrl'))}
                        type="url"
                        label={t('programs.editor.onlineUrl')}
                        value={s.onlineUrl}
                        onChange={(e) => upd({ onlineUrl: e.currentTarget.value })}
                        error={err(k('onlineUrl'))}
                      />
                      <TextInput
                        label={t('programs.editor.sessionTitle')}
                        value={s.title}
                        onChange={(e) => upd({ title: e.currentTarget.value })}
                      />
                    </SimpleGrid>
                  </Card>
                );
              })}
              <Button
                variant="light"
                style={{ alignSelf: 'flex-start' }}
                onClick={() =>
                  set('sessions', [
                    ...v.sessions,
                    {
                      title: '',
                      startsAt: '',
                      endsAt: '',
                      venue: v.sessions.at(-1)?.venue ?? '',
                      onlineUrl: '',
                    },
                  ])
                }
              >
                {t('programs.editor.addSession')}
              </Button>
            </Stack>
          </Card>

          <Group>
            <Button type="submit" size="md" loading={saving}>
              {t('programs.editor.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Page>
  );
}
