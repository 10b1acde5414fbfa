import { Anchor, Breadcrumbs, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useSearch } from '@tanstack/react-router';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { orgUnitsQuery, useMe } from '../../api/queries';
import { LinkAnchor } from '../../components/links';
import { Page } from '../../components/Page';
import { ScrollBox } from '../../components/ScrollBox';
import { Loading, LoadError } from '../../components/States';
import { hasRole } from '../../lib/access';
import { formatNumber } from '../../lib/format';

const percent = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 });
const formatShare = (share: number) => `${percent.format(share * 100)} %`;

/**
 * Share below standard → cell colours. Each step keeps AA contrast (≥ 4.5:1) between text and background:
 * dark text on the light steps, white on the dark ones.
 */
const SCALE: readonly { min: number; bg: string; fg: string }[] = [
  { min: 0.8, bg: '#7d1d1d', fg: '#ffffff' },
  { min: 0.6, bg: '#b3261e', fg: '#ffffff' },
  { min: 0.4, bg: '#f08c00', fg: '#1a1a1a' },
  { min: 0.2, bg: '#ffc078', fg: '#1a1a1a' },
  { min: 0.000001, bg: '#fff0db', fg: '#1a1a1a' },
  { min: 0, bg: '#ffffff', fg: '#1a1a1a' },
];
const colourOf = (share: number) => SCALE.find((s) => share >= s.min) ?? SCALE[SCALE.length - 1]!;

