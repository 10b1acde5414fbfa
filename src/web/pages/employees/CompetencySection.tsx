import {
  Badge,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { jpmBand, JPM_BANDS } from '../../../domain/competency/gaps';
import { api, ApiError, unwrap, type paths } from '../../api/client';
import { positionsQuery } from '../../api/queries';
import { ScrollBox } from '../../components/ScrollBox';
import { Loading, LoadError } from '../../components/States';
import { formatDate, formatNumber } from '../../lib/format';

// ECharts is large: it loads only when someone asks for the chart.
const RadarChart = lazy(() => import('./RadarChart'));

type Profile =
  paths['/api/employees/{nip}/competency-profile']['get']['responses'][200]['content']['application/json'];
type Item = Profile['items'][number];

const percent = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 });

function Jpm({ p }: { p: Profile }) {
  const { t } = useTranslation();
  if (p.jpm == null) return <Text>{t('competency.jpmNone')}</Text>;
  const band = jpmBand(p.jpm, JPM_BANDS.selection);
  return (
    <Group gap="lg" align="flex-end" wrap="wrap">
      <div>
        <Text size="sm" c="dimmed">
          {t('competency.jpm')}
        </Text>
        <Text fz={28} fw={700}>
          {percent.format(p.jpm)} %
        </Text>
      </div>
      <div>
        <Text size="sm" c="dimmed">
          {t('competency.band')}
        </Text>
        <Text fw={600}>
          {band.code} — {band.label}
        </Text>
      </div>
      {p.positionName && (
        <Text size="sm" c="dimmed">
          {t('competency.forPosition', { position: p.positionName })}
        </Text>
      )}
    </Group>
  );
}

function Review({ item }: { item: Item }) {
  const { t } = useTranslation();
  const levels = Object.entries(item.bySource)
    .map(([s, l]) => `${t(`competency.sources.${s}`, { defaultValue: s })} ${l}`)
    .join(', ');
  return (
    <Stack gap={2} mt={4}>
      <Tooltip label={t('competency.needsReviewHint')} multiline w={240}>
        <Badge color="#9c3d00" variant="filled" style={{ textTransform: 'none' }}>
          {t('competency.needsReview')}
        </Badge>
      </Tooltip>
      {levels && (
        <Text size="xs" c="dimmed">
          {t('competency.bySource')}: {levels}
        </Text>
      )}
    </Stack>
  );
}

