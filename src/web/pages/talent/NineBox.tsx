import { Badge, Button, Group, NumberInput, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BOX_AXES } from '../../../domain/competency/talent';
import { api, unwrap, type paths } from '../../api/client';
import { useMe } from '../../api/queries';
import { ErrorSummary } from '../../components/ErrorSummary';
import { LinkAnchor, LinkButton } from '../../components/links';
import { Page } from '../../components/Page';
import { Pager } from '../../components/Pager';
import { ScrollBox } from '../../components/ScrollBox';
import { Loading, LoadError } from '../../components/States';
import { UnitSelect } from '../../components/UnitSelect';
import { can, hasRole } from '../../lib/access';
import { useFormErrors } from '../../lib/form-errors';
import { formatNumber } from '../../lib/format';

type Query = NonNullable<paths['/api/talent/nine-box']['get']['parameters']['query']>;
const fetchView = (query: Query) => unwrap(api.GET('/api/talent/nine-box', { params: { query } }));
type View = Awaited<ReturnType<typeof fetchView>>;
type Cutoffs = { performance: [number, number]; potential: [number, number] };
const pair = (v: readonly number[]): [number, number] => [v[0] ?? 0, v[1] ?? 0];

/** Rows: potential high → low; columns: performance low → high (boxes as in Manajemen Talenta). */
const GRID = [
  [6, 8, 9],
  [3, 5, 7],
  [1, 2, 4],
] as const;
const COLOURS: Record<number, string> = {
  1: '#ffe3e3',
  2: '#fff0db',
  3: '#fff0db',
  4: '#fff9db',
  5: '#fff9db',
  6: '#fff9db',
  7: '#d3f9d8',
  8: '#d3f9d8',
  9: '#b2f2bb',
};

function Grid({ view, chosen, onPick }: { view: View; chosen?: string; onPick: (box: string) => void }) {
  const { t } = useTranslation();
  const count = new Map(view.boxes.map((b) => [b.box, b.count]));
  return (
    <div role="group" aria-label={t('talent.grid')}>
      <Text size="sm" fw={700} mb={4}>
        {t('talent.potential')} ↓ · {t('talent.performance')} →
      </Text>
      <div
        className="nine-box"
        style={{ display: 'grid', gridTemplateColumns: 'repeat(3, minmax(0, 1fr))', gap: 6 }}
      >
        {GRID.flat().map((box) => {
          const axes = BOX_AXES[box]!;
          const succession = box >= 7;
          const selected = chosen === String(box);
          return (
            <button
              key={box}
              type="button"
              aria-pressed={selected}
              onClick={() => onPick(String(box))}
              style={{
                background: COLOURS[box],
                color: '#1a1a1a',
                border: selected
                  ? '3px solid #1c4f8a'
                  : succession
                    ? '2px solid #2b8a3e'
                    : '1px solid #adb5bd',
                borderRadius: 8,
                padding: '8px 6px',
                minHeight: 96,
                textAlign: 'left',
                cursor: 'pointer',
                font: 'inherit',
                minWidth: 0,
              }}
            >
              <Text span fw={700} display="block" size="sm">
                {t('talent.box', { box })}
              </Text>
              <Text span display="block" fz={22} fw={700}>
                {formatNumber(count.get(box) ?? 0)}
              </Text>
              <Text span display="block" size="xs" style={{ overflowWrap: 'anywhere' }}>
                {t(`talent.potensi.${axes.potensi}`)} · {t(`talent.kinerja.${axes.kinerja}`)}
              </Text>
              {succession && (
                <Text span display="block" size="xs" fw={700} c="#1b5e20">
                  {t('talent.succession')}
                </Text>
              )}
            </button>
          );
        })}
      </div>
    </div>
  );
}

