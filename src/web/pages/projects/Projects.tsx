import {
  Badge,
  Button,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { useMe } from '../../api/queries';
import { EmployeePicker, type PickedEmployee } from '../../components/EmployeePicker';
import { ErrorSummary } from '../../components/ErrorSummary';
import { LinkAnchor } from '../../components/links';
import { Page } from '../../components/Page';
import { Pager } from '../../components/Pager';
import { Empty, Loading, LoadError } from '../../components/States';
import { UnitSelect } from '../../components/UnitSelect';
import { hasRole } from '../../lib/access';
import { summaryItems, useFormErrors } from '../../lib/form-errors';
import { formatDate, formatNumber } from '../../lib/format';

const STATUSES = ['open', 'running', 'done', 'cancelled'] as const;
const FIELDS = ['unitId', 'title', 'problem', 'skillsWanted', 'startsOn', 'endsOn', 'supervisorNip', 'seats'];

/** The form an OPD uses to post a project; on success it opens the new project. */
function NewProject({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { errors, setErrors, title, setTitle, showApiError } = useFormErrors();
  const [supervisor, setSupervisor] = useState<PickedEmployee | null>(null);
  const [supervisorText, setSupervisorText] = useState('');
  const [f, setF] = useState({
    unitId: me.operatorUnitIds[0] ?? '',
    title: '',
    problem: '',
    skills: '',
    startsOn: '',
    endsOn: '',
    seats: 2 as number | string,
  });
  const set = (k: keyof typeof f) => (v: string | number) => setF((x) => ({ ...x, [k]: v }));
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/student-projects', {
          body: {
            unitId: f.unitId,
            title: f.title,
            problem: f.problem,
            skillsWanted: f.skills
              .split(',')
              .map((s) => s.trim())
              .filter(Boolean),
            startsOn: f.startsOn,
            endsOn: f.endsOn,
            supervisorNip: supervisor?.nip ?? null,
            seats: Number(f.seats) || 1,
          },
        }),
      ),
    onSuccess: async (p) => {
      await qc.invalidateQueries({ queryKey: ['student-projects'] });
      await navigate({ to: '/proyek-mahasiswa/$id', params: { id: p.id } });
    },
    onError: showApiError,
  });
  const labels = Object.fromEntries(FIELDS.map((k) => [k, t(`projects.field.${k}`)]));
  const id = (k: string) => `project-${k}`;
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="form"
      onSubmit={(e) => {
        e.preventDefault();
        // Text typed in the supervisor search but never picked is not silently dropped.
        if (!supervisor && supervisorText.trim()) {
          setErrors({ supervisorNip: t('employeePicker.pickFirst') });
          setTitle(null);
          return;
        }
        save.mutate();
      }}
      noValidate
      aria-labelledby="new-project"
    >
      <Stack gap="sm">
        <Title order={2} size="h3" id="new-project">
          {t('projects.new')}
        </Title>
        <ErrorSummary title={title ?? undefined} items={summaryItems(errors, FIELDS, 'project', labels)} />
        <UnitSelect
          id={id('unitId')}
          label={labels.unitId}
          value={f.unitId || null}
          onChange={(v) => set('unitId')(v ?? '')}
          restrictTo={me.roles.includes('admin') ? undefined : me.operatorUnitIds}
          error={errors.unitId}
          required
        />
        <TextInput
          id={id('title')}
          label={labels.title}
          value={f.title}
          onChange={(e) => set('title')(e.currentTarget.value)}
          error={errors.title}
          required
        />
        <Textarea
          id={id('problem')}
          label={labels.problem}
          description={t('projects.problemHint')}
          value={f.problem}
          onChange={(e) => set('problem')(e.currentTarget.value)}
          error={errors.problem}
          autosize
          minRows={3}
          required
        />
        <TextInput
          id={id('skillsWanted')}
          label={labels.skillsWanted}
          description={t('projects.skillsHint')}
          value={f.skills}
          onChange={(e) => set('skills')(e.currentTarget.value)}
          error={errors.skillsWanted}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            id={id('startsOn')}
            type="date"
            label={labels.startsOn}
            value={f.startsOn}
            onChange={(e) => set('startsOn')(e.currentTarget.value)}
            error={errors.startsOn}
            required
          />
          <TextInput
            id={id('endsOn')}
            type="date"
            label={labels.endsOn}
            value={f.endsOn}
            onChange={(e) => set('endsOn')(e.currentTarget.value)}
            error={errors.endsOn}
            required
          />
          <NumberInput
            id={id('seats')}
            label={labels.seats}
            min={1}
            max={100}
            value={f.seats}
            onChange={set('seats')}
            error={errors.seats}
          />
        </SimpleGrid>
        <EmployeePicker
          id={id('supervisorNip')}
          label={labels.supervisorNip ?? ''}
          description={t('projects.supervisorHint')}
          value={supervisor}
          onChange={setSupervisor}
          onTextChange={setSupervisorText}
          error={errors.supervisorNip}
          clearable
        />
        <Group gap="sm">
          <Button type="submit" loading={save.isPending}>
            {t('projects.post')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('projects.cancel')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** Real projects of the OPDs for partner universities' students. */
export function ProjectsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const search = useSearch({ from: '/app/proyek-mahasiswa' });
  const navigate = useNavigate({ from: '/proyek-mahasiswa' });
  const [creating, setCreating] = useState(false);
  const page = search.page ?? 1;
  const q = useQuery({
    queryKey: ['student-projects', search.status ?? '', search.q ?? '', page],
    queryFn: () =>
      unwrap(
        api.GET('/api/student-projects', {
          params: { query: { status: search.status, q: search.q, page, pageSize: 20 } },
        }),
      ),
  });
  const manages = hasRole(me, 'admin', 'operator');
  return (
    <Page
      title={t('projects.title')}
      actions={
        manages && !creating ? (
          <Button onClick={() => setCreating(true)}>{t('projects.new')}</Button>
        ) : undefined
      }
    >
      <Text>{hasRole(me, 'mitra') ? t('projects.introMitra') : t('projects.intro')}</Text>
      {creating && <NewProject onCancel={() => setCreating(false)} />}
      <Group gap="sm" align="flex-end" wrap="wrap">
        <NativeSelect
          label={t('projects.status')}
          value={search.status ?? ''}
          onChange={(e) =>
            void navigate({
              search: (s) => ({
                ...s,
                status: (e.currentTarget.value || undefined) as never,
                page: undefined,
              }),
            })
          }
          data={[
            { value: '', label: t('projects.all') },
            ...STATUSES.map((s) => ({ value: s, label: t(`projects.statuses.${s}`) })),
          ]}
        />
        <TextInput
          label={t('projects.search')}
          defaultValue={search.q ?? ''}
          onKeyDown={(e) => {
            if (e.key === 'Enter')
              void navigate({
                search: (s) => ({ ...s, q: e.currentTarget.value || undefined, page: undefined }),
              });
          }}
        />
      </Group>
      {q.isPending && <Loading />}
      {q.error && <LoadError error={q.error} onRetry={() => void q.refetch()} />}
      {q.data && q.data.items.length === 0 && <Empty>{t('projects.none')}</Empty>}
      {q.data && q.data.items.length > 0 && (
        <Stack component="ul" gap="sm" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {q.data.items.map((p) => (
            <Paper component="li" key={p.id} withBorder p="md" radius="md">
              <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
                <LinkAnchor to="/proyek-mahasiswa/$id" params={{ id: p.id }} fw={700} style={{ minWidth: 0 }}>
                  {p.title}
                </LinkAnchor>
                <Badge variant="light" style={{ flexShrink: 0 }}>
                  {t(`projects.statuses.${p.status}`)}
                </Badge>
              </Group>
              <Text size="sm" c="dimmed">
                {p.unitName} · {formatDate(p.startsOn)} – {formatDate(p.endsOn)}
              </Text>
              <Text size="sm">
                {t('projects.seatsTaken', { members: formatNumber(p.members), seats: formatNumber(p.seats) })}
                {p.partnerName ? ` · ${t('projects.reservedFor', { name: p.partnerName })}` : ''}
              </Text>
              {p.skillsWanted.length > 0 && (
                <Group gap={4} mt={4}>
                  {p.skillsWanted.map((s) => (
                    <Badge key={s} variant="outline" size="sm" color="gray">
                      {s}
                    </Badge>
                  ))}
                </Group>
              )}
              {p.status !== 'open' && (
                <Progress
                  value={p.progressPct}
                  mt="xs"
                  aria-label={t('projects.progressOf', { pct: p.progressPct })}
                />
              )}
            </Paper>
          ))}
        </Stack>
      )}
      {q.data && (
        <Pager
          page={page}
          pageSize={20}
          total={q.data.total}
          onPage={(p) => void navigate({ search: (s) => ({ ...s, page: p > 1 ? p : undefined }) })}
        />
      )}
    </Page>
  );
}