function ItemsTable({ items, caption }: { items: Item[]; caption: string }) {
  const { t } = useTranslation();
  return (
    <Table striped miw={600}>
      <Table.Caption>{caption}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('competency.code')}</Table.Th>
          <Table.Th scope="col">{t('competency.name')}</Table.Th>
          <Table.Th scope="col" ta="right">
            {t('competency.required')}
          </Table.Th>
          <Table.Th scope="col" ta="right">
            {t('competency.current')}
          </Table.Th>
          <Table.Th scope="col">{t('competency.source')}</Table.Th>
          <Table.Th scope="col" ta="right">
            {t('competency.gap')}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((i) => (
          <Table.Tr key={i.competencyId}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{i.code}</Table.Td>
            <Table.Th scope="row" fw={400}>
              {i.name}
              {i.needsReview && <Review item={i} />}
            </Table.Th>
            <Table.Td ta="right">{formatNumber(i.required)}</Table.Td>
            <Table.Td ta="right">
              {i.current == null ? t('competency.notAssessed') : formatNumber(i.current)}
            </Table.Td>
            <Table.Td>
              {i.source ? t(`competency.sources.${i.source}`) : '—'}
              {i.assessedOn && (
                <Text size="xs" c="dimmed">
                  {t('competency.assessedOn', { date: formatDate(i.assessedOn) })}
                </Text>
              )}
            </Table.Td>
            <Table.Td ta="right" fw={i.gap ? 700 : 400}>
              {formatNumber(i.gap)}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="xs" c="dimmed">
        {label}
      </Text>
      <Text component="dd" fw={600} m={0}>
        {children}
      </Text>
    </div>
  );
}

/** Phones: one card per competency instead of a table that scrolls sideways. */
function ItemCards({ items, label }: { items: Item[]; label: string }) {
  const { t } = useTranslation();
  return (
    <Stack component="ul" gap="sm" aria-label={label} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {items.map((i) => (
        <Paper component="li" key={i.competencyId} withBorder p="sm" radius="md">
          <Text fw={700}>
            {i.code} {i.name}
          </Text>
          {i.needsReview && <Review item={i} />}
          <SimpleGrid component="dl" cols={2} spacing={6} verticalSpacing={6} mt="xs" mb={0}>
            <Fact label={t('competency.required')}>{formatNumber(i.required)}</Fact>
            <Fact label={t('competency.current')}>
              {i.current == null ? t('competency.notAssessed') : formatNumber(i.current)}
            </Fact>
            <Fact label={t('competency.source')}>
              <span>{i.source ? t(`competency.sources.${i.source}`) : '—'}</span>
              {i.assessedOn && (
                <Text size="xs" c="dimmed" fw={400}>
                  {t('competency.assessedOn', { date: formatDate(i.assessedOn) })}
                </Text>
              )}
            </Fact>
            <Fact label={t('competency.gap')}>{formatNumber(i.gap)}</Fact>
          </SimpleGrid>
        </Paper>
      ))}
    </Stack>
  );
}

/** "Bandingkan dengan jabatan lain": the person against another position's standard. */
function Compare({ nip, ownPositionId }: { nip: string; ownPositionId: string | null }) {
  const { t } = useTranslation();
  const [positionId, setPositionId] = useState<string | null>(null);
  const positions = useQuery(positionsQuery);
  const options = useMemo(
    () =>
      (positions.data ?? [])
        .filter((p) => p.id !== ownPositionId)
        .map((p) => ({ value: p.id, label: p.name }))
        .sort((a, b) => a.label.localeCompare(b.label, 'id')),
    [positions.data, ownPositionId],
  );
  const q = useQuery({
    queryKey: ['competency-profile', nip, positionId],
    enabled: positionId !== null,
    queryFn: () =>
      unwrap(
        api.GET('/api/employees/{nip}/competency-profile', {
          params: { path: { nip }, query: { targetPositionId: positionId! } },
        }),
      ),
  });
  const target = q.data?.target;
  return (
    <Stack gap="sm" component="section" aria-labelledby="competency-compare">
      <Title order={3} fz="h5" id="competency-compare">
        {t('competency.compare')}
      </Title>
      <Select
        label={t('competency.comparePick')}
        data={options}
        value={positionId}
        onChange={setPositionId}
        searchable
        clearable
        maw={480}
        limit={100}
      />
      {positionId && q.isPending && <Loading />}
      {q.error && <LoadError error={q.error} onRetry={() => void q.refetch()} />}
      {target && (
        <Stack gap="xs">
          <Text size="sm" c="dimmed">
            {t('competency.compareJpm', { position: target.positionName })}
          </Text>
          {target.jpm == null ? (
            <Text>{t('competency.compareNone')}</Text>
          ) : (
            <>
              <Text fz={24} fw={700} data-testid="target-jpm">
                {percent.format(target.jpm)} % — {jpmBand(target.jpm, JPM_BANDS.selection).label}
              </Text>
              <ScrollBox label={t('competency.compareTable')}>
                <Table striped miw={320}>
                  <Table.Caption>{t('competency.compareTable')}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('competency.name')}</Table.Th>
                      <Table.Th scope="col" ta="right">
                        {t('competency.required')}
                      </Table.Th>
                      <Table.Th scope="col" ta="right">
                        {t('competency.current')}
                      </Table.Th>
                      <Table.Th scope="col" ta="right">
                        {t('competency.gap')}
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {target.items.map((i) => (
                      <Table.Tr key={i.competencyId}>
                        <Table.Th scope="row" fw={400}>
                          {i.code} {i.name}
                        </Table.Th>
                        <Table.Td ta="right">{formatNumber(i.required)}</Table.Td>
                        <Table.Td ta="right">
                          {i.current == null ? t('competency.notAssessed') : formatNumber(i.current)}
                        </Table.Td>
                        <Table.Td ta="right" fw={i.gap ? 700 : 400}>
                          {formatNumber(i.gap)}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollBox>
            </>
          )}
        </Stack>
      )}
    </Stack>
  );
}

/** "Profil kompetensi" on the employee page: JPM, a table per competency, and a radar chart on request. */
export function CompetencySection({ nip }: { nip: string }) {
  const { t } = useTranslation();
  const [asChart, setAsChart] = useState(false);
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const q = useQuery({
    queryKey: ['competency-profile', nip],
    queryFn: () => unwrap(api.GET('/api/employees/{nip}/competency-profile', { params: { path: { nip } } })),
  });
  const items = q.data?.items ?? [];
  // Roles that may see the person but not their assessments simply do not get the section.
  if (q.error instanceof ApiError && (q.error.status === 403 || q.error.status === 404)) return null;
  return (
    <Paper component="section" withBorder p="md" radius="md" aria-labelledby="competency">
      <Group justify="space-between" mb="sm" gap="sm">
        <Title order={2} fz="h4" id="competency">
          {t('competency.section')}
        </Title>
        {items.length > 0 && (
          <Button variant="light" size="sm" onClick={() => setAsChart((v) => !v)} aria-pressed={asChart}>
            {asChart ? t('competency.showTable') : t('competency.showChart')}
          </Button>
        )}
      </Group>
      {q.isPending && <Loading />}
      {q.error && <LoadError error={q.error} onRetry={() => void q.refetch()} />}
      {q.data && (
        <Stack gap="md">
          <Jpm p={q.data} />
          {items.length === 0 ? (
            <Text>{t('competency.empty')}</Text>
          ) : asChart ? (
            <>
              <Suspense fallback={<Loading />}>
                <RadarChart
                  rows={items}
                  title={t('competency.chart')}
                  currentLabel={t('competency.seriesCurrent')}
                  requiredLabel={t('competency.seriesRequired')}
                />
              </Suspense>
              {/* The same numbers for screen readers. */}
              <div className="sr-only">
                <ItemsTable items={items} caption={t('competency.table')} />
              </div>
            </>
          ) : phone ? (
            <ItemCards items={items} label={t('competency.table')} />
          ) : (
            <ScrollBox label={t('competency.table')}>
              <ItemsTable items={items} caption={t('competency.table')} />
            </ScrollBox>
          )}
          <Compare nip={nip} ownPositionId={q.data.positionId} />
        </Stack>
      )}
    </Paper>
  );
}
