import { Alert, Badge, Button, Group, Paper, Progress, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type paths } from '../../api/client';
import { ErrorSummary } from '../../components/ErrorSummary';
import { LinkAnchor } from '../../components/links';
import { Page } from '../../components/Page';
import { Empty, Loading, LoadError } from '../../components/States';
import { summaryItems, useFormErrors } from '../../lib/form-errors';
import { formatDateTime } from '../../lib/format';
import { rupiah } from './labels';

type Approvals = paths['/api/enrollments/approvals']['get']['responses'][200]['content']['application/json'];
type Item = Approvals['items'][number];

function BudgetBar({ b }: { b: Approvals['budget'][number] }) {
  const { t } = useTranslation();
  const pct = b.ceiling ? Math.min(100, (b.committed / b.ceiling) * 100) : 0;
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap={6}>
        <Text fw={700}>{t('enrol.approvals.budgetTitle', { year: b.year })}</Text>
        <Text size="sm">{t('enrol.approvals.committed', { amount: rupiah(b.committed) })}</Text>
        {b.ceiling !== null ? (
          <>
            <Progress
              value={pct}
              color={pct >= 100 ? 'red' : pct >= 85 ? 'orange' : 'teal'}
              aria-label={t('enrol.approvals.budgetTitle', { year: b.year })}
            />
            <Text size="sm">{t('enrol.approvals.ceiling', { amount: rupiah(b.ceiling) })}</Text>
          </>
        ) : (
          <Text size="sm" c="dimmed">
            {t('enrol.approvals.noCeiling')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function ApprovalCard({ item, onDone }: { item: Item; onDone: (m: string) => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [rejecting, setRejecting] = useState(false);
  const [note, setNote] = useState('');
  const { errors, title, showApiError } = useFormErrors();
  const idPrefix = `approval-${item.id}`;
  const decide = useMutation({
    mutationFn: (decision: 'approve' | 'reject') =>
      unwrap(
        api.POST('/api/enrollments/{id}/decision', {
          params: { path: { id: item.id } },
          // The step shown on this card: a second click after it has passed answers 409, not a second step.
          body: {
            decision,
            note,
            expectedStatus: item.step === 'bkpsdm' ? 'pending_bkpsdm' : 'pending_atasan',
          },
        }),
      ),
    onSuccess: async (r) => {
      onDone(
        [
          t('enrol.approvals.approved'),
          `${r.enrollment.name}: ${t(`enrol.status.${r.enrollment.status}`)}`,
          ...r.warnings,
        ].join(' '),
      );
      await qc.invalidateQueries({ queryKey: ['enrollments'] });
    },
    onError: showApiError,
  });
  return (
    <Paper component="li" withBorder p="md" radius="md" data-testid="approval">
      <Stack gap="xs">
        <ErrorSummary
          title={title ?? undefined}
          items={summaryItems(errors, ['note'], idPrefix, { note: t('enrol.approvals.rejectReason') })}
        />
        <Group gap="xs" wrap="wrap">
          <Badge variant="filled" color={item.step === 'bkpsdm' ? 'indigo.9' : 'blue.9'}>
            {item.step === 'bkpsdm' ? t('enrol.approvals.stepBkpsdm') : t('enrol.approvals.stepAtasan')}
          </Badge>
          {item.clashes.length > 0 && (
            <Badge variant="filled" color="red.9">
              {t('enrol.approvals.clash')}
            </Badge>
          )}
        </Group>
        <Text fw={700}>
          {item.name}{' '}
          <Text span c="dimmed" size="sm">
            · {item.nip}
          </Text>
        </Text>
        {item.unitName && <Text size="sm">{item.unitName}</Text>}
        <LinkAnchor to="/program/$programId" params={{ programId: item.programId }}>
          {item.programTitle}
        </LinkAnchor>
        {item.firstSessionAt && <Text size="sm">{formatDateTime(item.firstSessionAt)}</Text>}
        {item.step === 'bkpsdm' && (
          <Text size="sm">{t('enrol.approvals.cost', { amount: rupiah(item.cost) })}</Text>
        )}
        {item.reason && <Text size="sm">{t('enrol.approvals.reasonGiven', { reason: item.reason })}</Text>}
        {item.clashes.map((c) => (
          <Text key={c} size="sm" c="red.8">
            {c}
          </Text>
        ))}
        {rejecting && (
          <Textarea
            id={`${idPrefix}-note`}
            label={t('enrol.approvals.rejectReason')}
            description={t('enrol.approvals.rejectHint')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={errors.note}
            required
            autosize
            minRows={2}
          />
        )}
        <Group gap="sm">
          {!rejecting && (
            <Button onClick={() => decide.mutate('approve')} loading={decide.isPending}>
              {t('enrol.approvals.approve')}
            </Button>
          )}
          {rejecting ? (
            <>
              <Button color="red.9" onClick={() => decide.mutate('reject')} loading={decide.isPending}>
                {t('enrol.approvals.confirmReject')}
              </Button>
              <Button variant="default" onClick={() => setRejecting(false)}>
                {t('common.cancel')}
              </Button>
            </>
          ) : (
            <Button variant="outline" color="red.9" onClick={() => setRejecting(true)}>
              {t('enrol.approvals.reject')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

/** What waits for my decision: atasan (my team) and BKPSDM (with the budget effect). */
export function ApprovalsPage() {
  const { t } = useTranslation();
  const [message, setMessage] = useState<string | null>(null);
  const q = useQuery({
    queryKey: ['enrollments', 'approvals'],
    queryFn: () => unwrap(api.GET('/api/enrollments/approvals')),
  });
  return (
    <Page title={t('enrol.approvals.title')}>
      <Text>{t('enrol.approvals.intro')}</Text>
      {message && (
        <Alert color="teal" role="status" withCloseButton onClose={() => setMessage(null)}>
          {message}
        </Alert>
      )}
      {q.isLoading && <Loading />}
      {q.error && <LoadError error={q.error} onRetry={() => void q.refetch()} />}
      {q.data && (
        <Stack gap="md">
          {q.data.budget.map((b) => (
            <BudgetBar key={b.year} b={b} />
          ))}
          {q.data.items.length === 0 ? (
            <Empty>{t('enrol.approvals.empty')}</Empty>
          ) : (
            <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
              {q.data.items.map((i) => (
                <ApprovalCard key={i.id} item={i} onDone={setMessage} />
              ))}
            </Stack>
          )}
        </Stack>
      )}
    </Page>
  );
}
