import { Anchor, Group, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { useMe } from '../../api/queries';
import { LinkButton } from '../../components/links';
import { Page } from '../../components/Page';
import { Pager } from '../../components/Pager';
import { Empty, Loading, LoadError } from '../../components/States';
import { can } from '../../lib/access';
import { formatNumber } from '../../lib/format';
import type { EmployeeSearch } from '../../search';
import { EmployeeFilters } from './EmployeeFilters';
import { EmployeeCards, EmployeeTable } from './EmployeeResults';

const PAGE_SIZE = 25;

/** The filters as API query parameters (the list and the Excel download use exactly the same). */
function apiQuery(s: EmployeeSearch) {
  return {
    q: s.q,
    unitId: s.unitId,
    status: s.status,
    golongan: s.golongan,
    positionType: s.positionType,
    sort: s.sort ?? 'name',
    order: s.order ?? 'asc',
  };
}

function exportHref(s: EmployeeSearch) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(apiQuery(s))) if (v) p.set(k, v);
  return `/api/employees/export.xlsx?${p.toString()}`;
}

export function EmployeeListPage() {
  const { t } = useTranslation();
  const me = useMe();
  const search = useSearch({ from: '/app/pegawai' });
  const navigate = useNavigate({ from: '/pegawai' });
  const phone = useMediaQuery('(max-width: 62em)', false, { getInitialValueInEffect: false });
  const page = search.page ?? 1;
  const list = useQuery({
    queryKey: ['employees', 'list', search],
    queryFn: () =>
      unwrap(
        api.GET('/api/employees', { params: { query: { ...apiQuery(search), page, pageSize: PAGE_SIZE } } }),
      ),
    placeholderData: keepPreviousData,
  });
  const update = (patch: Partial<EmployeeSearch>) =>
    void navigate({
      search: (prev) => ({ ...prev, ...patch, page: patch.page }),
      replace: !('page' in patch),
    });
  const onSort = (k: NonNullable<EmployeeSearch['sort']>) => {
    const same = (search.sort ?? 'name') === k;
    const order = same && (search.order ?? 'asc') === 'asc' ? 'desc' : 'asc';
    update({ sort: k === 'name' ? undefined : k, order: order === 'asc' ? undefined : order });
  };
  const filtered = !!(search.q || search.unitId || search.status || search.golongan || search.positionType);

  return (
    <Page
      title={t('employees.title')}
      actions={
        can(me, 'newEmployee') && (
          <LinkButton to="/pegawai/baru" variant="filled">
            {t('employees.add')}
          </LinkButton>
        )
      }
    >
      <EmployeeFilters search={search} onChange={update} />
      <Group justify="space-between" gap="sm">
        <Text fw={600} aria-live="polite">
          {list.data ? t('employees.total', { n: formatNumber(list.data.total) }) : ' '}
        </Text>
        <Anchor href={exportHref(search)} download title={t('employees.exportHint')} fw={600} py={8}>
          {t('employees.export')}
        </Anchor>
      </Group>
      {list.isPending && <Loading />}
      {list.error && <LoadError error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && list.data.total === 0 && (
        <Empty
          action={
            !filtered && can(me, 'import') ? (
              <LinkButton to="/impor" search={{ kind: 'employees' }}>
                {t('nav.import')}
              </LinkButton>
            ) : undefined
          }
        >
          {filtered ? t('employees.emptyFiltered') : t('employees.emptyAll')}
        </Empty>
      )}
      {list.data && list.data.items.length > 0 && (
        <Stack gap="md" style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}>
          {phone ? (
            <EmployeeCards items={list.data.items} />
          ) : (
            <EmployeeTable items={list.data.items} search={search} onSort={onSort} />
          )}
          <Pager
            page={page}
            pageSize={PAGE_SIZE}
            total={list.data.total}
            onPage={(p) => update({ page: p > 1 ? p : undefined })}
          />
        </Stack>
      )}
    </Page>
  );
}