function Trail({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const units = useQuery(orgUnitsQuery);
  // An operator sees their own OPD and below: the city level above it is not theirs to open.
  const wide = hasRole(useMe(), 'admin', 'pimpinan');
  const trail = useMemo(() => {
    const byId = new Map((units.data ?? []).map((u) => [u.id, u]));
    const out = [];
    for (let u = byId.get(unitId); u && out.length < 20; u = u.parentId ? byId.get(u.parentId) : undefined)
      out.unshift(u);
    return wide ? out : out.filter((u) => u.kind !== 'pemda');
  }, [units.data, unitId, wide]);
  if (trail.length === 0) return null;
  return (
    <nav aria-label={t('heatmap.breadcrumb')}>
      <Breadcrumbs separator="›" style={{ flexWrap: 'wrap', rowGap: 4 }}>
        {trail.map((u, i) =>
          i === trail.length - 1 ? (
            <Text key={u.id} size="sm" fw={600} aria-current="page">
              {u.name}
            </Text>
          ) : (
            <LinkAnchor key={u.id} to="/kompetensi/peta" search={{ unitId: u.id }} size="sm">
              {u.name}
            </LinkAnchor>
          ),
        )}
      </Breadcrumbs>
    </nav>
  );
}

export function GapMapPage() {
  const { t } = useTranslation();
  const { unitId } = useSearch({ from: '/app/kompetensi/peta' });
  const q = useQuery({
    queryKey: ['gap-heatmap', unitId ?? 'top'],
    queryFn: () => unwrap(api.GET('/api/gaps/heatmap', { params: { query: unitId ? { unitId } : {} } })),
  });
  const cells = useMemo(
    () => new Map((q.data?.cells ?? []).map((c) => [`${c.unitId}/${c.competencyId}`, c])),
    [q.data],
  );
  const data = q.data;
  return (
    <Page title={t('heatmap.title')}>
      <Text maw={760}>{t('heatmap.intro')}</Text>
      {data && <Trail unitId={data.unitId} />}
      {q.isPending && <Loading />}
      {q.error && <LoadError error={q.error} onRetry={() => void q.refetch()} />}
      {data && data.units.length === 0 && (
        <Paper withBorder p="md" radius="md">
          <Stack gap="xs" align="flex-start">
            <Text>{t('heatmap.empty')}</Text>
            <LinkAnchor to="/pegawai" search={{ unitId: data.unitId }}>
              {t('heatmap.emptyLink')}
            </LinkAnchor>
          </Stack>
        </Paper>
      )}
      {data && data.units.length > 0 && data.competencies.length === 0 && (
        <Text>{t('heatmap.noCompetencies')}</Text>
      )}
      {data && data.units.length > 0 && data.competencies.length > 0 && (
        <Stack gap="sm">
          <Group justify="space-between" gap="sm">
            <Text size="sm" c="dimmed">
              {t('heatmap.legend')}
            </Text>
            <Anchor href={`/api/gaps/heatmap.xlsx?unitId=${data.unitId}`} download fw={600} py={8}>
              {t('heatmap.download')}
            </Anchor>
          </Group>
          <ScrollBox label={t('heatmap.table')}>
            <Table
              className="heatmap"
              withTableBorder
              withColumnBorders
              miw={Math.max(480, 240 + data.competencies.length * 64)}
            >
              <Table.Caption>{t('heatmap.table')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('heatmap.unit')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('heatmap.employees')}
                  </Table.Th>
                  {data.competencies.map((c) => (
                    <Table.Th key={c.id} scope="col" ta="center" title={c.name}>
                      <abbr title={c.name} style={{ textDecoration: 'none' }}>
                        {c.code}
                      </abbr>
                      <span className="sr-only"> {c.name}</span>
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.units.map((u) => (
                  <Table.Tr key={u.id}>
                    <Table.Th scope="row" fw={400}>
                      <LinkAnchor to="/kompetensi/peta" search={{ unitId: u.id }}>
                        {u.name}
                      </LinkAnchor>
                    </Table.Th>
                    <Table.Td ta="right">{formatNumber(u.employees)}</Table.Td>
                    {data.competencies.map((c) => {
                      const cell = cells.get(`${u.id}/${c.id}`);
                      if (!cell || cell.required === 0)
                        return (
                          <Table.Td key={c.id} ta="center" c="dimmed">
                            <span aria-hidden="true">—</span>
                            <span className="sr-only">{t('heatmap.noRequirement')}</span>
                          </Table.Td>
                        );
                      const assessed = cell.required - cell.notAssessed;
                      // Nobody assessed yet: no share to colour, only the count of people to assess.
                      const colour = assessed > 0 ? colourOf(cell.share) : SCALE[SCALE.length - 1]!;
                      return (
                        <Table.Td key={c.id} ta="center" p={0} style={{ background: colour.bg }}>
                          <LinkAnchor
                            to="/kompetensi/peta/orang"
                            search={{ unitId: u.id, competencyId: c.id }}
                            aria-label={t(assessed > 0 ? 'heatmap.cellLink' : 'heatmap.cellLinkNone', {
                              unit: u.name,
                              competency: c.name,
                              below: cell.below,
                              assessed,
                              notAssessed: cell.notAssessed,
                            })}
                            underline="never"
                            style={{
                              color: colour.fg,
                              display: 'block',
                              padding: '6px 4px',
                              minHeight: 44,
                              whiteSpace: 'nowrap',
                            }}
                          >
                            <Text span fw={700} display="block" inherit>
                              {assessed > 0 ? formatShare(cell.share) : t('heatmap.noneAssessed')}
                            </Text>
                            {assessed > 0 && (
                              <Text span size="xs" display="block" inherit>
                                {t('heatmap.cell', {
                                  below: formatNumber(cell.below),
                                  assessed: formatNumber(assessed),
                                })}
                              </Text>
                            )}
                            {cell.notAssessed > 0 && (
                              <Text span size="xs" display="block" inherit>
                                {t('heatmap.cellNotAssessed', { n: formatNumber(cell.notAssessed) })}
                              </Text>
                            )}
                          </LinkAnchor>
                        </Table.Td>
                      );
                    })}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollBox>
          <Text component="dl" size="sm" m={0} style={{ columnWidth: 260 }}>
            {data.competencies.map((c) => (
              <div key={c.id} style={{ breakInside: 'avoid' }}>
                <Text component="dt" span fw={600} size="sm">
                  {c.code}
                </Text>{' '}
                <Text component="dd" span size="sm" m={0}>
                  {c.name}
                </Text>
              </div>
            ))}
          </Text>
        </Stack>
      )}
    </Page>
  );
}
