import {
  Alert,
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  Progress,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type paths } from '../../api/client';
import { ErrorSummary } from '../../components/ErrorSummary';
import { LinkAnchor } from '../../components/links';
import { Page } from '../../components/Page';
import { Loading, LoadError } from '../../components/States';
import { summaryItems, useFormErrors } from '../../lib/form-errors';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format';

type Detail = paths['/api/student-projects/{id}']['get']['responses'][200]['content']['application/json'];

/** A small form that posts and refreshes the project; errors beside the fields it names. */
function useProjectAction<B>(id: string, send: (body: B) => Promise<Detail>, onDone?: () => void) {
  const qc = useQueryClient();
  const form = useFormErrors();
  const m = useMutation({
    mutationFn: send,
    onSuccess: (d) => {
      form.setErrors({});
      form.setTitle(null);
      qc.setQueryData(['student-project', id], d);
      void qc.invalidateQueries({ queryKey: ['student-projects'] });
      onDone?.();
    },
    onError: form.showApiError,
  });
  return { ...form, m };
}

function AddStudent({ p }: { p: Detail }) {
  const { t } = useTranslation();
  const [f, setF] = useState({ studentName: '', studentNumber: '', studyProgram: '' });
  const a = useProjectAction(
    p.id,
    () => unwrap(api.POST('/api/student-projects/{id}/members', { params: { path: { id: p.id } }, body: f })),
    () => setF({ studentName: '', studentNumber: '', studyProgram: '' }),
  );
  const fields = ['studentName', 'studentNumber', 'studyProgram', 'partnerId'];
  const labels = Object.fromEntries(fields.map((k) => [k, t(`projects.field.${k}`)]));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    a.m.mutate(undefined as never);
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="add-student">
      <Stack gap="xs">
        <Title order={3} size="h4" id="add-student">
          {t('projects.addStudent')}
        </Title>
        <ErrorSummary
          title={a.title ?? undefined}
          items={summaryItems(a.errors, fields, 'student', labels)}
        />
        <TextInput
          id="student-studentName"
          label={labels.studentName}
          value={f.studentName}
          onChange={(e) => setF({ ...f, studentName: e.currentTarget.value })}
          error={a.errors.studentName}
          required
        />
        <TextInput
          id="student-studentNumber"
          label={labels.studentNumber}
          value={f.studentNumber}
          onChange={(e) => setF({ ...f, studentNumber: e.currentTarget.value })}
          error={a.errors.studentNumber}
          required
        />
        <TextInput
          id="student-studyProgram"
          label={labels.studyProgram}
          value={f.studyProgram}
          onChange={(e) => setF({ ...f, studyProgram: e.currentTarget.value })}
          error={a.errors.studyProgram}
        />
        <Group>
          <Button type="submit" loading={a.m.isPending}>
            {t('projects.assign')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function AddUpdate({ p }: { p: Detail }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [pct, setPct] = useState<number | string>(p.progressPct);
  const a = useProjectAction(
    p.id,
    () =>
      unwrap(
        api.POST('/api/student-projects/{id}/updates', {
          params: { path: { id: p.id } },
          body: { note, progressPct: Number(pct) || 0 },
        }),
      ),
    () => setNote(''),
  );
  const labels = { note: t('projects.field.note'), progressPct: t('projects.field.progressPct') };
  return (
    <form
      noValidate
      aria-labelledby="add-update"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        a.m.mutate(undefined as never);
      }}
    >
      <Stack gap="xs">
        <Title order={3} size="h4" id="add-update">
          {t('projects.addUpdate')}
        </Title>
        <ErrorSummary
          title={a.title ?? undefined}
          items={summaryItems(a.errors, ['note', 'progressPct'], 'update', labels)}
        />
        <Textarea
          id="update-note"
          label={labels.note}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={a.errors.note}
          autosize
          minRows={2}
          required
        />
        <NumberInput
          id="update-progressPct"
          label={labels.progressPct}
          min={0}
          max={100}
          suffix=" %"
          value={pct}
          onChange={setPct}
          error={a.errors.progressPct}
          maw={160}
        />
        <Group>
          <Button type="submit" loading={a.m.isPending}>
            {t('projects.saveUpdate')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Close({ p }: { p: Detail }) {
  const { t } = useTranslation();
  const [output, setOutput] = useState('');
  const a = useProjectAction(p.id, (status: 'done' | 'cancelled' | 'open') =>
    unwrap(
      api.POST('/api/student-projects/{id}/status', {
        params: { path: { id: p.id } },
        body: { status, finalOutput: output || undefined },
      }),
    ),
  );
  const labels = { finalOutput: t('projects.field.finalOutput'), status: t('projects.status') };
  if (p.status === 'done') return null;
  return (
    <Stack gap="xs" aria-labelledby="close-project" component="section">
      <Title order={3} size="h4" id="close-project">
        {t('projects.close')}
      </Title>
      <ErrorSummary
        title={a.title ?? undefined}
        items={summaryItems(a.errors, ['finalOutput', 'status'], 'close', labels)}
      />
      {p.status !== 'cancelled' && (
        <Textarea
          id="close-finalOutput"
          label={labels.finalOutput}
          description={t('projects.finalOutputHint')}
          value={output}
          onChange={(e) => setOutput(e.currentTarget.value)}
          error={a.errors.finalOutput}
          autosize
          minRows={2}
        />
      )}
      <Group gap="sm">
        {p.status === 'running' && (
          <Button onClick={() => a.m.mutate('done')} loading={a.m.isPending}>
            {t('projects.markDone')}
          </Button>
        )}
        {p.status === 'cancelled' ? (
          <Button variant="default" onClick={() => a.m.mutate('open')}>
            {t('projects.reopen')}
          </Button>
        ) : (
          <Button variant="default" color="red" onClick={() => a.m.mutate('cancelled')}>
            {t('projects.cancelProject')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}

/** One student project: the problem, its students, progress notes and the final output. */
export function ProjectDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams({ from: '/app/proyek-mahasiswa/$id' });
  const q = useQuery({
    queryKey: ['student-project', id],
    queryFn: () => unwrap(api.GET('/api/student-projects/{id}', { params: { path: { id } } })),
  });
  const p = q.data;
  return (
    <Page title={p?.title ?? t('projects.title')}>
      <LinkAnchor to="/proyek-mahasiswa" size="sm">
        {t('projects.back')}
      </LinkAnchor>
      {q.isPending && <Loading />}
      {q.error && <LoadError error={q.error} onRetry={() => void q.refetch()} />}
      {p && (
        <Stack gap="lg">
          <Paper withBorder p="md" radius="md">
            <Stack gap={6}>
              <Group gap="xs">
                <Badge variant="light">{t(`projects.statuses.${p.status}`)}</Badge>
                {p.partnerName && (
                  <Badge variant="outline">{t('projects.reservedFor', { name: p.partnerName })}</Badge>
                )}
              </Group>
              <Text size="sm" c="dimmed">
                {p.unitName} · {formatDate(p.startsOn)} – {formatDate(p.endsOn)}
              </Text>
              <Text style={{ whiteSpace: 'pre-wrap' }}>{p.problem}</Text>
              {p.skillsWanted.length > 0 && (
                <Text size="sm">
                  {t('projects.field.skillsWanted')}: {p.skillsWanted.join(', ')}
                </Text>
              )}
              <Text size="sm">
                {t('projects.field.supervisorNip')}: {p.supervisor?.name ?? '—'}
              </Text>
              <Progress
                value={p.progressPct}
                size="lg"
                aria-label={t('projects.progressOf', { pct: p.progressPct })}
              />
              <Text size="sm">{t('projects.progressOf', { pct: p.progressPct })}</Text>
              {p.finalOutput && (
                <Alert color="teal" title={t('projects.field.finalOutput')}>
                  {p.finalOutput}
                </Alert>
              )}
            </Stack>
          </Paper>

          <Paper withBorder p="md" radius="md" component="section" aria-labelledby="students">
            <Title order={2} size="h3" id="students" mb="xs">
              {t('projects.students', { members: formatNumber(p.members), seats: formatNumber(p.seats) })}
            </Title>
            {p.membersList.length === 0 ? (
              <Text>{t('projects.noStudents')}</Text>
            ) : (
              <Stack component="ul" gap={4} style={{ margin: 0, paddingLeft: 18 }}>
                {p.membersList.map((m) => (
                  <li key={m.id}>
                    <Text>
                      <b>{m.studentName}</b> ({m.studentNumber}){m.studyProgram ? ` · ${m.studyProgram}` : ''}{' '}
                      · {m.partnerName}
                    </Text>
                  </li>
                ))}
              </Stack>
            )}
            {p.can.assign && p.members < p.seats && (
              <Paper mt="md" p="sm" bg="gray.0" radius="md">
                <AddStudent p={p} />
              </Paper>
            )}
          </Paper>

          <Paper withBorder p="md" radius="md" component="section" aria-labelledby="updates">
            <Title order={2} size="h3" id="updates" mb="xs">
              {t('projects.updates')}
            </Title>
            {p.can.report && (
              <Paper mb="md" p="sm" bg="gray.0" radius="md">
                <AddUpdate p={p} />
              </Paper>
            )}
            {p.updates.length === 0 ? (
              <Text>{t('projects.noUpdates')}</Text>
            ) : (
              <Stack component="ul" gap="xs" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                {p.updates.map((u) => (
                  <li key={u.id}>
                    <Text size="sm" c="dimmed">
                      {formatDateTime(u.at)} · {u.by ?? '—'} · {formatNumber(u.progressPct)} %
                    </Text>
                    <Text>{u.note}</Text>
                  </li>
                ))}
              </Stack>
            )}
          </Paper>
          {p.can.manage && (
            <Paper withBorder p="md" radius="md">
              <Close p={p} />
            </Paper>
          )}
        </Stack>
      )}
    </Page>
  );
}
