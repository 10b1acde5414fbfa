import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap, type paths } from '../../api/client';
import { LinkAnchor, LinkButton } from '../../components/links';
import { Page } from '../../components/Page';
import { ScrollBox } from '../../components/ScrollBox';
import { EmployeePicker, type PickedEmployee } from '../../components/EmployeePicker';
import { Empty, Loading, LoadError } from '../../components/States';
import { formatDateTime } from '../../lib/format';
import { OPEN, STATUS_COLOR } from './labels';
import { RevokeCertificateModal } from './RevokeCertificate';

type Data = paths['/api/programs/{id}/participants']['get']['responses'][200]['content']['application/json'];
type Participant = Data['participants'][number];
type Att = 'hadir' | 'izin' | 'sakit' | 'alpa';
const ATT: Att[] = ['hadir', 'izin', 'sakit', 'alpa'];
const SEATED = ['approved', 'completed', 'not_completed'];

const problem = (e: unknown) =>
  e instanceof ApiError ? [e.title, ...e.errors.map((x) => x.message)].join(' ') : String(e);

function Row({
  p,
  sessionId,
  mark,
  onMark,
  score,
  onScore,
  onChanged,
  canRevoke,
  onRevoke,
}: {
  p: Participant;
  sessionId: string | null;
  mark: Att | undefined;
  onMark: (v: Att) => void;
  score: { pre: string; post: string };
  onScore: (s: { pre: string; post: string }) => void;
  onChanged: (m: string) => void;
  canRevoke: boolean;
  onRevoke: () => void;
}) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 48em)');
  const [replacing, setReplacing] = useState(false);
  const [replacement, setReplacement] = useState<PickedEmployee | null>(null);
  const [pickError, setPickError] = useState<string | undefined>(undefined);
  const cert = p.certificate;
  const seated = SEATED.includes(p.status);
  const cancel = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/enrollments/{id}/cancel', { params: { path: { id: p.id } }, body: {} })),
    onSuccess: () => onChanged(t('enrol.cancelled')),
    onError: (e) => onChanged(problem(e)),
  });
  const replace = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/enrollments/{id}/replace', {
          params: { path: { id: p.id } },
          body: { nip: replacement!.nip, reason: '' },
        }),
      ),
    onSuccess: (r) => {
      setReplacing(false);
      onChanged(`${p.name} → ${r.enrollment.name}`);
    },
  });
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm" fw={600}>
          {p.name}
        </Text>
        <Text size="xs" c="dimmed">
          {p.nip}
        </Text>
      </Table.Td>
      <Table.Td>
        <Badge color={STATUS_COLOR[p.status]} variant="filled">
          {t(`enrol.status.${p.status}`)}
        </Badge>
        {p.waitlistPosition !== null && (
          <Text size="xs">{t('enrol.waitPosition', { n: p.waitlistPosition })}</Text>
        )}
      </Table.Td>
      <Table.Td>
        {seated && sessionId ? (
          <NativeSelect
            aria-label={`${t('enrol.participants.attendance')}: ${p.name}`}
            size="xs"
            value={mark ?? ''}
            onChange={(e) => onMark(e.currentTarget.value as Att)}
            data={[
              { value: '', label: '—' },
              ...ATT.map((a) => ({ value: a, label: t(`enrol.participants.att.${a}`) })),
            ]}
          />
        ) : null}
        {p.attendancePct !== null && seated && <Text size="xs">{p.attendancePct} %</Text>}
      </Table.Td>
      <Table.Td>
        {seated && (
          <Group gap={4} wrap="nowrap">
            <TextInput
              size="xs"
              w={64}
              inputMode="decimal"
              aria-label={`${t('enrol.participants.pre')}: ${p.name}`}
              placeholder={t('enrol.participants.pre')}
              value={score.pre}
              onChange={(e) => onScore({ ...score, pre: e.currentTarget.value })}
            />
            <TextInput
              size="xs"
              w={64}
              inputMode="decimal"
              aria-label={`${t('enrol.participants.post')}: ${p.name}`}
              placeholder={t('enrol.participants.post')}
              value={score.post}
              onChange={(e) => onScore({ ...score, post: e.currentTarget.value })}
            />
          </Group>
        )}
      </Table.Td>
      <Table.Td>
        {cert && (
          <Stack gap={2} align="flex-start">
            <Text size="xs" style={{ whiteSpace: 'nowrap' }}>
              {cert.number}
            </Text>
            <Badge
              color={cert.revokedAt ? 'red.9' : 'teal.9'}
              variant={cert.revokedAt ? 'filled' : 'light'}
              data-testid="certificate-status"
            >
              {cert.revokedAt ? t('certRevoke.revoked') : t('certRevoke.valid')}
            </Badge>
            <Anchor
              href={`/verifikasi/${cert.verificationCode}`}
              size="xs"
              aria-label={t('certRevoke.check', { number: cert.number })}
            >
              {t('certRevoke.checkLink')}
            </Anchor>
            {canRevoke && !cert.revokedAt && (
              <Button
                size="compact-xs"
                variant="outline"
                color="red.9"
                onClick={onRevoke}
                aria-label={t('certRevoke.actionFor', { name: p.name })}
              >
                {t('certRevoke.action')}
              </Button>
            )}
          </Stack>
        )}
      </Table.Td>
      <Table.Td>
        {OPEN.includes(p.status) && (
          <Group gap={4} wrap="nowrap" align="flex-start">
            <Button size="xs" variant="default" onClick={() => setReplacing(true)}>
              {t('enrol.participants.replace')}
            </Button>
            <Button
              size="xs"
              variant="outline"
              color="red.9"
              onClick={() => cancel.mutate()}
              loading={cancel.isPending}
            >
              {t('enrol.participants.cancel')}
            </Button>
          </Group>
        )}
        {replacing && (
          <Modal
            opened
            onClose={() => setReplacing(false)}
            closeButtonProps={{ 'aria-label': t('common.close') }}
            title={t('employeePicker.replaceTitle', { name: p.name })}
            fullScreen={!!phone}
          >
            <form
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                if (replacement) replace.mutate();
                else setPickError(t('employeePicker.pickFirst'));
              }}
            >
              <Stack gap="md">
                {replace.error && (
                  <Alert color="red" role="alert">
                    {problem(replace.error)}
                  </Alert>
                )}
                <EmployeePicker
                  id={`replace-${p.id}`}
                  label={t('employeePicker.replacement')}
                  value={replacement}
                  onChange={(e) => {
                    setReplacement(e);
                    setPickError(undefined);
                  }}
                  error={pickError}
                  required
                />
                <Group gap="sm" justify="flex-end">
                  <Button variant="default" onClick={() => setReplacing(false)}>
                    {t('common.cancel')}
                  </Button>
                  <Button type="submit" loading={replace.isPending}>
                    {t('enrol.participants.replaceSend')}
                  </Button>
                </Group>
              </Stack>
            </form>
          </Modal>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/** Organisers: participants with status and waitlist order, attendance per session, scores, completion. */
