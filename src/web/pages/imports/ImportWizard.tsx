import { Alert, Anchor, Button, FileInput, Group, Paper, Radio, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState, type DragEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { checkImport, startImport, templateUrl } from '../../api/imports';
import { useMe } from '../../api/queries';
import { Page } from '../../components/Page';
import { hasRole } from '../../lib/access';
import { IMPORT_KINDS, type ImportKind } from '../../search';
import { ImportJobView } from './ImportJobView';
import { Counts, ErrorTable, PreviewTable } from './ImportResultView';

function Step({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <Paper component="section" withBorder p="md" radius="md" aria-labelledby={id}>
      <Title order={2} fz="h3" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** Import wizard: choose → template → upload → check (dry run) → save (background, with progress) → result. */
export function ImportPage() {
  const { t } = useTranslation();
  const me = useMe();
  const search = useSearch({ from: '/app/impor' });
  const navigate = useNavigate({ from: '/impor' });
  const kinds: readonly ImportKind[] = hasRole(me, 'admin') ? IMPORT_KINDS : ['employees'];
  const kind: ImportKind = search.kind && kinds.includes(search.kind) ? search.kind : 'employees';
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [over, setOver] = useState(false);

  const check = useMutation({ mutationFn: (f: File) => checkImport(kind, f) });
  const commit = useMutation({
    mutationFn: (f: File) => startImport(kind, f),
    onSuccess: (jobId) => void navigate({ search: { kind, job: jobId } }),
  });

  const choose = (f: File | null) => {
    setFile(f);
    setFileError(null);
    check.reset();
    commit.reset();
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const f = e.dataTransfer.files[0];
    if (f) choose(f);
  };
  const runCheck = () => {
    if (!file) return setFileError(t('imports.chooseFile'));
    check.mutate(file);
  };

  if (search.job) {
    return (
      <Page title={t('imports.title')}>
        <ImportJobView jobId={search.job} />
      </Page>
    );
  }

  const result = check.data;
  const ready = result && result.errorCount === 0;
  return (
    <Page title={t('imports.title')}>
      <Text>{t('imports.intro')}</Text>
      <Step title={t('imports.step1')} id="step1">
        {kinds.length > 1 ? (
          <Radio.Group
            label={t('imports.kind')}
            value={kind}
            onChange={(k) => {
              choose(null);
              void navigate({ search: { kind: k as ImportKind }, replace: true });
            }}
          >
            <Group mt="xs" gap="lg">
              {kinds.map((k) => (
                <Radio key={k} value={k} label={t(`imports.kinds.${k}`)} size="md" />
              ))}
            </Group>
          </Radio.Group>
        ) : (
          <Text>
            {t('imports.kind')}: <strong>{t(`imports.kinds.${kind}`)}</strong>
          </Text>
        )}
        <Text mt="md" fw={600}>
          {t('imports.template')}
        </Text>
        <Group gap="lg">
          <Anchor href={templateUrl(kind, 'xlsx')} download py={8}>
            {t('imports.templateXlsx')}
          </Anchor>
          <Anchor href={templateUrl(kind, 'csv')} download py={8}>
            {t('imports.templateCsv')}
          </Anchor>
        </Group>
      </Step>

      <Step title={t('imports.step2')} id="step2">
        <div
          className="dropzone"
          data-over={over}
          onDragOver={(e) => {
            e.preventDefault();
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={onDrop}
        >
          <Stack gap="sm" align="stretch">
            <FileInput
              id="import-file"
              label={t('imports.file')}
              description={t('imports.fileHint')}
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              value={file}
              onChange={choose}
              clearable
              error={fileError}
              ta="left"
            />
            <Text size="sm" c="dimmed">
              {t('imports.drop')}
            </Text>
          </Stack>
        </div>
        <Button mt="md" onClick={runCheck} loading={check.isPending}>
          {t('imports.check')}
        </Button>
        {check.isPending && (
          <Text mt="xs" role="status">
            {t('imports.checking')}
          </Text>
        )}
        {check.error && (
          <Alert mt="md" color="red" role="alert" title={t('common.errorTitle')}>
            {check.error instanceof ApiError ? check.error.title : t('common.loadFailed')}
          </Alert>
        )}
      </Step>

      {result && (
        <Step title={t('imports.step3')} id="step3">
          <Stack gap="md">
            <Counts r={result} />
            {result.errorCount > 0 ? (
              <ErrorTable
                errors={result.errors}
                errorCount={result.errorCount}
                jobId={result.jobId || undefined}
              />
            ) : (
              <Alert color="teal" role="status">
                {t('imports.noErrors')}
              </Alert>
            )}
            <PreviewTable kind={kind} rows={result.preview} />
          </Stack>
        </Step>
      )}

      {ready && file && (
        <Step title={t('imports.step4')} id="step4">
          {commit.error && (
            <Alert mb="md" color="red" role="alert" title={t('common.errorTitle')}>
              {commit.error instanceof ApiError ? commit.error.title : t('common.loadFailed')}
            </Alert>
          )}
          <Button size="lg" onClick={() => commit.mutate(file)} loading={commit.isPending}>
            {t('imports.commit')}
          </Button>
        </Step>
      )}
    </Page>
  );
}
