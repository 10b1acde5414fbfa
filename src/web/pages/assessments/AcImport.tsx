import { Alert, Anchor, Button, FileInput, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, request, type paths } from '../../api/client';
import { LinkButton } from '../../components/links';
import { Page } from '../../components/Page';
import { ScrollBox } from '../../components/ScrollBox';

type Result = paths['/api/assessments/import']['post']['responses'][200]['content']['application/json'];

async function send(file: File, dryRun: boolean): Promise<Result & { title?: string }> {
  const form = new FormData();
  form.append('file', file, file.name);
  try {
    return (await request<Result>(`/api/assessments/import?dryRun=${dryRun}`, { method: 'POST', body: form }))
      .body;
  } catch (e) {
    // A file with row errors is a result to show (422 with the rows), not a failure.
    if (e instanceof ApiError && e.status === 422 && e.errors.some((x) => x.row != null)) {
      const b = e.body as Partial<Result>;
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

/** Assessment-centre results: template, upload, preview with row/column errors, then save all or nothing. */
export function AcImportPage() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<(Result & { title?: string }) | null>(null);
  const [saved, setSaved] = useState<Result | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setFailure(null);
    try {
      const r = await send(file, dryRun);
      if (dryRun) {
        setResult(r);
        setSaved(null);
      } else if (r.errors.length) setResult(r);
      else {
        setSaved(r);
        setResult(null);
      }
    } catch (e) {
      setFailure(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page
      title={t('assessment.ac.title')}
      actions={
        <LinkButton to="/kompetensi/kampanye" search={{}} variant="subtle">
          {t('assessment.campaigns.title')}
        </LinkButton>
      }
    >
      <Text>{t('assessment.ac.intro')}</Text>
      <Paper withBorder p="md" radius="md">
        <Stack gap="md" maw={560}>
          <div>
            <Title order={2} fz="h4" mb={4}>
              {t('assessment.ac.step1')}
            </Title>
            <Anchor href="/api/assessments/import/template.xlsx" download>
              {t('assessment.ac.template')}
            </Anchor>
          </div>
          <div>
            <Title order={2} fz="h4" mb={4}>
              {t('assessment.ac.step2')}
            </Title>
            <FileInput
              id="ac-file"
              label={t('assessment.ac.file')}
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
            {t('assessment.ac.check')}
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
          {saved.created
            ? t('assessment.ac.saved', { created: saved.created, unchanged: saved.unchanged })
            : t('assessment.ac.nothingNew')}
        </Alert>
      )}
      {result && (
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="ac-step3">
          <Title order={2} fz="h4" id="ac-step3" mb="sm">
            {t('assessment.ac.step3')}
          </Title>
          {result.errors.length > 0 ? (
            <Stack gap="sm">
              <Alert color="red" role="alert">
                {t('assessment.ac.errors', { count: result.errorCount })}
              </Alert>
              <Stack component="ul" gap={6} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                {result.errors.map((e, i) => (
                  <li
                    key={i}
                    style={{ borderBottom: '1px solid var(--mantine-color-gray-3)', paddingBottom: 6 }}
                  >
                    <Text size="sm" fw={700}>
                      {t('assessment.ac.row')} {e.row ?? '—'} · {t('assessment.ac.column')} {e.column ?? '—'}
                    </Text>
                    <Text size="sm">{e.message}</Text>
                  </li>
                ))}
              </Stack>
            </Stack>
          ) : (
            <Stack gap="sm">
              <Text>
                {t('assessment.ac.okPreview', { created: result.created, unchanged: result.unchanged })}
              </Text>
              <ScrollBox label={t('assessment.ac.preview')}>
                <Table striped>
                  <Table.Caption>{t('assessment.ac.preview')}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      {['row', 'nip', 'kode_kompetensi', 'level', 'tanggal', 'catatan'].map((c) => (
                        <Table.Th scope="col" key={c}>
                          {c === 'row' ? t('assessment.ac.row') : c}
                        </Table.Th>
                      ))}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {result.preview.map((r) => (
                      <Table.Tr key={r.row}>
                        <Table.Td>{r.row}</Table.Td>
                        <Table.Td>{r.nip}</Table.Td>
                        <Table.Td>{r.kode_kompetensi}</Table.Td>
                        <Table.Td>{r.level}</Table.Td>
                        <Table.Td>{r.tanggal}</Table.Td>
                        <Table.Td>{r.catatan}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollBox>
              {result.created > 0 && (
                <Button onClick={() => void run(false)} loading={busy} style={{ alignSelf: 'flex-start' }}>
                  {t('assessment.ac.save', { count: result.created })}
                </Button>
              )}
              {result.created === 0 && <Text>{t('assessment.ac.nothingNew')}</Text>}
            </Stack>
          )}
        </Paper>
      )}
    </Page>
  );
}
