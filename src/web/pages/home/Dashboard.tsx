import { Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQueries, useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { orgUnitsQuery } from '../../api/queries';
import { LinkAnchor } from '../../components/links';
import { Loading, LoadError } from '../../components/States';
import { formatNumber } from '../../lib/format';
import { buildTree, opdsOf } from '../../lib/units';
import { STATUSES } from '../../search';
import { ScrollBox } from '../../components/ScrollBox';

// ECharts is large: it loads only here, and only when the chart is shown.
const BarChart = lazy(() => import('./BarChart'));

function StatusCounts() {
  const { t } = useTranslation();
  const keys = [undefined, ...STATUSES];
  const results = useQueries({
    queries: keys.map((status) => ({
      queryKey: ['employees', 'count', status ?? 'all'],
      queryFn: () =>
        unwrap(
          api.GET('/api/employees', { params: { query: { pageSize: 1, ...(status ? { status } : {}) } } }),
        ),
      staleTime: 60_000,
    })),
  });
  return (
    <section aria-labelledby="status-title">
      <Title order={2} fz="h3" id="status-title" mb="sm">
        {t('home.byStatus')}
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        {keys.map((status, i) => (
          <Paper key={status ?? 'all'} withBorder p="md" radius="md">
            <Text size="sm" c="dimmed">
              {status ? t(`status.${status}`) : t('home.total')}
            </Text>
            <Text fz={28} fw={700}>
              {formatNumber(results[i]?.data?.total)}
            </Text>
            <LinkAnchor to="/pegawai" search={status ? { status } : {}} size="sm">
              {t('home.toEmployees')}
            </LinkAnchor>
          </Paper>
        ))}
      </SimpleGrid>
    </section>
  );
}

function PerOpd() {
  const { t } = useTranslation();
  const units = useQuery(orgUnitsQuery);
  const [asTable, setAsTable] = useState(false);
  const top = useMemo(() => {
    if (!units.data) return [];
    return opdsOf(buildTree(units.data))
      .map((u) => ({ id: u.id, name: u.name, count: u.totalCount }))
      .sort((a, b) => b.count - a.count)
      .slice(0, 10);
  }, [units.data]);
  return (
    <section aria-labelledby="opd-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="h3" id="opd-title">
          {t('home.perOpd')}
        </Title>
        <Button variant="light" size="sm" onClick={() => setAsTable((v) => !v)} aria-pressed={asTable}>
          {asTable ? t('home.showChart') : t('home.showTable')}
        </Button>
      </Group>
      {units.isPending && <Loading />}
      {units.error && <LoadError error={units.error} onRetry={() => void units.refetch()} />}
      {units.data && (
        <Paper withBorder p="sm" radius="md">
          {asTable ? (
            <ScrollBox label={t('home.perOpd')}>
              <Table striped>
                <Table.Caption>{t('home.perOpd')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('home.opd')}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('home.count')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {top.map((r) => (
                    <Table.Tr key={r.id}>
                      <Table.Td>
                        <LinkAnchor to="/pegawai" search={{ unitId: r.id }}>
                          {r.name}
                        </LinkAnchor>
                      </Table.Td>
                      <Table.Td ta="right">{formatNumber(r.count)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollBox>
          ) : (
            <Suspense fallback={<Loading />}>
              <BarChart rows={top} axisLabel={t('home.chartAxisY')} title={t('home.perOpd')} />
            </Suspense>
          )}
        </Paper>
      )}
    </section>
  );
}

/** Admin and pimpinan: counts by status and employees per OPD (a chart with a table behind it). */
export function Dashboard() {
  return (
    <Stack gap="xl">
      <StatusCounts />
      <PerOpd />
    </Stack>
  );
}
