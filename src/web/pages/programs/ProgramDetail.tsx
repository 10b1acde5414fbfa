import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  List,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describeGolongan } from '../../../domain/golongan';
import { formByCode } from '../../../domain/learning/forms';
import { api, ApiError, unwrap, type paths } from '../../api/client';
import { useMe } from '../../api/queries';
import { LinkAnchor, LinkButton } from '../../components/links';
import { Page } from '../../components/Page';
import { Loading, LoadError } from '../../components/States';
import { formatNumber, zoneName } from '../../lib/format';
import { EnrolmentBox } from '../enrollments/EnrolmentBox';
import { formLabel, localDateTime, rupiah, STATUS_COLOR } from './labels';

type Detail = paths['/api/programs/{id}']['get']['responses'][200]['content']['application/json'];
type Status = Detail['status'];

const ACTIONS: Record<Status, { to: Status; label: string; color?: string }[]> = {
  draft: [
    { to: 'published', label: 'publish' },
    { to: 'cancelled', label: 'cancel', color: 'red' },
  ],
  published: [
    { to: 'closed', label: 'close' },
    { to: 'draft', label: 'toDraft' },
    { to: 'cancelled', label: 'cancel', color: 'red' },
  ],
  closed: [{ to: 'published', label: 'reopen' }],
  cancelled: [{ to: 'draft', label: 'toDraft' }],
};

function Facts({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <Stack gap={6} component="dl" m={0}>
      {rows.map(([k, v]) => (
        <div key={k}>
          <Text component="dt" size="sm" c="dimmed">
            {k}
          </Text>
          <Text component="dd" m={0} style={{ overflowWrap: 'anywhere' }}>
            {v}
          </Text>
        </div>
      ))}
    </Stack>
  );
}

