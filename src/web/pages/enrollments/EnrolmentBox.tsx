import { Alert, Badge, Button, Card, Group, List, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../../api/client';
import { useMe } from '../../api/queries';
import { EmployeePicker, type PickedEmployee } from '../../components/EmployeePicker';
import { LinkButton } from '../../components/links';
import { hasRole } from '../../lib/access';
import { OPEN, STATUS_COLOR } from './labels';

type Mode = null | 'request' | 'nominate';

/** Problem text for a refused enrolment: every reason the server named, else its title. */
function problemLines(e: unknown): string[] {
  if (e instanceof ApiError) return e.errors.length ? e.errors.map((x) => x.message) : [e.title];
  return [String(e)];
}

/**
 * My place in one programme (on the programme page): my status, "Ajukan ikut" for a pegawai,
 * "Usulkan pegawai" for operators and atasan, and cancelling my own open enrolment.
 */
export function EnrolmentBox({ programId }: { programId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const qc = useQueryClient();
  const [mode, setMode] = useState<Mode>(null);
  const [reason, setReason] = useState('');
  const [nominee, setNominee] = useState<PickedEmployee | null>(null);
  const [pickError, setPickError] = useState<string | undefined>(undefined);
  const [done, setDone] = useState<{ text: string; warnings: string[] } | null>(null);
  const isEmployee = !!me.nip && hasRole(me, 'pegawai', 'atasan');
  const mayNominate = hasRole(me, 'admin', 'operator', 'atasan');

  const mine = useQuery({
    queryKey: ['enrollments', 'mine', programId],
    enabled: isEmployee,
    queryFn: () =>
      unwrap(api.GET('/api/enrollments', { params: { query: { programId, mine: 'true', pageSize: 5 } } })),
  });
  const organiser = useQuery({
    queryKey: ['enrollments', 'program-editable', programId],
    enabled: hasRole(me, 'admin', 'operator', 'mitra'),
    queryFn: () => unwrap(api.GET('/api/programs/{id}', { params: { path: { id: programId } } })),
  });
  const current = mine.data?.items.find((i) => OPEN.includes(i.status)) ?? mine.data?.items[0] ?? null;

  const submit = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/enrollments', {
          body: mode === 'nominate' ? { programId, nip: nominee?.nip ?? '', reason } : { programId, reason },
        }),
      ),
    onSuccess: (r) => {
      setDone({
        text: t(mode === 'nominate' ? 'enrol.nominated' : 'enrol.requested', { name: r.enrollment.name }),
        warnings: r.warnings,
      });
      setMode(null);
      setReason('');
      setNominee(null);
      void qc.invalidateQueries({ queryKey: ['enrollments'] });
    },
  });
  const cancel = useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/api/enrollments/{id}/cancel', { params: { path: { id } }, body: {} })),
    onSuccess: () => {
      setDone({ text: t('enrol.cancelled'), warnings: [] });
      void qc.invalidateQueries({ queryKey: ['enrollments'] });
    },
  });

  const fieldError = (f: string) =>
    submit.error instanceof ApiError ? submit.error.fieldErrors()[f] : undefined;

  return (
    <Card withBorder padding="md" aria-labelledby="enrol-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="enrol-title">
          {t('enrol.title')}
        </Title>
        {isEmployee && current && (
          <Group gap="xs" wrap="wrap">
            <Text>{t('enrol.myStatus')}</Text>
            <Badge color={STATUS_COLOR[current.status]} variant="filled" data-testid="enrol-status">
              {t(`enrol.status.${current.status}`)}
            </Badge>
            {current.waitlistPosition !== null && (
              <Text size="sm">{t('enrol.waitPosition', { n: current.waitlistPosition })}</Text>
            )}
          </Group>
        )}
        {isEmployee && !mine.isLoading && !current && !mode && (
          <Text size="sm" c="dimmed">
            {t('enrol.notYet')}
          </Text>
        )}
        {done && (
          <Alert color="teal" role="status">
            {done.text}
            {done.warnings.length > 0 && (
              <List size="sm" mt="xs">
                {done.warnings.map((w) => (
                  <List.Item key={w}>{w}</List.Item>
                ))}
              </List>
            )}
          </Alert>
        )}
        {submit.error && (
          <Alert color="red" role="alert">
            <Text fw={700}>{t('enrol.refused')}</Text>
            <List size="sm">
              {problemLines(submit.error).map((l) => (
                <List.Item key={l}>{l}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        {mode && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (mode === 'nominate' && !nominee) {
                setPickError(t('employeePicker.pickFirst'));
                return;
              }
              submit.mutate();
            }}
          >
            <Stack gap="sm">
              {mode === 'nominate' && (
                <EmployeePicker
                  id="enrol-nip"
                  label={t('employeePicker.nominee')}
                  description={t('employeePicker.nomineeHint')}
                  value={nominee}
                  onChange={(e) => {
                    setNominee(e);
                    setPickError(undefined);
                  }}
                  error={pickError ?? fieldError('nip')}
                  required
                />
              )}
              <Textarea
                id="enrol-reason"
                label={t('enrol.reason')}
                description={t('enrol.reasonHint')}
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
                error={fieldError('reason')}
                autosize
                minRows={2}
                withAsterisk={mode === 'request'}
              />
              <Group gap="sm">
                <Button type="submit" loading={submit.isPending}>
                  {t('enrol.send')}
                </Button>
                <Button variant="default" onClick={() => setMode(null)}>
                  {t('common.cancel')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
        {!mode && (
          <Group gap="sm" wrap="wrap">
            {isEmployee && !(current && OPEN.includes(current.status)) && hasRole(me, 'pegawai') && (
              <Button
                onClick={() => {
                  setDone(null);
                  submit.reset();
                  setMode('request');
                }}
              >
                {t('enrol.request')}
              </Button>
            )}
            {mayNominate && (
              <Button
                variant="default"
                onClick={() => {
                  setDone(null);
                  submit.reset();
                  setPickError(undefined);
                  setMode('nominate');
                }}
              >
                {t('enrol.nominate')}
              </Button>
            )}
            {isEmployee && current && OPEN.includes(current.status) && (
              <Button
                color="red.9"
                variant="outline"
                loading={cancel.isPending}
                onClick={() => cancel.mutate(current.id)}
              >
                {t('enrol.cancel')}
              </Button>
            )}
          </Group>
        )}
        {organiser.data?.canEdit && (
          <LinkButton variant="default" to="/program/$programId/peserta" params={{ programId }}>
            {t('enrol.participants.link')}
          </LinkButton>
        )}
        {cancel.error && (
          <Alert color="red" role="alert">
            {problemLines(cancel.error).join(' ')}
          </Alert>
        )}
      </Stack>
    </Card>
  );
}
