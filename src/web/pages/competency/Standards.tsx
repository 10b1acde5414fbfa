import {
  Anchor,
  Button,
  Group,
  NativeSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../../api/client';
import type { StandardsImport, StandardsMatrix } from '../../api/competency-admin';
import { useMe } from '../../api/queries';
import { Page } from '../../components/Page';
import { Pager } from '../../components/Pager';
import { ScrollBox } from '../../components/ScrollBox';
import { Empty, Loading, LoadError } from '../../components/States';
import { UnitSelect } from '../../components/UnitSelect';
import { hasRole } from '../../lib/access';
import { TemplatePanel } from './TemplatePanel';
import { UploadDialog } from './UploadDialog';

const TYPES = [
  'jpt_utama',
  'jpt_madya',
  'jpt_pratama',
  'administrator',
  'pengawas',
  'fungsional_keahlian',
  'fungsional_keterampilan',
  'pelaksana',
] as const;
type PositionType = (typeof TYPES)[number];
type Position = StandardsMatrix['positions'][number];
type Competency = StandardsMatrix['competencies'][number];
const PAGE_SIZE = 25;
const CHANGED_BG = 'var(--mantine-color-yellow-1)';

/** Phones: one position at a time, with previous / next within the page. */
function PositionCard({ positions, render }: { positions: Position[]; render: (p: Position) => ReactNode }) {
  const { t } = useTranslation();
  const [index, setIndex] = useState(0);
  const i = Math.min(index, positions.length - 1);
  return (
    <Stack gap="sm">
      <Text size="sm" fw={600} aria-live="polite">
        {t('competencyAdmin.positionOf', { index: i + 1, count: positions.length })}
      </Text>
      <Group grow gap="xs" role="group" aria-label={t('competencyAdmin.position')}>
        <Button variant="default" size="sm" disabled={i === 0} onClick={() => setIndex(i - 1)}>
          {t('competencyAdmin.prevPosition')}
        </Button>
        <Button
          variant="default"
          size="sm"
          disabled={i >= positions.length - 1}
          onClick={() => setIndex(i + 1)}
        >
          {t('competencyAdmin.nextPosition')}
        </Button>
      </Group>
      {render(positions[i]!)}
    </Stack>
  );
}

/** The position column stays in view while the competencies scroll sideways. */
const STICKY_FIRST = {
  position: 'sticky',
  left: 0,
  zIndex: 1,
  background: 'var(--mantine-color-body)',
} as const;

export function StandardsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const admin = hasRole(me, 'admin');
  const phone = useMediaQuery('(max-width: 48em)');
  const qc = useQueryClient();
  const [unitId, setUnitId] = useState<string | null>(null);
  const [type, setType] = useState<PositionType | null>(null);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [page, setPage] = useState(1);
  const [pending, setPending] = useState<Map<string, number | null>>(new Map());
  const [templates, setTemplates] = useState(false);
  const [upload, setUpload] = useState(false);
  // Closing or reloading the tab with unsaved cells asks first.
  useEffect(() => {
    if (pending.size === 0) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [pending.size]);
  const filter = {
    ...(unitId ? { unitId } : {}),
    ...(type ? { positionType: type } : {}),
    ...(q ? { q } : {}),
  };
  const matrix = useQuery({
    queryKey: ['position-standards', filter, page],
    queryFn: () =>
      unwrap(
        api.GET('/api/position-standards', { params: { query: { ...filter, page, pageSize: PAGE_SIZE } } }),
      ),
    placeholderData: keepPreviousData,
  });
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PUT('/api/position-standards', {
          body: {
            changes: [...pending].map(([k, requiredLevel]) => {
              const [positionId, competencyId] = k.split(':') as [string, string];
              return { positionId, competencyId, requiredLevel };
            }),
          },
        }),
      ),
    onSuccess: (r) => {
      setPending(new Map());
      void qc.invalidateQueries({ queryKey: ['position-standards'] });
      notifications.show({
        closeButtonProps: { 'aria-label': t('common.close') },
        color: 'teal',
        message: t('competencyAdmin.savedCells', r),
      });
    },
    onError: (e) =>
      notifications.show({
        closeButtonProps: { 'aria-label': t('common.close') },
        color: 'red',
        message: e instanceof ApiError ? e.title : t('common.loadFailed'),
      }),
  });
  const refilter =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };
  const valueOf = (p: Position, c: Competency): string => {
    const k = `${p.id}:${c.id}`;
    const v = pending.has(k) ? pending.get(k) : p.levels[c.id];
    return v == null ? '' : String(v);
  };
  const change = (p: Position, c: Competency, raw: string) => {
    const k = `${p.id}:${c.id}`;
    const next = new Map(pending);
    const value = raw === '' ? null : Number(raw);
    if ((p.levels[c.id] ?? null) === value) next.delete(k);
    else next.set(k, value);
    setPending(next);
  };
  const cell = (p: Position, c: Competency, withLabel: boolean) => {
    const changed = pending.has(`${p.id}:${c.id}`);
    if (!admin) return <Text ta="center">{valueOf(p, c) || t('competencyAdmin.empty')}</Text>;
    return (
      <NativeSelect
        size="xs"
        label={withLabel ? c.code : undefined}
        aria-label={t('competencyAdmin.cellLabel', { competency: `${c.code} ${c.name}`, position: p.name })}
        data={['', '1', '2', '3', '4', '5'].map((v) => ({
          value: v,
          label: v === '' ? t('competencyAdmin.empty') : v,
        }))}
        value={valueOf(p, c)}
        onChange={(e) => change(p, c, e.currentTarget.value)}
        styles={{ input: changed ? { background: CHANGED_BG, fontWeight: 700 } : {} }}
      />
    );
  };
  const exportHref = `/api/position-standards.xlsx?${new URLSearchParams(filter).toString()}`;
  const data = matrix.data;
  return (
    <Page
      title={t('competencyAdmin.stdTitle')}
      actions={
        <>
          <Anchor href={exportHref} download fw={600} py={8}>
            {t('competencyAdmin.download')}
          </Anchor>
          {admin && (
            <>
              <Button variant="default" onClick={() => setUpload(true)}>
                {t('competencyAdmin.upload')}
              </Button>
              <Button
                variant={templates ? 'filled' : 'default'}
                onClick={() => setTemplates((x) => !x)}
                aria-expanded={templates}
              >
                {t('competencyAdmin.openTemplates')}
              </Button>
            </>
          )}
        </>
      }
    >
      <Text maw={760}>{admin ? t('competencyAdmin.stdIntro') : t('competencyAdmin.readOnly')}</Text>
      {admin && templates && data && <TemplatePanel competencies={data.competencies} />}
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <UnitSelect
          label={t('competencyAdmin.unit')}
          value={unitId}
          onChange={refilter(setUnitId)}
          restrictTo={admin || hasRole(me, 'pimpinan') ? undefined : me.operatorUnitIds}
        />
        <Select
          label={t('competencyAdmin.positionType')}
          clearable
          data={TYPES.map((x) => ({ value: x, label: t(`positionType.${x}`) }))}
          value={type}
          onChange={(v) => refilter(setType)(v as PositionType | null)}
        />
        <TextInput
          label={t('competencyAdmin.search')}
          type="search"
          value={search}
          onChange={(e) => refilter(setSearch)(e.currentTarget.value)}
        />
      </SimpleGrid>
      {admin && pending.size > 0 && (
        <Paper withBorder p="sm" radius="md" style={{ position: 'sticky', top: 64, zIndex: 5 }}>
          <Group gap="sm" justify="space-between" wrap="wrap">
            <Text fw={600} role="status">
              {t('competencyAdmin.unsaved', { count: pending.size })}
            </Text>
            <Group gap="sm">
              <Button onClick={() => save.mutate()} loading={save.isPending}>
                {t('competencyAdmin.saveChanges')}
              </Button>
              <Button variant="default" onClick={() => setPending(new Map())}>
                {t('competencyAdmin.discard')}
              </Button>
            </Group>
          </Group>
        </Paper>
      )}
      {matrix.isPending && <Loading />}
      {matrix.error && <LoadError error={matrix.error} onRetry={() => void matrix.refetch()} />}
      {data && data.positions.length === 0 && <Empty>{t('competencyAdmin.noPositions')}</Empty>}
      {data && data.positions.length > 0 && phone && (
        <PositionCard
          key={`${data.page}-${JSON.stringify(filter)}`}
          positions={data.positions}
          render={(p) => (
            <Paper withBorder p="sm" radius="md" component="section" aria-labelledby={`pos-${p.id}`}>
              <Title order={2} fz="h5" id={`pos-${p.id}`}>
                {p.name}
              </Title>
              <Text size="sm" c="dimmed" mb="xs">
                {p.code} · {t(`positionType.${p.type}` as 'positionType.pengawas')} ·{' '}
                {t('competencyAdmin.holders', { count: p.holders })}
              </Text>
              <SimpleGrid cols={3} spacing="xs">
                {data.competencies.map((c) => (
                  <div key={c.id}>
                    {admin ? (
                      cell(p, c, true)
                    ) : (
                      <Text size="sm">
                        {c.code}: <b>{valueOf(p, c) || t('competencyAdmin.empty')}</b>
                      </Text>
                    )}
                  </div>
                ))}
              </SimpleGrid>
            </Paper>
          )}
        />
      )}
      {data && data.positions.length > 0 && !phone && (
        <ScrollBox label={t('competencyAdmin.stdTitle')}>
          <Table
            withTableBorder
            withColumnBorders
            miw={320 + data.competencies.length * 72}
            verticalSpacing={4}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" style={STICKY_FIRST}>
                  {t('competencyAdmin.position')}
                </Table.Th>
                {data.competencies.map((c) => (
                  <Table.Th key={c.id} scope="col" ta="center">
                    <abbr title={c.name} style={{ textDecoration: 'none' }}>
                      {c.code}
                    </abbr>
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.positions.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Th scope="row" fw={400} miw={260} style={STICKY_FIRST}>
                    <Text size="sm" fw={600}>
                      {p.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {p.code} · {t(`positionType.${p.type}` as 'positionType.pengawas')} ·{' '}
                      {t('competencyAdmin.holders', { count: p.holders })}
                    </Text>
                  </Table.Th>
                  {data.competencies.map((c) => (
                    <Table.Td key={c.id} ta="center" miw={64}>
                      {cell(p, c, false)}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollBox>
      )}
      {data && <Pager page={data.page} pageSize={data.pageSize} total={data.total} onPage={setPage} />}
      {admin && (
        <UploadDialog<StandardsImport>
          opened={upload}
          onClose={() => setUpload(false)}
          title={t('competencyAdmin.uploadTitle')}
          intro={t('competencyAdmin.uploadIntro')}
          url="/api/position-standards/import"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          canSave={(r) => r.inserted + r.updated + r.removed > 0}
          onSaved={(r) => {
            void qc.invalidateQueries({ queryKey: ['position-standards'] });
            notifications.show({
              closeButtonProps: { 'aria-label': t('common.close') },
              color: 'teal',
              message: t('competencyAdmin.savedCells', r),
            });
          }}
          renderResult={(r) => (
            <Stack gap="xs" role="status">
              <Text>{t('competencyAdmin.previewCounts', r)}</Text>
              {r.inserted + r.updated + r.removed === 0 && (
                <Text fw={600}>{t('competencyAdmin.nothingToSave')}</Text>
              )}
            </Stack>
          )}
        />
      )}
    </Page>
  );
}
