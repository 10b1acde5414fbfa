import { Alert, Anchor, Button, FileInput, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, request } from '../api/client';
import { ScrollBox } from './ScrollBox';

/** What an import endpoint on the import runner answers (200, or 422 with the rows at fault). */
export interface ImportOutcome {
  dryRun: boolean;
  totalRows: number;
  created: number;
  updated: number;
  unchanged: number;
  errors: { row?: number; column?: string; message: string }[];
  errorCount: number;
  preview: ({ row: number } & { [column: string]: string | number | undefined })[];
  title?: string;
}

async function send(endpoint: string, file: File, dryRun: boolean): Promise<ImportOutcome> {
  const form = new FormData();
  form.append('file', file, file.name);
  try {
    return (await request<ImportOutcome>(`${endpoint}?dryRun=${dryRun}`, { method: 'POST', body: form }))
      .body;
  } catch (e) {
    // A file with row errors is a result to show (422 with the rows), not a failure.
    if (e instanceof ApiError && e.status === 422 && e.errors.some((x) => x.row != null)) {
      const b = e.body as Partial<ImportOutcome>;
      return {
        dryRun,
        totalRows: b.totalRows ?? 0,
        created: 0,
        updated: 0,
        unchanged: 0,
        errors: e.errors.map((x) => ({ row: x.row, column: x.column, message: x.message })),
        errorCount: b.errorCount ?? e.errors.length,
        preview: b.preview ?? [],
        title: e.title,
      };
    }
    throw e;
  }
}

/**
 * The three steps of a spreadsheet import on the import runner: download the template, choose a
 * file and check it (a dry run: preview or the errors by row and column), then save all or nothing.
 * Texts come from the i18n block `ns` (step1, template, step2, file, check, step3, okPreview, errors,
 * row, column, preview, save, saved, nothingNew), each given created / updated / unchanged / count.
 */
export function SpreadsheetImport({
  ns,
  id,
  endpoint,
  templateHref,
  columns,
  onSaved,
}: {
  ns: string;
  /** Prefix of element ids on the page. */
  id: string;
  endpoint: string;
  templateHref: string;
  /** Columns of the preview table, as named in the template. */
  columns: readonly string[];
  /** After a successful save (e.g. to refresh views that show the data). */
  onSaved?: (result: ImportOutcome) => void;
}) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ImportOutcome | null>(null);
  const [saved, setSaved] = useState<ImportOutcome | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const k = (key: string) => `${ns}.${key}`;
  const numbers = (r: ImportOutcome) => ({
    created: r.created,
    updated: r.updated,
    unchanged: r.unchanged,
    count: r.created + r.updated,
  });

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setFailure(null);
    try {
      const r = await send(endpoint, file, dryRun);
      if (dryRun) {
        setResult(r);
        setSaved(null);
      } else if (r.errors.length) setResult(r);
      else {
        setSaved(r);
        setResult(null);
        onSaved?.(r);
      }
    } catch (e) {
      setFailure(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Paper withBorder p="md" radius="md">
        <Stack gap="md" maw={560}>
          <div>
            <Title order={2} fz="h4" mb={4}>
              {t(k('step1'))}
            </Title>
            <Anchor href={templateHref} download>
              {t(k('template'))}
            </Anchor>
          </div>
          <div>
            <Title order={2} fz="h4" mb={4}>
              {t(k('step2'))}
            </Title>
            <FileInput
              id={`${id}-file`}
              label={t(k('file'))}
              accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
              value={file}
              onChange={(f) => {
                setFile(f);
                setResult(null);
                setSaved(null);
              }}
              clearable
              clearButtonProps={{ 'aria-label': t('assessment.form.removeFile') }}
            />
          </div>
          <Button
            onClick={() => void run(true)}
            disabled={!file}
            loading={busy && !result}
            style={{ alignSelf: 'flex-start' }}
          >
            {t(k('check'))}
          </Button>
        </Stack>
      </Paper>
      {failure && (
        <Alert color="red" role="alert">
          {failure}
        </Alert>
      )}
      {saved && (
        <Alert color="teal" role="status">
          {saved.created + saved.updated ? t(k('saved'), numbers(saved)) : t(k('nothingNew'))}
        </Alert>
      )}
      {result && (
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby={`${id}-step3`}>
          <Title order={2} fz="h4" id={`${id}-step3`} mb="sm">
            {t(k('step3'))}
          </Title>
          {result.errors.length > 0 ? (
            <Stack gap="sm">
              <Alert color="red" role="alert">
                {t(k('errors'), { count: result.errorCount })}
              </Alert>
              <Stack component="ul" gap={6} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                {result.errors.map((e, i) => (
                  <li
                    key={i}
                    style={{ borderBottom: '1px solid var(--mantine-color-gray-3)', paddingBottom: 6 }}
                  >
                    <Text size="sm" fw={700}>
                      {t(k('row'))} {e.row ?? '—'} · {t(k('column'))} {e.column ?? '—'}
                    </Text>
                    <Text size="sm">{e.message}</Text>
                  </li>
                ))}
              </Stack>
            </Stack>
          ) : (
            <Stack gap="sm">
              <Text>{t(k('okPreview'), numbers(result))}</Text>
              <ScrollBox label={t(k('preview'))}>
                <Table striped>
                  <Table.Caption>{t(k('preview'))}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t(k('row'))}</Table.Th>
                      {columns.map((c) => (
                        <Table.Th scope="col" key={c}>
                          {c}
                        </Table.Th>
                      ))}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {result.preview.map((r) => (
                      <Table.Tr key={r.row}>
                        <Table.Td>{r.row}</Table.Td>
                        {columns.map((c) => (
                          <Table.Td key={c}>{r[c]}</Table.Td>
                        ))}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollBox>
              {result.created + result.updated > 0 ? (
                <Button onClick={() => void run(false)} loading={busy} style={{ alignSelf: 'flex-start' }}>
                  {t(k('save'), numbers(result))}
                </Button>
              ) : (
                <Text>{t(k('nothingNew'))}</Text>
              )}
            </Stack>
          )}
        </Paper>
      )}
    </>
  );
}
