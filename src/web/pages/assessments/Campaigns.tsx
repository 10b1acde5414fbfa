import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  Progress,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type paths } from '../../api/client';
import { useMe } from '../../api/queries';
import { ErrorSummary } from '../../components/ErrorSummary';
import { LinkButton } from '../../components/links';
import { Page } from '../../components/Page';
import { Empty, Loading, LoadError } from '../../components/States';
import { UnitSelect } from '../../components/UnitSelect';
import { summaryItems, useFormErrors } from '../../lib/form-errors';
import { formatDate, parseDateInput, todayInput } from '../../lib/format';
import { ASSESS_SOURCES, type AssessSource } from './search';

const CampaignChart = lazy(() => import('./CampaignChart'));

type Summary = paths['/api/campaigns']['get']['responses'][200]['content']['application/json'][number];
type Detail = paths['/api/campaigns/{id}']['get']['responses'][200]['content']['application/json'];

const pct = (share: number) => Math.round(share * 1000) / 10;

function StatusBadges({ c }: { c: Summary }) {
  const { t } = useTranslation();
  return (
    <Group gap={6}>
      <Badge
        color={c.status === 'open' ? 'teal.9' : 'gray.8'}
        variant="outline"
        style={{ textTransform: 'none' }}
      >
        {c.status === 'open' ? t('assessment.campaigns.open') : t('assessment.campaigns.closed')}
      </Badge>
      {c.overdue && (
        <Badge color="red.9" variant="filled" style={{ textTransform: 'none' }}>
          {t('assessment.campaigns.overdue')}
        </Badge>
      )}
    </Group>
  );
}

function ProgressLine({ p }: { p: Summary['progress'] }) {
  const { t } = useTranslation();
  return (
    <div>
      <Text size="sm">
        {t('assessment.campaigns.progress', { done: p.done, assigned: p.assigned, share: pct(p.share) })}
      </Text>
      <Progress value={pct(p.share)} size="md" aria-hidden />
    </div>
  );
}

const FIELDS = ['name', 'unitId', 'sources', 'startsOn', 'dueOn', 'peersPerEmployee'] as const;