export function ParticipantsPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { programId } = useParams({ strict: false }) as { programId: string };
  const q = useQuery({
    queryKey: ['enrollments', 'participants', programId],
    queryFn: () =>
      unwrap(api.GET('/api/programs/{id}/participants', { params: { path: { id: programId } } })),
  });
  const [openedAt] = useState(() => Date.now());
  const [chosen, setSessionId] = useState<string | null>(null);
  const [markEdits, setMarkEdits] = useState<Record<string, Record<string, Att>>>({});
  const [scoreEdits, setScores] = useState<Record<string, { pre: string; post: string }>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [revoking, setRevoking] = useState<Participant | null>(null);
  const data = q.data;
  // The session running now (or the last one started), else the first.
  const sessionId =
    chosen ??
    (data?.sessions.filter((x) => Date.parse(x.startsAt) <= openedAt + 3_600_000).at(-1) ?? data?.sessions[0])
      ?.id ??
    null;
  const marks: Record<string, Att> = {};
  const scores: Record<string, { pre: string; post: string }> = {};
  for (const p of data?.participants ?? []) {
    const m =
      (sessionId && markEdits[sessionId]?.[p.id]) ||
      (sessionId ? (p.attendance[sessionId] as Att | undefined) : undefined);
    if (m && SEATED.includes(p.status)) marks[p.id] = m;
    scores[p.id] = scoreEdits[p.id] ?? {
      pre: p.preTestScore?.toString() ?? '',
      post: p.postTestScore?.toString() ?? '',
    };
  }
  const setMark = (id: string, v: Att) =>
    sessionId && setMarkEdits((e) => ({ ...e, [sessionId]: { ...e[sessionId], [id]: v } }));

  const refresh = async (text: string, ok = true) => {
    setMessage({ ok, text });
    setMarkEdits({});
    setScores({});
    await qc.invalidateQueries({ queryKey: ['enrollments'] });
  };
  const saveAttendance = useMutation({
    mutationFn: () =>
      unwrap(
        api.PUT('/api/sessions/{id}/attendance', {
          params: { path: { id: sessionId! } },
          body: { marks: Object.entries(marks).map(([enrollmentId, status]) => ({ enrollmentId, status })) },
        }),
      ),
    onSuccess: (r) => refresh(t('enrol.participants.saved', { n: r.saved })),
    onError: (e) => setMessage({ ok: false, text: problem(e) }),
  });
  const num = (v: string) => (v.trim() === '' ? null : Number(v.replace(',', '.')));
  const saveScores = useMutation({
    mutationFn: () =>
      unwrap(
        api.PUT('/api/programs/{id}/scores', {
          params: { path: { id: programId } },
          body: {
            scores: (data?.participants ?? [])
              .filter((p) => SEATED.includes(p.status))
              .map((p) => ({
                enrollmentId: p.id,
                preTestScore: num(scores[p.id]?.pre ?? ''),
                postTestScore: num(scores[p.id]?.post ?? ''),
              })),
          },
        }),
      ),
    onSuccess: (r) => refresh(t('enrol.participants.saved', { n: r.saved })),
    onError: (e) => setMessage({ ok: false, text: problem(e) }),
  });
  const decide = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/programs/{id}/completion', { params: { path: { id: programId } } })),
    onSuccess: (r) => refresh(t('enrol.participants.decided', r)),
    onError: (e) => setMessage({ ok: false, text: problem(e) }),
  });

  const taken = data?.participants.filter((p) => SEATED.includes(p.status)).length ?? 0;
  return (
    <Page title={data ? t('enrol.participants.title', { title: data.title }) : t('enrol.participants.link')}>
      <LinkAnchor to="/program/$programId" params={{ programId }}>
        {t('enrol.participants.back')}
      </LinkAnchor>
      {q.isLoading && <Loading />}
      {q.error && <LoadError error={q.error} onRetry={() => void q.refetch()} />}
      {data && (
        <Stack gap="md">
          <Text>{t('enrol.participants.seats', { taken, capacity: data.capacity })}</Text>
          <Text size="sm">
            {t('enrol.participants.rule', {
              pct: data.minAttendancePct,
              post:
                data.postTestPassMark !== null
                  ? t('enrol.participants.rulePost', { mark: data.postTestPassMark })
                  : '',
            })}
          </Text>
          {message && (
            <Alert color={message.ok ? 'teal' : 'red'} role={message.ok ? 'status' : 'alert'}>
              {message.text}
            </Alert>
          )}
          {data.sessions.length === 0 ? (
            <Text>{t('enrol.participants.noSessions')}</Text>
          ) : (
            <Group gap="sm" align="flex-end" wrap="wrap">
              <NativeSelect
                label={t('enrol.participants.chooseSession')}
                value={sessionId ?? ''}
                onChange={(e) => setSessionId(e.currentTarget.value)}
                data={data.sessions.map((s, i) => ({
                  value: s.id,
                  label: `${i + 1}. ${s.title || t('enrol.participants.session')} — ${formatDateTime(s.startsAt)}`,
                }))}
                maw="100%"
              />
              {sessionId && (
                <LinkButton
                  variant="light"
                  to="/program/$programId/sesi/$sessionId/qr"
                  params={{ programId, sessionId }}
                >
                  {t('enrol.participants.qr')}
                </LinkButton>
              )}
            </Group>
          )}
          {data.participants.length === 0 ? (
            <Empty>{t('enrol.participants.empty')}</Empty>
          ) : (
            <ScrollBox label={t('enrol.participants.link')}>
              <Table striped verticalSpacing="xs" miw={900}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('enrol.participants.name')}</Table.Th>
                    <Table.Th>{t('enrol.participants.status')}</Table.Th>
                    <Table.Th>{t('enrol.participants.attendance')}</Table.Th>
                    <Table.Th>
                      {t('enrol.participants.pre')} / {t('enrol.participants.post')}
                    </Table.Th>
                    <Table.Th>{t('certRevoke.certificate')}</Table.Th>
                    <Table.Th>{t('enrol.participants.actions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.participants.map((p) => (
                    <Row
                      key={p.id}
                      p={p}
                      sessionId={sessionId}
                      mark={marks[p.id]}
                      onMark={(v) => setMark(p.id, v)}
                      score={scores[p.id] ?? { pre: '', post: '' }}
                      onScore={(sc) => setScores((x) => ({ ...x, [p.id]: sc }))}
                      onChanged={(text) => void refresh(text)}
                      canRevoke={data.canRevoke}
                      onRevoke={() => setRevoking(p)}
                    />
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollBox>
          )}
          {taken > 0 && (
            <Group gap="sm" wrap="wrap">
              {sessionId && (
                <Button
                  onClick={() => saveAttendance.mutate()}
                  loading={saveAttendance.isPending}
                  disabled={Object.keys(marks).length === 0}
                >
                  {t('enrol.participants.saveAttendance')}
                </Button>
              )}
              <Button variant="light" onClick={() => saveScores.mutate()} loading={saveScores.isPending}>
                {t('enrol.participants.saveScores')}
              </Button>
              <Button variant="outline" onClick={() => decide.mutate()} loading={decide.isPending}>
                {t('enrol.participants.decide')}
              </Button>
            </Group>
          )}
        </Stack>
      )}
      {revoking?.certificate && (
        <RevokeCertificateModal
          certificate={revoking.certificate}
          holder={revoking.name}
          onClose={() => setRevoking(null)}
          onRevoked={(number) => {
            setRevoking(null);
            void refresh(t('certRevoke.done', { number }));
          }}
        />
      )}
    </Page>
  );
}