export function ProgramDetailPage() {
  const { t } = useTranslation();
  const { programId } = useParams({ from: '/app/program/$programId' });
  const { homeCity } = useMe();
  const qc = useQueryClient();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const q = useQuery({
    queryKey: ['programs', 'detail', programId],
    queryFn: () => unwrap(api.GET('/api/programs/{id}', { params: { path: { id: programId } } })),
  });
  const status = useMutation({
    mutationFn: (to: Status) =>
      unwrap(
        api.POST('/api/programs/{id}/status', { params: { path: { id: programId } }, body: { status: to } }),
      ),
    onSuccess: (d) => {
      qc.setQueryData(['programs', 'detail', programId], d);
      void qc.invalidateQueries({ queryKey: ['programs', 'list'] });
      setMessage({ ok: true, text: t('programs.detail.statusChanged') });
    },
    onError: (e) =>
      setMessage({
        ok: false,
        text: e instanceof ApiError ? (e.errors[0]?.message ?? e.title) : t('common.loadFailed'),
      }),
  });
  if (q.isPending) return <Loading />;
  if (q.error) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const p = q.data;
  const path = formByCode(p.form)?.path;

  return (
    <Page
      title={p.title}
      actions={
        p.canEdit && (
          <LinkButton to="/program/$programId/ubah" params={{ programId }} variant="filled">
            {t('programs.detail.edit')}
          </LinkButton>
        )
      }
    >
      <LinkAnchor to="/program" style={{ alignSelf: 'flex-start' }}>
        {t('programs.detail.back')}
      </LinkAnchor>
      <Group gap={6} wrap="wrap">
        <Badge color={STATUS_COLOR[p.status]} variant="filled" size="lg">
          {t(`programs.statuses.${p.status}`)}
        </Badge>
        <Badge color="asah.9" variant="outline" size="lg">
          {p.code}
        </Badge>
        <Badge color="grape.9" variant="filled" size="lg">
          {t(`programs.scopes.${p.scope}`)}
        </Badge>
      </Group>
      {message && (
        <Alert color={message.ok ? 'green' : 'red'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </Alert>
      )}
      {p.canEdit && (
        <Group gap="sm" wrap="wrap">
          {ACTIONS[p.status].map((a) => (
            <Button
              key={a.to}
              variant="light"
              color={a.color}
              loading={status.isPending && status.variables === a.to}
              onClick={() => {
                setMessage(null);
                status.mutate(a.to);
              }}
            >
              {t(`programs.detail.${a.label}`)}
            </Button>
          ))}
        </Group>
      )}

      <EnrolmentBox programId={programId} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Card withBorder radius="md" component="section" aria-labelledby="jp-title">
          <Title order={2} fz="lg" id="jp-title">
            {t('programs.detail.jpTitle')}
          </Title>
          <Text fz={36} fw={800} c="asah.8">
            {t('programs.jpValue', { jp: formatNumber(p.jp) })}
          </Text>
          <Text size="sm" fw={600}>
            {t('programs.detail.jpBasis')}
          </Text>
          <Text size="sm" data-testid="jp-basis">
            {p.jpBasis || '—'}
          </Text>
        </Card>
        <Card withBorder radius="md" component="section" aria-labelledby="cost-title">
          <Title order={2} fz="lg" id="cost-title">
            {t('programs.detail.cost')}
          </Title>
          <Table>
            <Table.Tbody>
              {(['fee', 'travel', 'lodging'] as const).map((k) => (
                <Table.Tr key={k}>
                  <Table.Th scope="row" fw={400}>
                    {t(`programs.detail.${k}`)}
                  </Table.Th>
                  <Table.Td ta="right">{rupiah(p.cost[k])}</Table.Td>
                </Table.Tr>
              ))}
              <Table.Tr>
                <Table.Th scope="row">{t('programs.detail.total')}</Table.Th>
                <Table.Td ta="right" fw={700}>
                  {rupiah(p.cost.total)}
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
          {p.travelExpected && (
            <Text size="sm" mt="xs">
              {t('programs.detail.travelHint', { city: homeCity })}
            </Text>
          )}
        </Card>
      </SimpleGrid>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Card withBorder radius="md" component="section" aria-labelledby="about-title">
          <Title order={2} fz="lg" id="about-title" mb="xs">
            {t('programs.detail.about')}
          </Title>
          {p.description && <Text mb="sm">{p.description}</Text>}
          <Facts
            rows={[
              [t('programs.form'), `${formLabel(p.form)}${path ? ` · ${t(`programs.paths.${path}`)}` : ''}`],
              [t('programs.provider'), p.providerName || '—'],
              [t('programs.detail.organiser'), p.organiserUnitName ?? '—'],
              [t('programs.detail.city'), p.city],
              [t('programs.capacity'), formatNumber(p.capacity)],
            ]}
          />
        </Card>
        <Card withBorder radius="md" component="section" aria-labelledby="who-title">
          <Title order={2} fz="lg" id="who-title" mb="xs">
            {t('programs.detail.eligibility')}
          </Title>
          <Facts
            rows={[
              [
                t('programs.detail.positionTypes'),
                p.eligiblePositionTypes.length
                  ? p.eligiblePositionTypes.map((x) => t(`positionType.${x}`, { defaultValue: x })).join(', ')
                  : t('programs.detail.everyone'),
              ],
              [
                t('programs.detail.golongan'),
                p.eligibleGolongan.length
                  ? p.eligibleGolongan.map((g) => describeGolongan(g)).join(', ')
                  : t('programs.detail.everyone'),
              ],
              [
                t('programs.detail.completion'),
                [
                  t('programs.detail.minAttendance', { n: p.minAttendancePct }),
                  p.postTestPassMark !== null
                    ? t('programs.detail.passMark', { n: p.postTestPassMark })
                    : null,
                ]
                  .filter(Boolean)
                  .join(' · '),
              ],
            ]}
          />
          <Title order={3} fz="md" mt="md" mb={4}>
            {t('programs.detail.competencies')}
          </Title>
          {p.competencies.length ? (
            <List spacing={2}>
              {p.competencies.map((c) => (
                <List.Item key={c.competencyId}>
                  {c.code} {c.name} — {t('programs.detail.gain', { n: c.expectedGain })}
                </List.Item>
              ))}
            </List>
          ) : (
            <Text size="sm">{t('programs.detail.noCompetencies')}</Text>
          )}
        </Card>
      </SimpleGrid>

      <Card withBorder radius="md" component="section" aria-labelledby="sessions-title">
        <Title order={2} fz="lg" id="sessions-title" mb="xs">
          {t('programs.sessions')} ({p.sessions.length})
        </Title>
        {p.sessions.length === 0 ? (
          <Text>{t('programs.noSessions')}</Text>
        ) : (
          <Stack gap="xs" component="ol" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {p.sessions.map((s, i) => (
              <li key={s.id}>
                <Text fw={600}>
                  {s.title || t('programs.editor.session', { n: i + 1 })}: {localDateTime(s.startsLocal)}–
                  {s.endsLocal.slice(0, 10) === s.startsLocal.slice(0, 10)
                    ? s.endsLocal.slice(11, 16)
                    : localDateTime(s.endsLocal)}{' '}
                  {zoneName()}
                </Text>
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {s.venue && `${t('programs.detail.venue')}: ${s.venue}`}
                  {s.venue && s.onlineUrl && ' · '}
                  {s.onlineUrl && (
                    <a href={s.onlineUrl} target="_blank" rel="noreferrer">
                      {t('programs.detail.joinLink')}
                    </a>
                  )}
                </Text>
              </li>
            ))}
          </Stack>
        )}
      </Card>
    </Page>
  );
}
