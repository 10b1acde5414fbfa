import { Anchor, Button, Code, Group, Paper, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { Fragment, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type AuditEntry } from '../api/client';
import { Page } from '../components/Page';
import { Pager } from '../components/Pager';
import { Empty, Loading, LoadError } from '../components/States';
import { formatDate, formatDateTime, parseDateInput, zoneName } from '../lib/format';
import { ScrollBox } from '../components/ScrollBox';

const PAGE_SIZE = 50;

/** The download of exactly the filtered entries (same query as the list, without paging). */
function exportHref(search: Record<string, string | number | undefined>) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(search))
    if (v !== undefined && v !== '' && k !== 'page') p.set(k, String(v));
  return `/api/audit/export.xlsx?${p.toString()}`;
}

function Changes({ e }: { e: AuditEntry }) {
  const { t } = useTranslation();
  const show = (v: unknown) => (v == null ? '—' : JSON.stringify(v, null, 2));
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
      <div>
        <Text fw={600} size="sm">
          {t('audit.before')}
        </Text>
        <Code block className="json-block">
          {show(e.before)}
        </Code>
      </div>
      <div>
        <Text fw={600} size="sm">
          {t('audit.after')}
        </Text>
        <Code block className="json-block">
          {show(e.after)}
        </Code>
      </div>
    </SimpleGrid>
  );
}

/** The audit trail: filters in the URL (dates typed dd/mm/yyyy, stored as yyyy-mm-dd), before/after on demand. */
export function AuditPage() {
  const { t } = useTranslation();
  const search = useSearch({ from: '/app/audit' });
  const navigate = useNavigate({ from: '/audit' });
  const [f, setF] = useState({
    entity: search.entity ?? '',
    action: search.action ?? '',
    actor: search.actor ?? '',
    from: search.from ? formatDate(search.from) : '',
    to: search.to ? formatDate(search.to) : '',
  });
  const [dateErr, setDateErr] = useState<{ from?: string; to?: string }>({});
  const [open, setOpen] = useState<Set<number>>(new Set());
  const page = search.page ?? 1;
  const list = useQuery({
    queryKey: ['audit', search],
    queryFn: () =>
      unwrap(api.GET('/api/audit', { params: { query: { ...search, page, pageSize: PAGE_SIZE } } })),
    placeholderData: keepPreviousData,
  });
  const apply = (e: FormEvent) => {
    e.preventDefault();
    const from = f.from.trim() ? parseDateInput(f.from) : undefined;
    const to = f.to.trim() ? parseDateInput(f.to) : undefined;
    const errs = {
      from: from === null ? t('validation.date') : undefined,
      to: to === null ? t('validation.date') : undefined,
    };
    setDateErr(errs);
    if (errs.from || errs.to) return;
    const s = (v: string) => v.trim() || undefined;
    void navigate({
      search: {
        entity: s(f.entity),
        action: s(f.action),
        actor: s(f.actor),
        from: from ?? undefined,
        to: to ?? undefined,
      },
    });
  };
  const toggle = (id: number) =>
    setOpen((o) => {
      const n = new Set(o);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });

  return (
    <Page title={t('audit.title')}>
      <Paper withBorder p="md" radius="md">
        <form onSubmit={apply}>
          <SimpleGrid cols={{ base: 1, sm: 3, lg: 5 }} spacing="sm">
            <TextInput
              label={t('audit.entity')}
              value={f.entity}
              onChange={(e) => setF({ ...f, entity: e.currentTarget.value })}
            />
            <TextInput
              label={t('audit.action')}
              value={f.action}
              onChange={(e) => setF({ ...f, action: e.currentTarget.value })}
            />
            <TextInput
              label={t('audit.actor')}
              value={f.actor}
              onChange={(e) => setF({ ...f, actor: e.currentTarget.value })}
            />
            <TextInput
              label={t('audit.from')}
              placeholder="dd/mm/yyyy"
              inputMode="numeric"
              error={dateErr.from}
              value={f.from}
              onChange={(e) => setF({ ...f, from: e.currentTarget.value })}
            />
            <TextInput
              label={t('audit.to')}
              placeholder="dd/mm/yyyy"
              inputMode="numeric"
              error={dateErr.to}
              value={f.to}
              onChange={(e) => setF({ ...f, to: e.currentTarget.value })}
            />
          </SimpleGrid>
          <Group mt="sm">
            <Button type="submit">{t('audit.apply')}</Button>
            <Button
              variant="subtle"
              onClick={() => {
                setF({ entity: '', action: '', actor: '', from: '', to: '' });
                void navigate({ search: {} });
              }}
            >
              {t('common.reset')}
            </Button>
            <Anchor
              href={exportHref(search)}
              download
              title={t('audit.exportHint')}
              fw={600}
              py={8}
              ml="auto"
            >
              {t('audit.export')}
            </Anchor>
          </Group>
        </form>
      </Paper>
      {list.isPending && <Loading />}
      {list.error && <LoadError error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && list.data.total === 0 && <Empty>{t('audit.empty')}</Empty>}
      {list.data && list.data.items.length > 0 && (
        <Stack gap="md">
          <ScrollBox label={t('audit.table')}>
            <Table striped verticalSpacing="sm" miw={720}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('audit.at', { zone: zoneName() })}</Table.Th>
                  <Table.Th scope="col">{t('audit.actor')}</Table.Th>
                  <Table.Th scope="col">{t('audit.action')}</Table.Th>
                  <Table.Th scope="col">{t('audit.entity')}</Table.Th>
                  <Table.Th scope="col">{t('audit.entityId')}</Table.Th>
                  <Table.Th scope="col">
                    <span className="sr-only">{t('common.details')}</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((e) => (
                  <Fragment key={e.id}>
                    <Table.Tr>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.at)}</Table.Td>
                      <Table.Td>{e.actorName ?? '—'}</Table.Td>
                      <Table.Td>{e.action}</Table.Td>
                      <Table.Td>{e.entity}</Table.Td>
                      <Table.Td style={{ overflowWrap: 'anywhere' }}>{e.entityId ?? '—'}</Table.Td>
                      <Table.Td>
                        <Button
                          variant="subtle"
                          size="sm"
                          aria-expanded={open.has(e.id)}
                          aria-controls={`audit-${e.id}`}
                          onClick={() => toggle(e.id)}
                        >
                          {open.has(e.id) ? t('audit.hide') : t('audit.show')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                    {open.has(e.id) && (
                      <Table.Tr id={`audit-${e.id}`}>
                        <Table.Td colSpan={6}>
                          <Changes e={e} />
                        </Table.Td>
                      </Table.Tr>
                    )}
                  </Fragment>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollBox>
          <Pager
            page={page}
            pageSize={PAGE_SIZE}
            total={list.data.total}
            onPage={(p) => void navigate({ search: (s) => ({ ...s, page: p > 1 ? p : undefined }) })}
          />
        </Stack>
      )}
    </Page>
  );
}
