import {
  Anchor,
  Group,
  NativeSelect,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { LinkAnchor } from '../../components/links';
import { Page } from '../../components/Page';
import { Pager } from '../../components/Pager';
import { ScrollBox } from '../../components/ScrollBox';
import { Loading, LoadError } from '../../components/States';
import { formatNumber } from '../../lib/format';

// ECharts is large: it loads only when the chart is shown.
const BarChart = lazy(() => import('../home/BarChart'));

import { thisYear } from './search';
const percent = (share: number) => `${formatNumber(Math.round(share * 1000) / 10)}%`;

/** 20 JP compliance per unit (chart with the table behind it), drilling down, and the people behind. */
export function CompliancePage() {
  const { t } = useTranslation();
  const search = useSearch({ from: '/app/laporan/jp' });
  const navigate = useNavigate({ from: '/laporan/jp' });
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const year = search.year ?? thisYear();
  const { unitId, show, page = 1 } = search;
  const view = search.view ?? 'chart';
  const report = useQuery({
    queryKey: ['jp-compliance', year, unitId ?? ''],
    placeholderData: keepPreviousData,
    queryFn: () => unwrap(api.GET('/api/reports/jp-compliance', { params: { query: { year, unitId } } })),
  });
  const people = useQuery({
    queryKey: ['jp-compliance-people', year, unitId ?? '', show ?? 'behind', page],
    placeholderData: keepPreviousData,
    queryFn: () =>
      unwrap(
        api.GET('/api/reports/jp-compliance/people', {
          params: { query: { year, unitId, show: show ?? 'behind', page } },
        }),
      ),
  });
  const r = report.data;
  const years = Array.from({ length: 5 }, (_, i) => thisYear() - i);
  const open = (id: string) => void navigate({ search: (s) => ({ ...s, unitId: id, page: undefined }) });
  const query = (extra: Record<string, string>) =>
    new URLSearchParams({ year: String(year), ...(unitId ? { unitId } : {}), ...extra }).toString();

  return (
    <Page title={t('learning.compliance.title')}>
      {r && <Text>{t('learning.compliance.intro', { target: formatNumber(r.targetJp), year: r.year })}</Text>}
      <Group gap="md" align="flex-end" wrap="wrap">
        <NativeSelect
          label={t('learning.compliance.year')}
          value={String(year)}
          onChange={(e) =>
            void navigate({ search: (s) => ({ ...s, year: Number(e.currentTarget.value), page: undefined }) })
          }
          data={years.map(String)}
          maw={160}
        />
        {r && (
          <Anchor href={`/api/reports/jp-compliance.xlsx?${query({})}`} download fw={600} py={8}>
            {t('learning.compliance.download')}
          </Anchor>
        )}
      </Group>
      {report.isPending && <Loading />}
      {report.error && <LoadError error={report.error} onRetry={() => void report.refetch()} />}
      {r && (
        <Stack gap="md">
          <Stack gap={4}>
            {r.unit.parent && (
              <LinkAnchor to="/laporan/jp" search={{ year, unitId: r.unit.parent.id }} size="sm" py={6}>
                {t('learning.compliance.up', { name: r.unit.parent.name })}
              </LinkAnchor>
            )}
            <Title order={2} size="h3">
              {t('learning.compliance.whole', { name: r.unit.name })}
            </Title>
            <Text>
              {t('learning.compliance.summary', {
                compliant: formatNumber(r.total.compliant),
                employees: formatNumber(r.total.employees),
                share: percent(r.total.share),
                average: formatNumber(r.total.averageJp),
              })}
            </Text>
          </Stack>
          {r.units.length > 0 && (
            <Paper withBorder p="md" radius="md">
              <Group justify="space-between" mb="sm" wrap="wrap">
                <Title order={3} size="h4">
                  {t('learning.compliance.table')}
                </Title>
                <SegmentedControl
                  value={view}
                  onChange={(v) =>
                    void navigate({ search: (s) => ({ ...s, view: v === 'table' ? 'table' : undefined }) })
                  }
                  data={[
                    { value: 'chart', label: t('learning.compliance.showChart') },
                    { value: 'table', label: t('learning.compliance.showTable') },
                  ]}
                />
              </Group>
              {view === 'chart' ? (
                <Suspense fallback={<Loading />}>
                  <BarChart
                    rows={r.units.map((u) => ({ name: u.name, count: Math.round(u.share * 1000) / 10 }))}
                    axisLabel={t('learning.compliance.axis')}
                    title={t('learning.compliance.chart')}
                  />
                </Suspense>
              ) : phone ? (
                <Stack component="ul" gap="xs" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                  {r.units.map((u) => (
                    <Paper component="li" key={u.unitId} withBorder p="sm" radius="md">
                      <UnstyledButton onClick={() => open(u.unitId)} py={4} fw={700} c="blue.8">
                        {u.name}
                      </UnstyledButton>
                      <SimpleGrid cols={2} spacing={4}>
                        <Text size="sm">
                          {t('learning.compliance.employees')}: <b>{formatNumber(u.employees)}</b>
                        </Text>
                        <Text size="sm">
                          {t('learning.compliance.compliant')}: <b>{formatNumber(u.compliant)}</b>
                        </Text>
                        <Text size="sm">
                          {t('learning.compliance.share')}: <b>{percent(u.share)}</b>
                        </Text>
                        <Text size="sm">
                          {t('learning.compliance.average')}: <b>{formatNumber(u.averageJp)}</b>
                        </Text>
                      </SimpleGrid>
                    </Paper>
                  ))}
                </Stack>
              ) : (
                <ScrollBox label={t('learning.compliance.table')}>
                  <Table striped miw={640}>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{t('learning.compliance.unit')}</Table.Th>
                        <Table.Th scope="col" ta="right">
                          {t('learning.compliance.employees')}
                        </Table.Th>
                        <Table.Th scope="col" ta="right">
                          {t('learning.compliance.compliant')}
                        </Table.Th>
                        <Table.Th scope="col" ta="right">
                          {t('learning.compliance.share')}
                        </Table.Th>
                        <Table.Th scope="col" ta="right">
                          {t('learning.compliance.average')}
                        </Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {r.units.map((u) => (
                        <Table.Tr key={u.unitId}>
                          <Table.Th scope="row" fw={400}>
                            <UnstyledButton onClick={() => open(u.unitId)} c="blue.8" td="underline">
                              {u.name}
                            </UnstyledButton>
                          </Table.Th>
                          <Table.Td ta="right">{formatNumber(u.employees)}</Table.Td>
                          <Table.Td ta="right">{formatNumber(u.compliant)}</Table.Td>
                          <Table.Td ta="right">{percent(u.share)}</Table.Td>
                          <Table.Td ta="right">{formatNumber(u.averageJp)}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </ScrollBox>
              )}
            </Paper>
          )}
        </Stack>
      )}

      <section aria-labelledby="jp-people">
        <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm" mb="xs">
          <Title order={2} size="h3" id="jp-people">
            {show === 'all' ? t('learning.compliance.allTitle') : t('learning.compliance.behindTitle')}
          </Title>
          <SegmentedControl
            value={show ?? 'behind'}
            onChange={(v) =>
              void navigate({
                search: (s) => ({ ...s, show: v === 'all' ? 'all' : undefined, page: undefined }),
              })
            }
            data={[
              { value: 'behind', label: t('learning.compliance.showBehind') },
              { value: 'all', label: t('learning.compliance.showAll') },
            ]}
          />
        </Group>
        {people.error && <LoadError error={people.error} onRetry={() => void people.refetch()} />}
        {people.data && (
          <Stack gap="sm">
            <Group justify="space-between" wrap="wrap">
              <Text>
                {t('learning.compliance.behindSummary', { count: formatNumber(people.data.total) })}
              </Text>
              <Anchor
                href={`/api/reports/jp-compliance/people.xlsx?${query({ show: show ?? 'behind' })}`}
                download
                fw={600}
                py={8}
              >
                {t('learning.compliance.downloadPeople')}
              </Anchor>
            </Group>
            {people.data.items.length === 0 ? (
              <Text>{t('learning.compliance.nobody')}</Text>
            ) : (
              <ScrollBox label={t('learning.compliance.behindTitle')}>
                <Table striped miw={phone ? 320 : 640}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('learning.compliance.name')}</Table.Th>
                      {!phone && <Table.Th scope="col">{t('learning.compliance.position')}</Table.Th>}
                      <Table.Th scope="col" ta="right">
                        {t('learning.compliance.totalJp')}
                      </Table.Th>
                      <Table.Th scope="col" ta="right">
                        {t('learning.compliance.remainingJp')}
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {people.data.items.map((p) => (
                      <Table.Tr key={p.nip}>
                        <Table.Th scope="row" fw={400}>
                          <LinkAnchor to="/pegawai/$nip" params={{ nip: p.nip }}>
                            {p.name}
                          </LinkAnchor>
                          {phone && (
                            <Text size="xs" c="dimmed">
                              {p.unitName}
                            </Text>
                          )}
                        </Table.Th>
                        {!phone && (
                          <Table.Td>
                            {p.positionName ?? '—'}
                            <Text size="xs" c="dimmed">
                              {p.unitName}
                            </Text>
                          </Table.Td>
                        )}
                        <Table.Td ta="right">{formatNumber(p.totalJp)}</Table.Td>
                        <Table.Td ta="right" fw={p.remainingJp ? 700 : 400}>
                          {formatNumber(p.remainingJp)}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollBox>
            )}
            <Pager
              page={people.data.page}
              pageSize={people.data.pageSize}
              total={people.data.total}
              onPage={(p) => void navigate({ search: (s) => ({ ...s, page: p > 1 ? p : undefined }) })}
            />
          </Stack>
        )}
      </section>
    </Page>
  );
}
