import { Alert, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { getJob } from '../../api/imports';
import { LinkButton } from '../../components/links';
import { Loading, LoadError } from '../../components/States';
import { formatNumber } from '../../lib/format';
import { Counts, ErrorTable } from './ImportResultView';

/** Follows a background import by its id (kept in the URL, so a reload picks it up again). */
export function ImportJobView({ jobId }: { jobId: string }) {
  const { t } = useTranslation();
  const job = useQuery({
    queryKey: ['import-job', jobId],
    queryFn: () => getJob(jobId),
    refetchInterval: (q) =>
      q.state.data && (q.state.data.status === 'succeeded' || q.state.data.status === 'failed')
        ? false
        : 1000,
  });
  if (job.isPending) return <Loading />;
  if (job.error) return <LoadError error={job.error} onRetry={() => void job.refetch()} />;
  const j = job.data;
  const again = (
    <Group>
      <LinkButton to="/impor" search={{ kind: j.kind }} variant="light">
        {t('imports.again')}
      </LinkButton>
      {j.kind === 'employees' && <LinkButton to="/pegawai">{t('imports.toEmployees')}</LinkButton>}
    </Group>
  );

  if (j.status === 'succeeded') {
    const r = j.result ?? {};
    return (
      <Paper withBorder p="md" radius="md">
        <Stack gap="md">
          <Alert color="teal" title={t('imports.succeeded')} role="status">
            {t('imports.succeededText', {
              created: formatNumber(r.created ?? 0),
              updated: formatNumber(r.updated ?? 0),
              unchanged: formatNumber(r.unchanged ?? 0),
            })}
          </Alert>
          <Counts
            r={{
              totalRows: r.totalRows ?? j.totalRows,
              created: r.created ?? 0,
              updated: r.updated ?? 0,
              unchanged: r.unchanged ?? 0,
              errorCount: 0,
            }}
          />
          {again}
        </Stack>
      </Paper>
    );
  }
  if (j.status === 'failed') {
    const r = j.result ?? {};
    return (
      <Paper withBorder p="md" radius="md">
        <Stack gap="md">
          <Alert color="red" title={t('imports.failed')} role="alert">
            {r.title ?? ''}
          </Alert>
          {r.errors && r.errors.length > 0 && (
            <ErrorTable errors={r.errors} errorCount={r.errorCount ?? r.errors.length} jobId={j.id} />
          )}
          {again}
        </Stack>
      </Paper>
    );
  }
  const total = j.totalRows;
  const done = Math.min(j.processedRows, total);
  const pct = total > 0 ? Math.round((done / total) * 100) : 0;
  const phase = j.status === 'queued' ? 'queued' : j.phase;
  const label = t(`imports.phase.${phase}`, { done: formatNumber(done), total: formatNumber(total) });
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={2} fz="h3">
          {t('imports.progressTitle')}
        </Title>
        <Text aria-live="polite">{label}</Text>
        <Progress.Root size="xl" aria-label={t('imports.progressLabel')}>
          <Progress.Section
            value={pct}
            animated
            aria-label={t('imports.progressLabel')}
            aria-valuetext={label}
          />
        </Progress.Root>
        <Text size="sm" c="dimmed">
          {t('imports.keepOpen')}
        </Text>
      </Stack>
    </Paper>
  );
}