function CreateForm({ onDone }: { onDone: (d: Detail) => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const qc = useQueryClient();
  const { errors, title, showApiError, setErrors, setTitle } = useFormErrors();
  const [name, setName] = useState('');
  const [unitId, setUnitId] = useState<string | null>(me.operatorUnitIds[0] ?? null);
  const [sources, setSources] = useState<string[]>(['self', 'atasan']);
  const [startsOn, setStartsOn] = useState(todayInput());
  const [dueOn, setDueOn] = useState('');
  const [peers, setPeers] = useState<number | string>(2);
  const labels: Record<string, string> = {
    name: t('assessment.campaigns.name'),
    unitId: t('assessment.campaigns.unit'),
    sources: t('assessment.campaigns.sources'),
    startsOn: t('assessment.campaigns.startsOn'),
    dueOn: t('assessment.campaigns.dueOn'),
    peersPerEmployee: t('assessment.campaigns.peers'),
  };
  const create = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/campaigns', {
          body: {
            name,
            unitId: unitId ?? '',
            sources: sources as AssessSource[],
            startsOn: parseDateInput(startsOn) ?? startsOn,
            dueOn: parseDateInput(dueOn) ?? dueOn,
            ...(sources.includes('peer') ? { peersPerEmployee: Number(peers) || 1 } : {}),
          },
        }),
      ),
    onSuccess: async (d) => {
      setErrors({});
      setTitle(null);
      await qc.invalidateQueries({ queryKey: ['campaigns'] });
      onDone(d);
    },
    onError: showApiError,
  });
  const restrict = me.roles.includes('admin') ? undefined : me.operatorUnitIds;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="campaign-new">
      <Title order={2} fz="h4" id="campaign-new" mb="sm">
        {t('assessment.campaigns.new')}
      </Title>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <Stack gap="sm" maw={560}>
          <ErrorSummary title={title ?? undefined} items={summaryItems(errors, FIELDS, 'campaign', labels)} />
          <TextInput
            id="campaign-name"
            label={labels.name}
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
          />
          <UnitSelect
            id="campaign-unitId"
            label={labels.unitId}
            description={t('assessment.campaigns.unitHint')}
            required
            value={unitId}
            onChange={setUnitId}
            restrictTo={restrict}
            error={errors.unitId}
          />
          <Checkbox.Group
            id="campaign-sources"
            label={labels.sources}
            value={sources}
            onChange={setSources}
            error={errors.sources}
          >
            <Stack gap={8} mt={6}>
              {ASSESS_SOURCES.map((s) => (
                <Checkbox key={s} value={s} label={t(`assessment.campaigns.sourceNames.${s}`)} size="md" />
              ))}
            </Stack>
          </Checkbox.Group>
          {sources.includes('peer') && (
            <NumberInput
              id="campaign-peersPerEmployee"
              label={labels.peersPerEmployee}
              min={1}
              max={5}
              value={peers}
              onChange={setPeers}
              error={errors.peersPerEmployee}
            />
          )}
          <Group grow wrap="wrap" gap="sm">
            <TextInput
              id="campaign-startsOn"
              description={t('common.dateHint')}
              placeholder="dd/mm/yyyy"
              inputMode="numeric"
              label={labels.startsOn}
              required
              value={startsOn}
              onChange={(e) => setStartsOn(e.currentTarget.value)}
              error={errors.startsOn}
              miw={200}
            />
            <TextInput
              id="campaign-dueOn"
              description={t('common.dateHint')}
              placeholder="dd/mm/yyyy"
              inputMode="numeric"
              label={labels.dueOn}
              required
              value={dueOn}
              onChange={(e) => setDueOn(e.currentTarget.value)}
              error={errors.dueOn}
              miw={200}
            />
          </Group>
          <Button type="submit" loading={create.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('assessment.campaigns.create')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

function UnitTable({ d }: { d: Detail }) {
  const { t } = useTranslation();
  return (
    <Table striped>
      <Table.Caption>{t('assessment.campaigns.byUnit')}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('assessment.campaigns.unitCol')}</Table.Th>
          <Table.Th scope="col" ta="right">
            {t('assessment.campaigns.assigned')}
          </Table.Th>
          <Table.Th scope="col" ta="right">
            {t('assessment.campaigns.doneCol')}
          </Table.Th>
          <Table.Th scope="col" ta="right">
            {t('assessment.campaigns.share')}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {d.units.map((u) => (
          <Table.Tr key={u.unitId}>
            <Table.Th scope="row" fw={400}>
              {u.name}
            </Table.Th>
            <Table.Td ta="right">{u.assigned}</Table.Td>
            <Table.Td ta="right">{u.done}</Table.Td>
            <Table.Td ta="right">{pct(u.share)} %</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function CampaignDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [message, setMessage] = useState<string | null>(null);
  const q = useQuery({
    queryKey: ['campaigns', id],
    queryFn: () => unwrap(api.GET('/api/campaigns/{id}', { params: { path: { id } } })),
  });
  const remind = useMutation({
    mutationFn: () => unwrap(api.POST('/api/campaigns/{id}/remind', { params: { path: { id } } })),
    onSuccess: (r) =>
      setMessage(
        [
          t('assessment.campaigns.reminded', { count: r.notified }),
          r.skipped ? t('assessment.campaigns.remindSkipped', { count: r.skipped }) : '',
        ].join(' '),
      ),
    onError: (e) => setMessage(e.message),
  });
  const close = useMutation({
    mutationFn: () => unwrap(api.POST('/api/campaigns/{id}/close', { params: { path: { id } } })),
    onSuccess: async () => {
      setMessage(t('assessment.campaigns.closedDone'));
      await qc.invalidateQueries({ queryKey: ['campaigns'] });
    },
  });
  if (q.isPending) return <Loading />;
  if (q.error) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const d = q.data;
  return (
    <Stack gap="md">
      <Paper withBorder p="md" radius="md">
        <Stack gap="xs">
          <Title order={2} fz="h3">
            {d.name}
          </Title>
          <Text>{d.unitName}</Text>
          <Text size="sm">
            {t('assessment.campaigns.period', { from: formatDate(d.startsOn), to: formatDate(d.dueOn) })}
          </Text>
          <StatusBadges c={d} />
          <ProgressLine p={d.progress} />
          {message && (
            <Alert color="teal" role="status">
              {message}
            </Alert>
          )}
          {d.status === 'open' && (
            <Group gap="sm">
              <Button onClick={() => remind.mutate()} loading={remind.isPending}>
                {t('assessment.campaigns.remind')}
              </Button>
              <Button
                variant="outline"
                color="gray.8"
                onClick={() => close.mutate()}
                loading={close.isPending}
              >
                {t('assessment.campaigns.close')}
              </Button>
            </Group>
          )}
        </Stack>
      </Paper>
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="campaign-sources-title">
        <Title order={2} fz="h4" id="campaign-sources-title" mb="xs">
          {t('assessment.campaigns.bySource')}
        </Title>
        <Stack gap="xs">
          {d.bySource.map((s) => (
            <div key={s.source}>
              <Text fw={600}>{t(`assessment.campaigns.sourceNames.${s.source}`)}</Text>
              <ProgressLine p={s} />
            </div>
          ))}
        </Stack>
      </Paper>
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="campaign-units-title">
        <Title order={2} fz="h4" id="campaign-units-title" mb="xs">
          {t('assessment.campaigns.byUnit')}
        </Title>
        <Suspense fallback={<Loading />}>
          <CampaignChart
            rows={d.units}
            axisLabel={t('assessment.campaigns.axis')}
            title={t('assessment.campaigns.chart')}
          />
        </Suspense>
        {/* The same numbers for screen readers. */}
        <div className="sr-only">
          <UnitTable d={d} />
        </div>
      </Paper>
    </Stack>
  );
}

/** Operators' campaigns: list with progress, a form for a new one, and the detail per unit. */
export function CampaignsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id } = useSearch({ from: '/app/kompetensi/kampanye' });
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  const q = useQuery({ queryKey: ['campaigns'], queryFn: () => unwrap(api.GET('/api/campaigns')) });
  const actions = (
    <>
      <LinkButton to="/kompetensi/impor-ac" variant="light">
        {t('assessment.campaigns.acImport')}
      </LinkButton>
      {!id && !creating && <Button onClick={() => setCreating(true)}>{t('assessment.campaigns.new')}</Button>}
    </>
  );
  return (
    <Page title={t('assessment.campaigns.title')} actions={actions}>
      {id ? (
        <>
          <LinkButton
            to="/kompetensi/kampanye"
            search={{}}
            variant="subtle"
            style={{ alignSelf: 'flex-start' }}
          >
            ← {t('assessment.campaigns.backToList')}
          </LinkButton>
          <CampaignDetail id={id} />
        </>
      ) : (
        <>
          <Text>{t('assessment.campaigns.intro')}</Text>
          {created && (
            <Alert color="teal" role="status">
              {created}
            </Alert>
          )}
          {creating && (
            <CreateForm
              onDone={(d) => {
                setCreating(false);
                setCreated(t('assessment.campaigns.created', { count: d.progress.assigned }));
                void navigate({ to: '/kompetensi/kampanye', search: { id: d.id } });
              }}
            />
          )}
          {q.isPending && <Loading />}
          {q.error && <LoadError error={q.error} onRetry={() => void q.refetch()} />}
          {q.data && q.data.length === 0 && <Empty>{t('assessment.campaigns.none')}</Empty>}
          {q.data && q.data.length > 0 && (
            <Stack component="ul" gap="sm" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {q.data.map((c) => (
                <Paper component="li" key={c.id} withBorder p="md" radius="md">
                  <Stack gap={6}>
                    <Title order={2} fz="h4">
                      {c.name}
                    </Title>
                    <Text size="sm">
                      {c.unitName} ·{' '}
                      {t('assessment.campaigns.period', {
                        from: formatDate(c.startsOn),
                        to: formatDate(c.dueOn),
                      })}
                    </Text>
                    <StatusBadges c={c} />
                    <ProgressLine p={c.progress} />
                    <LinkButton
                      to="/kompetensi/kampanye"
                      search={{ id: c.id }}
                      variant="light"
                      aria-label={`${t('assessment.campaigns.view')}: ${c.name}`}
                      style={{ alignSelf: 'flex-start' }}
                    >
                      {t('assessment.campaigns.view')}
                    </LinkButton>
                  </Stack>
                </Paper>
              ))}
            </Stack>
          )}
        </>
      )}
    </Page>
  );
}