function PeopleList({ view, onPage }: { view: View; onPage: (p: number) => void }) {
  const { t } = useTranslation();
  const sel = view.selection;
  if (!sel) return null;
  const title = sel.box === 'incomplete' ? t('talent.listIncomplete') : t('talent.listBox', { box: sel.box });
  return (
    <Paper component="section" withBorder p="md" radius="md" aria-labelledby="talent-list">
      <Title order={2} fz="h4" id="talent-list" mb="sm">
        {title}
      </Title>
      {sel.people.length === 0 ? (
        <Text>{t('talent.empty')}</Text>
      ) : (
        <ScrollBox label={title}>
          <Table striped miw={560}>
            <Table.Caption>{title}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('talent.name')}</Table.Th>
                <Table.Th scope="col">{t('talent.position')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('talent.jpm')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('talent.skp')}
                </Table.Th>
                {sel.box === 'incomplete' && <Table.Th scope="col">{t('talent.reason')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sel.people.map((p) => (
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
                  <Table.Td ta="right">
                    {p.potential == null ? '—' : `${formatNumber(p.potential)} %`}
                  </Table.Td>
                  <Table.Td ta="right">{formatNumber(p.performance)}</Table.Td>
                  {sel.box === 'incomplete' && (
                    <Table.Td>{p.reasons.map((r) => t(`talent.reasons.${r}`)).join('; ')}</Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollBox>
      )}
      <Pager page={sel.page} pageSize={sel.pageSize} total={sel.total} onPage={onPage} />
    </Paper>
  );
}

function CutoffForm({ current }: { current: Cutoffs }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [value, setValue] = useState<Cutoffs>(current);
  const [saved, setSaved] = useState(false);
  const { errors, title, showApiError, setErrors, setTitle } = useFormErrors();
  const save = useMutation({
    mutationFn: (body: Cutoffs) => unwrap(api.PUT('/api/talent/settings', { body })),
    onSuccess: async () => {
      setErrors({});
      setTitle(null);
      setSaved(true);
      await qc.invalidateQueries({ queryKey: ['nine-box'] });
    },
    onError: (e) => {
      setSaved(false);
      showApiError(e);
    },
  });
  const field = (axis: 'performance' | 'potential', i: 0 | 1, label: string, max: number) => {
    const message = errors[axis] ?? errors[`${axis}.${i}`];
    return (
      <NumberInput
        id={`cutoff-${axis}-${i}`}
        label={label}
        min={0}
        max={max}
        decimalScale={2}
        value={value[axis][i]}
        error={message}
        onChange={(v) => {
          const next: [number, number] = [...value[axis]];
          next[i] = typeof v === 'number' ? v : Number(v) || 0;
          setValue({ ...value, [axis]: next });
        }}
      />
    );
  };
  const items = Object.entries(errors).map(([k, m]) => ({
    fieldId: `cutoff-${k.startsWith('potential') ? 'potential' : 'performance'}-0`,
    message: m,
  }));
  return (
    <Paper component="section" withBorder p="md" radius="md" aria-labelledby="talent-cutoffs">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(value);
        }}
      >
        <Stack gap="sm">
          <Title order={2} fz="h4" id="talent-cutoffs">
            {t('talent.cutoffs')}
          </Title>
          <ErrorSummary title={title ?? undefined} items={items} />
          <Text size="sm">{t('talent.cutoffsHint')}</Text>
          <Group grow wrap="wrap" align="flex-start" style={{ rowGap: 8 }}>
            {field('performance', 0, t('talent.perfLow'), 200)}
            {field('performance', 1, t('talent.perfHigh'), 200)}
          </Group>
          <Group grow wrap="wrap" align="flex-start" style={{ rowGap: 8 }}>
            {field('potential', 0, t('talent.potLow'), 100)}
            {field('potential', 1, t('talent.potHigh'), 100)}
          </Group>
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('talent.save')}
            </Button>
            {saved && (
              <Text role="status" size="sm">
                {t('talent.saved')}
              </Text>
            )}
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** The talent 9-box of a unit: potential (JPM) × performance (SKP), its people, and the cut-offs. */
export function NineBoxPage() {
  const { t } = useTranslation();
  const me = useMe();
  const search = useSearch({ from: '/app/kompetensi/talenta' });
  const navigate = useNavigate({ from: '/kompetensi/talenta' });
  const [typed, setYear] = useState<number | string | null>(null);
  const q = useQuery({
    queryKey: ['nine-box', search],
    placeholderData: keepPreviousData,
    queryFn: () =>
      fetchView({
        ...(search.unitId ? { unitId: search.unitId } : {}),
        ...(search.year ? { year: search.year } : {}),
        ...(search.box ? { box: search.box } : {}),
        page: search.page ?? 1,
      }),
  });
  const data = q.data;
  const year = typed ?? search.year ?? data?.year ?? '';
  const restrict = hasRole(me, 'admin', 'pimpinan') ? undefined : me.operatorUnitIds;
  return (
    <Page
      title={t('talent.title')}
      actions={
        can(me, 'skpImport') ? (
          <LinkButton to="/kompetensi/talenta/impor-skp" variant="light">
            {t('skpImport.open')}
          </LinkButton>
        ) : undefined
      }
    >
      <Text maw={760}>{t('talent.intro')}</Text>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <UnitSelect
          label={t('talent.unit')}
          value={search.unitId ?? data?.unit.id ?? null}
          restrictTo={restrict}
          searchable
          w={{ base: '100%', sm: 360 }}
          onChange={(v) =>
            void navigate({
              search: (s) => ({ ...s, unitId: v ?? undefined, box: undefined, page: undefined }),
            })
          }
        />
        <NumberInput label={t('talent.year')} value={year} min={2000} max={2100} w={140} onChange={setYear} />
        <Button
          variant="default"
          onClick={() =>
            void navigate({
              search: (s) => ({ ...s, year: typeof year === 'number' ? year : undefined, page: undefined }),
            })
          }
        >
          {t('talent.show')}
        </Button>
      </Group>
      {q.isPending && <Loading />}
      {q.error && <LoadError error={q.error} onRetry={() => void q.refetch()} />}
      {data && (
        <Stack gap="md">
          <Text size="sm">
            {t('talent.summary', {
              placed: formatNumber(data.placed),
              employees: formatNumber(data.employees),
            })}{' '}
            {t('talent.cutoffsUsed', {
              p1: formatNumber(data.cutoffs.performance[0]),
              p2: formatNumber(data.cutoffs.performance[1]),
              q1: formatNumber(data.cutoffs.potential[0]),
              q2: formatNumber(data.cutoffs.potential[1]),
            })}
          </Text>
          <Grid
            view={data}
            chosen={search.box}
            onPick={(box) =>
              void navigate({ search: (s) => ({ ...s, box: box as typeof s.box, page: undefined }) })
            }
          />
          <Group gap="xs" wrap="wrap">
            <Button
              variant={search.box === 'incomplete' ? 'filled' : 'light'}
              aria-pressed={search.box === 'incomplete'}
              onClick={() => void navigate({ search: (s) => ({ ...s, box: 'incomplete', page: undefined }) })}
            >
              {t('talent.incomplete', { count: formatNumber(data.incomplete.count) })}
            </Button>
            {Object.entries(data.incomplete.byReason)
              .filter(([, n]) => n > 0)
              .map(([r, n]) => (
                <Badge key={r} variant="outline" color="gray.8" style={{ textTransform: 'none' }}>
                  {t(`talent.reasons.${r}`)}: {formatNumber(n)}
                </Badge>
              ))}
          </Group>
          <PeopleList
            view={data}
            onPage={(p) => void navigate({ search: (s) => ({ ...s, page: p > 1 ? p : undefined }) })}
          />
          {hasRole(me, 'admin') && (
            <CutoffForm
              key={JSON.stringify(data.cutoffs)}
              current={{
                performance: pair(data.cutoffs.performance),
                potential: pair(data.cutoffs.potential),
              }}
            />
          )}
        </Stack>
      )}
    </Page>
  );
}
