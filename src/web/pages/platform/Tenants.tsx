import {
  Button,
  Paper,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Page } from '../../components/Page';
import { ScrollBox } from '../../components/ScrollBox';
import { Empty, Loading, LoadError } from '../../components/States';
import { formatDateTime, formatNumber } from '../../lib/format';
import { summaryItems, useFormErrors, type FieldErrors } from '../../lib/form-errors';

const ZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const;
const ORDER = ['code', 'name', 'timeZone', 'admin.username', 'admin.displayName', 'admin.password'] as const;
type Key = (typeof ORDER)[number];

/** A new tenant and its first admin. */
function TenantForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [v, setV] = useState<Record<Key, string>>({
    code: '',
    name: '',
    timeZone: 'Asia/Jayapura',
    'admin.username': '',
    'admin.displayName': '',
    'admin.password': '',
  });
  const { errors, setErrors, title, setTitle, showApiError } = useFormErrors();
  const labels: Record<string, string> = {
    code: t('platform.code'),
    name: t('platform.name'),
    timeZone: t('platform.timeZone'),
    'admin.username': t('platform.adminUsername'),
    'admin.displayName': t('platform.adminName'),
    'admin.password': t('platform.adminPassword'),
  };
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/platform/tenants', {
          body: {
            code: v.code.trim(),
            name: v.name.trim(),
            timeZone: v.timeZone,
            admin: {
              username: v['admin.username'].trim(),
              displayName: v['admin.displayName'].trim(),
              password: v['admin.password'],
            },
          },
        }),
      ),
    onSuccess: (tenant) => {
      void qc.invalidateQueries({ queryKey: ['platform-tenants'] });
      notifications.show({
        closeButtonProps: { 'aria-label': t('common.close') },
        color: 'teal',
        message: t('platform.created', { name: tenant.name }),
      });
      onDone();
    },
    onError: showApiError,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs: FieldErrors = {};
    for (const k of ORDER) if (!v[k].trim()) errs[k] = t('validation.required');
    if (v.code.trim() && !/^[a-z0-9][a-z0-9-]{1,29}$/.test(v.code.trim())) errs.code = t('platform.codeRule');
    if (v['admin.password'] && v['admin.password'].length < 10)
      errs['admin.password'] = t('validation.passwordShort');
    setErrors(errs);
    setTitle(null);
    if (Object.keys(errs).length === 0) save.mutate();
  };
  const field = (k: Key) => ({
    id: `tenant-new-${k.replace('.', '-')}`,
    label: labels[k],
    error: errors[k],
    required: true,
  });
  const text = (k: Key) => ({
    ...field(k),
    value: v[k],
    onChange: (e: { currentTarget: { value: string } }) => {
      const value = e.currentTarget.value;
      setV((s) => ({ ...s, [k]: value }));
    },
  });
  return (
    <Paper component="section" withBorder p="md" radius="md" aria-labelledby="tenant-new-title">
      <Title order={2} fz="h3" id="tenant-new-title" mb="md">
        {t('platform.newTitle')}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <ErrorSummary
            title={title ?? undefined}
            items={summaryItems(
              Object.fromEntries(Object.entries(errors).map(([k, m]) => [k.replace('.', '-'), m])),
              ORDER.map((k) => k.replace('.', '-')),
              'tenant-new',
              Object.fromEntries(Object.entries(labels).map(([k, l]) => [k.replace('.', '-'), l])),
            )}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput {...text('code')} description={t('platform.codeHint')} autoComplete="off" />
            <TextInput {...text('name')} description={t('platform.nameHint')} />
            <Select
              {...field('timeZone')}
              data={ZONES.map((z) => ({ value: z, label: t(`platform.zones.${z}`) }))}
              value={v.timeZone}
              allowDeselect={false}
              onChange={(z) => setV((s) => ({ ...s, timeZone: z ?? 'Asia/Jayapura' }))}
            />
          </SimpleGrid>
          <Title order={3} fz="h4">
            {t('platform.firstAdmin')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput {...text('admin.username')} autoComplete="off" />
            <TextInput {...text('admin.displayName')} />
            <PasswordInput {...text('admin.password')} autoComplete="new-password" />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
            <Button type="submit" loading={save.isPending}>
              {t('platform.create')}
            </Button>
            <Button variant="default" onClick={onDone}>
              {t('common.cancel')}
            </Button>
          </SimpleGrid>
        </Stack>
      </form>
    </Paper>
  );
}

/** Platform administrators: the tenants of this installation (no personal data) and a new one. */
export function TenantsPage() {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const list = useQuery({
    queryKey: ['platform-tenants'],
    queryFn: () => unwrap(api.GET('/api/platform/tenants')),
  });
  return (
    <Page
      title={t('platform.title')}
      actions={!adding && <Button onClick={() => setAdding(true)}>{t('platform.add')}</Button>}
    >
      <Text>{t('platform.intro')}</Text>
      {adding && <TenantForm onDone={() => setAdding(false)} />}
      {list.isPending && <Loading />}
      {list.error && <LoadError error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && list.data.items.length === 0 && <Empty>{t('platform.empty')}</Empty>}
      {list.data && list.data.items.length > 0 && (
        <ScrollBox label={t('platform.table')}>
          <Table striped aria-label={t('platform.table')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('platform.code')}</Table.Th>
                <Table.Th>{t('platform.name')}</Table.Th>
                <Table.Th>{t('platform.timeZone')}</Table.Th>
                <Table.Th ta="right">{t('platform.users')}</Table.Th>
                <Table.Th ta="right">{t('platform.employees')}</Table.Th>
                <Table.Th>{t('platform.createdAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((x) => (
                <Table.Tr key={x.id}>
                  <Table.Td>{x.code}</Table.Td>
                  <Table.Td>{x.name}</Table.Td>
                  <Table.Td>{x.timeZone}</Table.Td>
                  <Table.Td ta="right">{formatNumber(x.users)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(x.employees)}</Table.Td>
                  <Table.Td>{formatDateTime(x.createdAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollBox>
      )}
    </Page>
  );
}
