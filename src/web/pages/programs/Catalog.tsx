import { Badge, Card, Group, SegmentedControl, SimpleGrid, Stack, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type paths } from '../../api/client';
import { sameCity } from '../../../domain/tenant';
import { useMe } from '../../api/queries';
import { LinkAnchor, LinkButton } from '../../components/links';
import { Page } from '../../components/Page';
import { Pager } from '../../components/Pager';
import { Empty, Loading, LoadError } from '../../components/States';
import { can } from '../../lib/access';
import { formatNumber } from '../../lib/format';
import { CalendarView } from './CalendarView';
import { ProgramFilters } from './ProgramFilters';
import { dateSpan, formLabel, rupiah, STATUS_COLOR } from './labels';
import type { ProgramSearch } from './search';

const PAGE_SIZE = 24;
type Item = paths['/api/programs']['get']['responses'][200]['content']['application/json']['items'][number];

function ProgramCard({ p }: { p: Item }) {
  const { t } = useTranslation();
  const { homeCity } = useMe();
  return (
    <Card withBorder radius="md" padding="md" component="article">
      <Stack gap={6}>
        <Group gap={6} wrap="wrap">
          <Badge color={STATUS_COLOR[p.status]} variant="filled">
            {t(`programs.statuses.${p.status}`)}
          </Badge>
          {p.scope === 'internasional' && (
            <Badge color="grape.9" variant="filled">
              {t('programs.scopes.internasional')}
            </Badge>
          )}
          <Badge color="asah" variant="filled">
            {t('programs.jpValue', { jp: formatNumber(p.jp) })}
          </Badge>
        </Group>
        <LinkAnchor to="/program/$programId" params={{ programId: p.id }} fw={700} fz="lg">
          {p.title}
        </LinkAnchor>
        <Text size="sm" c="dimmed">
          {p.code} · {formLabel(p.form)}
        </Text>
        <Text size="sm">
          {t('programs.provider')}: {p.providerName || p.organiserUnitName || '—'}
        </Text>
        <Text size="sm">
          {t('programs.schedule')}: {dateSpan(p.firstSessionAt, p.lastSessionAt)} ·{' '}
          {t('programs.sessionCount', { n: p.sessionCount })}
        </Text>
        <Text size="sm">
          {t('programs.costTotal')}: {rupiah(p.costTotal)} · {t('programs.capacity')}:{' '}
          {formatNumber(p.capacity)}
          {sameCity(p.city, homeCity) ? '' : ` · ${p.city}`}
        </Text>
      </Stack>
    </Card>
  );
}

export function CatalogPage() {
  const { t } = useTranslation();
  const me = useMe();
  const search = useSearch({ from: '/app/program' });
  const navigate = useNavigate({ from: '/program' });
  const page = search.page ?? 1;
  const calendar = search.view === 'kalender';
  const filters = {
    q: search.q,
    path: search.path,
    form: search.form,
    scope: search.scope,
    status: search.status,
    partnerId: search.partnerId,
  };
  const list = useQuery({
    queryKey: ['programs', 'list', filters, page],
    queryFn: () =>
      unwrap(api.GET('/api/programs', { params: { query: { ...filters, page, pageSize: PAGE_SIZE } } })),
    placeholderData: keepPreviousData,
    enabled: !calendar,
  });
  const update = (patch: Partial<ProgramSearch>) =>
    void navigate({
      search: (prev) => ({ ...prev, ...patch, page: patch.page }),
      replace: !('page' in patch),
    });
  const filtered = Object.values(filters).some(Boolean);

  return (
    <Page
      title={t('programs.title')}
      actions={
        can(me, 'programEdit') && (
          <LinkButton to="/program/baru" variant="filled">
            {t('programs.add')}
          </LinkButton>
        )
      }
    >
      <ProgramFilters search={search} onChange={update} />
      <SegmentedControl
        aria-label={t('programs.views')}
        value={calendar ? 'kalender' : 'daftar'}
        onChange={(v) => update({ view: v === 'kalender' ? 'kalender' : undefined })}
        data={[
          { value: 'daftar', label: t('programs.viewList') },
          { value: 'kalender', label: t('programs.viewCalendar') },
        ]}
        style={{ alignSelf: 'flex-start' }}
      />
      {calendar ? (
        <CalendarView search={search} filters={filters} onMonth={(month) => update({ month })} />
      ) : (
        <>
          <Text fw={600} aria-live="polite">
            {list.data ? t('programs.total', { n: formatNumber(list.data.total) }) : ' '}
          </Text>
          {list.isPending && <Loading />}
          {list.error && <LoadError error={list.error} onRetry={() => void list.refetch()} />}
          {list.data && list.data.total === 0 && (
            <Empty>{filtered ? t('programs.empty') : t('programs.emptyAll')}</Empty>
          )}
          {list.data && list.data.items.length > 0 && (
            <Stack gap="md" style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}>
              <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
                {list.data.items.map((p) => (
                  <ProgramCard key={p.id} p={p} />
                ))}
              </SimpleGrid>
              <Pager
                page={page}
                pageSize={PAGE_SIZE}
                total={list.data.total}
                onPage={(p) => update({ page: p > 1 ? p : undefined })}
              />
            </Stack>
          )}
        </>
      )}
    </Page>
  );
}
