import {
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedCallback, useMediaQuery } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Role, type User } from '../../api/client';
import { Page } from '../../components/Page';
import { Pager } from '../../components/Pager';
import { Empty, Loading, LoadError } from '../../components/States';
import { formatDateTime } from '../../lib/format';
import { ROLE_LIST, type UserSearch } from '../../search';
import { UserForm } from './UserForm';
import { ScrollBox } from '../../components/ScrollBox';

const PAGE_SIZE = 25;

function RoleBadges({ u }: { u: User }) {
  const { t } = useTranslation();
  return (
    <Group gap={4}>
      {u.roles.map((r) => (
        <Badge key={r.role + (r.unitId ?? '')} variant="light" color="asah" style={{ textTransform: 'none' }}>
          {t(`roles.${r.role}`)}
          {r.unitName ? ` · ${r.unitName}` : ''}
        </Badge>
      ))}
    </Group>
  );
}

function StatusText({ u }: { u: User }) {
  const { t } = useTranslation();
  return (
    <>
      {u.active ? t('common.active') : t('common.inactive')}
      {u.locked && (
        <Badge ml={6} color="orange" variant="outline">
          {t('users.locked')}
        </Badge>
      )}
    </>
  );
}

/** The download of exactly the filtered users. */
function exportHref(q: string | undefined, role: string | undefined) {
  const p = new URLSearchParams();
  if (q) p.set('q', q);
  if (role) p.set('role', role);
  return `/api/users/export.xlsx?${p.toString()}`;
}

/** Users admin: search and role filter in the URL, create, edit roles/active, unlock, reset password. */
export function UsersPage() {
  const { t } = useTranslation();
  const search = useSearch({ from: '/app/pengguna' });
  const navigate = useNavigate({ from: '/pengguna' });
  const phone = useMediaQuery('(max-width: 62em)', false, { getInitialValueInEffect: false });
  const [text, setText] = useState(search.q ?? '');
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const update = (p: Partial<UserSearch>) =>
    void navigate({ search: (s) => ({ ...s, ...p, page: p.page }), replace: !('page' in p) });
  const pushQ = useDebouncedCallback((q: string) => update({ q: q || undefined }), 350);
  const page = search.page ?? 1;
  const list = useQuery({
    queryKey: ['users', search],
    queryFn: () =>
      unwrap(
        api.GET('/api/users', {
          params: { query: { q: search.q, role: search.role, page, pageSize: PAGE_SIZE } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  const edit = (u: User) => {
    setEditing(u);
    window.scrollTo({ top: 0 });
  };

  return (
    <Page
      title={t('users.title')}
      actions={!editing && <Button onClick={() => setEditing('new')}>{t('users.add')}</Button>}
    >
      {editing && (
        <UserForm
          key={editing === 'new' ? 'new' : editing.id}
          user={editing === 'new' ? null : editing}
          onDone={() => setEditing(null)}
        />
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label={t('users.search')}
          type="search"
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            pushQ(e.currentTarget.value.trim());
          }}
        />
        <Select
          label={t('users.role')}
          placeholder={t('common.all')}
          clearable
          data={ROLE_LIST.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          value={search.role ?? null}
          onChange={(r) => update({ role: (r ?? undefined) as Role | undefined })}
        />
      </SimpleGrid>
      <Anchor href={exportHref(search.q, search.role)} download fw={600} style={{ alignSelf: 'flex-end' }}>
        {t('users.export')}
      </Anchor>
      {list.isPending && <Loading />}
      {list.error && <LoadError error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && list.data.total === 0 && <Empty>{t('users.empty')}</Empty>}
      {list.data && list.data.items.length > 0 && (
        <Stack gap="md">
          {phone ? (
            <Stack
              gap="sm"
              component="ul"
              style={{ listStyle: 'none', padding: 0, margin: 0 }}
              aria-label={t('users.table')}
            >
              {list.data.items.map((u) => (
                <Paper component="li" key={u.id} withBorder p="sm" radius="md">
                  <Text fw={700}>{u.displayName}</Text>
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {u.username} · <StatusText u={u} />
                  </Text>
                  <RoleBadges u={u} />
                  <Button
                    mt="xs"
                    variant="light"
                    onClick={() => edit(u)}
                    aria-label={`${t('users.edit')} ${u.displayName}`}
                  >
                    {t('users.edit')}
                  </Button>
                </Paper>
              ))}
            </Stack>
          ) : (
            <ScrollBox label={t('users.table')}>
              <Table striped highlightOnHover verticalSpacing="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('users.displayName')}</Table.Th>
                    <Table.Th scope="col">{t('users.username')}</Table.Th>
                    <Table.Th scope="col">{t('users.roles')}</Table.Th>
                    <Table.Th scope="col">{t('users.status')}</Table.Th>
                    <Table.Th scope="col">{t('users.lastLogin')}</Table.Th>
                    <Table.Th scope="col">{t('users.actions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.items.map((u) => (
                    <Table.Tr key={u.id}>
                      <Table.Td fw={600}>{u.displayName}</Table.Td>
                      <Table.Td>{u.username}</Table.Td>
                      <Table.Td>
                        <RoleBadges u={u} />
                      </Table.Td>
                      <Table.Td>
                        <StatusText u={u} />
                      </Table.Td>
                      <Table.Td>{u.lastLoginAt ? formatDateTime(u.lastLoginAt) : t('users.never')}</Table.Td>
                      <Table.Td>
                        <Button
                          variant="light"
                          size="sm"
                          onClick={() => edit(u)}
                          aria-label={`${t('users.edit')} ${u.displayName}`}
                        >
                          {t('users.edit')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollBox>
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
