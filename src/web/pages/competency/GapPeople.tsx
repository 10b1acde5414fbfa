import { Anchor, Group, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { LinkAnchor } from '../../components/links';
import { Page } from '../../components/Page';
import { Pager } from '../../components/Pager';
import { ScrollBox } from '../../components/ScrollBox';
import { Loading, LoadError } from '../../components/States';
import { formatNumber } from '../../lib/format';

const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
export const gapPeopleSearch = (
  s: Record<string, unknown>,
): { unitId?: string; competencyId?: string; page?: number } => ({
  unitId: str(s.unitId),
  competencyId: str(s.competencyId),
  page: Number(s.page) > 1 ? Math.floor(Number(s.page)) : undefined,
});

/** The people behind one cell of the gap map: who is below the standard, widest gap first. */
export function GapPeoplePage() {
  const { t } = useTranslation();
  const search = useSearch({ from: '/app/kompetensi/peta/orang' });
  const navigate = useNavigate({ from: '/kompetensi/peta/orang' });
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const { unitId = '', competencyId = '', page = 1 } = search;
  const q = useQuery({
    queryKey: ['gap-people', unitId, competencyId, page],
    enabled: Boolean(unitId && competencyId),
    placeholderData: keepPreviousData,
    queryFn: () => unwrap(api.GET('/api/gaps/people', { params: { query: { unitId, competencyId, page } } })),
  });
  const data = q.data;
  const source = (s: string | null) => (s ? t(`competency.sources.${s}`) : '—');
  const current = (c: number | null) => (c == null ? t('competency.notAssessed') : formatNumber(c));
  return (
    <Page title={t('gapPeople.title')}>
      <LinkAnchor to="/kompetensi/peta" search={{ unitId: data?.unit.id }} size="sm">
        {t('gapPeople.back')}
      </LinkAnchor>
      {q.isPending && <Loading />}
      {q.error && <LoadError error={q.error} onRetry={() => void q.refetch()} />}
      {data && (
        <Stack gap="sm">
          <Text fw={600}>
            {data.competency.code} {data.competency.name} · {data.unit.name}
          </Text>
          <Group justify="space-between" gap="sm">
            <Text>
              {t('gapPeople.summary', {
                below: formatNumber(data.below),
                assessed: formatNumber(data.total - data.notAssessed),
                notAssessed: formatNumber(data.notAssessed),
                total: formatNumber(data.total),
              })}
            </Text>
            <Anchor
              href={`/api/gaps/people.xlsx?unitId=${data.unit.id}&competencyId=${data.competency.id}`}
              download
              fw={600}
              py={8}
            >
              {t('gapPeople.download')}
            </Anchor>
          </Group>
          {data.items.length === 0 ? (
            <Text>{t('gapPeople.empty')}</Text>
          ) : phone ? (
            <Stack
              component="ul"
              gap="sm"
              aria-label={t('gapPeople.table')}
              style={{ listStyle: 'none', margin: 0, padding: 0 }}
            >
              {data.items.map((p) => (
                <Paper component="li" key={p.nip} withBorder p="sm" radius="md">
                  <LinkAnchor to="/pegawai/$nip" params={{ nip: p.nip }} fw={700}>
                    {p.name}
                  </LinkAnchor>
                  <Text size="sm" c="dimmed">
                    {p.positionName ?? '—'} · {p.unitName}
                  </Text>
                  <SimpleGrid cols={2} spacing={4} mt={4}>
                    <Text size="sm">
                      {t('competency.required')}: <b>{formatNumber(p.required)}</b>
                    </Text>
                    <Text size="sm">
                      {t('competency.current')}: <b>{current(p.current)}</b>
                    </Text>
                    <Text size="sm">
                      {t('competency.source')}: {source(p.source)}
                    </Text>
                    <Text size="sm">
                      {t('competency.gap')}: <b>{formatNumber(p.gap)}</b>
                    </Text>
                  </SimpleGrid>
                </Paper>
              ))}
            </Stack>
          ) : (
            <ScrollBox label={t('gapPeople.table')}>
              <Table striped miw={720}>
                <Table.Caption>{t('gapPeople.table')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('gapPeople.name')}</Table.Th>
                    <Table.Th scope="col">{t('gapPeople.position')}</Table.Th>
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
                  {data.items.map((p) => (
                    <Table.Tr key={p.nip}>
                      <Table.Th scope="row" fw={400}>
                        <LinkAnchor to="/pegawai/$nip" params={{ nip: p.nip }}>
                          {p.name}
                        </LinkAnchor>
                      </Table.Th>
                      <Table.Td>
                        {p.positionName ?? '—'}
                        <Text size="xs" c="dimmed">
                          {p.unitName}
                        </Text>
                      </Table.Td>
                      <Table.Td ta="right">{formatNumber(p.required)}</Table.Td>
                      <Table.Td ta="right">{current(p.current)}</Table.Td>
                      <Table.Td>{source(p.source)}</Table.Td>
                      <Table.Td ta="right" fw={p.gap ? 700 : 400}>
                        {formatNumber(p.gap)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollBox>
          )}
          <Pager
            page={data.page}
            pageSize={data.pageSize}
            total={data.total}
            onPage={(p) => void navigate({ search: (s) => ({ ...s, page: p > 1 ? p : undefined }) })}
          />
        </Stack>
      )}
    </Page>
  );
}
