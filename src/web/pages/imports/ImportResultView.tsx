import { Alert, Anchor, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorReportUrl, type ImportResult, type RowError } from '../../api/imports';
import { formatNumber } from '../../lib/format';
import type { ImportKind } from '../../search';
import { ScrollBox } from '../../components/ScrollBox';

const PREVIEW_COLUMNS: Record<ImportKind, readonly (keyof ImportResult['preview'][number])[]> = {
  employees: ['nip', 'nama', 'status', 'golongan', 'kode_unit', 'jabatan'],
  'org-units': ['kode_unit', 'nama', 'jenis', 'kode_induk'],
  positions: ['kode_jabatan', 'nama', 'jenis', 'jenjang'],
};

export function Counts({
  r,
}: {
  r: Pick<ImportResult, 'totalRows' | 'created' | 'updated' | 'unchanged' | 'errorCount'>;
}) {
  const { t } = useTranslation();
  const cells: [string, number][] = [
    [t('imports.totalRows'), r.totalRows],
    [t('imports.created'), r.created],
    [t('imports.updated'), r.updated],
    [t('imports.unchanged'), r.unchanged],
    [t('imports.errorCount'), r.errorCount],
  ];
  return (
    <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="sm" component="dl" m={0}>
      {cells.map(([label, n]) => (
        <Paper key={label} withBorder p="sm" radius="md">
          <Text component="dt" size="sm" c="dimmed">
            {label}
          </Text>
          <Text
            component="dd"
            m={0}
            fz={24}
            fw={700}
            c={label === t('imports.errorCount') && n > 0 ? 'red.8' : undefined}
          >
            {formatNumber(n)}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

/** Every row error, with its row and column, and the report to fix the file in Excel. */
export function ErrorTable({
  errors,
  errorCount,
  jobId,
}: {
  errors: RowError[];
  errorCount: number;
  jobId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Alert
        color="red"
        variant="light"
        role="alert"
        title={t('imports.errorsTitle', { n: formatNumber(errorCount) })}
      >
        {jobId && (
          <Anchor href={errorReportUrl(jobId)} download fw={600}>
            {t('imports.errorReport')}
          </Anchor>
        )}
      </Alert>
      <ScrollBox label={t('imports.errorCount')} style={{ maxHeight: 480, overflowY: 'auto' }}>
        <Table striped stickyHeader miw={480}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('imports.row')}</Table.Th>
              <Table.Th scope="col">{t('imports.column')}</Table.Th>
              <Table.Th scope="col">{t('imports.message')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {errors.map((e, i) => (
              <Table.Tr key={`${e.row ?? ''}-${e.column ?? ''}-${i}`}>
                <Table.Td>{e.row != null ? formatNumber(e.row) : '—'}</Table.Td>
                <Table.Td>{e.column ?? '—'}</Table.Td>
                <Table.Td>{e.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollBox>
    </Stack>
  );
}

export function PreviewTable({ kind, rows }: { kind: ImportKind; rows: ImportResult['preview'] }) {
  const { t } = useTranslation();
  const cols = PREVIEW_COLUMNS[kind];
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby="preview-title">
      <Title order={3} fz="h4" id="preview-title" mb="xs">
        {t('imports.preview')}
      </Title>
      <ScrollBox label={t('imports.preview')}>
        <Table striped miw={640}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('imports.row')}</Table.Th>
              {cols.map((c) => (
                <Table.Th scope="col" key={c}>
                  {c}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.slice(0, 10).map((r) => (
              <Table.Tr key={r.row}>
                <Table.Td>{r.row}</Table.Td>
                {cols.map((c) => (
                  <Table.Td key={c}>{String(r[c] ?? '')}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollBox>
    </section>
  );
}
