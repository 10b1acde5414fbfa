import { Button, Group, Paper, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type paths } from '../../api/client';
import { ErrorSummary } from '../../components/ErrorSummary';
import { DecisionQueue } from '../../components/DecisionQueue';
import { summaryItems, useFormErrors } from '../../lib/form-errors';
import { formatNumber } from '../../lib/format';

type Proposal =
  paths['/api/competency-proposals']['get']['responses'][200]['content']['application/json'][number];

function ProposalCard({ p, onDone }: { p: Proposal; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [level, setLevel] = useState(String(p.proposedLevel));
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const { errors, title, showApiError } = useFormErrors();
  const idPrefix = `proposal-${p.id}`;
  const done = async (message: string) => {
    onDone(message);
    await qc.invalidateQueries({ queryKey: ['competency-proposals'] });
  };
  const confirm = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/competency-proposals/{id}/confirm', {
          params: { path: { id: p.id } },
          body: { level: Number(level) },
        }),
      ),
    onSuccess: () =>
      done(t('learning.proposals.confirmed', { level, competency: p.competencyName, name: p.name })),
    onError: showApiError,
  });
  const reject = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/competency-proposals/{id}/reject', {
          params: { path: { id: p.id } },
          body: { reason },
        }),
      ),
    onSuccess: () => done(t('learning.proposals.rejected')),
    onError: showApiError,
  });
  return (
    <Paper component="li" withBorder p="md" radius="md">
      <Stack gap="xs">
        <ErrorSummary
          title={title ?? undefined}
          items={summaryItems(errors, ['reason'], idPrefix, { reason: t('learning.proposals.reason') })}
        />
        <Text fw={700}>{p.name}</Text>
        <Text>
          {p.competencyCode} {p.competencyName}
        </Text>
        <Text size="sm">
          {t('learning.proposals.current')}:{' '}
          <b>{p.currentLevel == null ? t('learning.proposals.notAssessed') : formatNumber(p.currentLevel)}</b>{' '}
          · {t('learning.proposals.proposed')}: <b>{formatNumber(p.proposedLevel)}</b>
        </Text>
        <Text size="sm" c="dimmed">
          {p.evidence}
        </Text>
        {p.canDecide ? (
          <>
            <Text size="sm" fw={600} id={`${idPrefix}-level`}>
              {t('learning.proposals.level')}
            </Text>
            <SegmentedControl
              aria-labelledby={`${idPrefix}-level`}
              value={level}
              onChange={setLevel}
              data={['1', '2', '3', '4', '5']}
              fullWidth
              size="md"
            />
            {rejecting && (
              <Textarea
                id={`${idPrefix}-reason`}
                label={t('learning.proposals.reason')}
                description={t('learning.proposals.reasonHint')}
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
                error={errors.reason}
                autosize
                minRows={2}
              />
            )}
            <Group gap="sm" wrap="wrap">
              {!rejecting && (
                <Button onClick={() => confirm.mutate()} loading={confirm.isPending} size="md">
                  {t('learning.proposals.confirm')}
                </Button>
              )}
              <Button
                variant={rejecting ? 'filled' : 'default'}
                color={rejecting ? 'red' : undefined}
                size="md"
                loading={reject.isPending}
                onClick={() => (rejecting ? reject.mutate() : setRejecting(true))}
              >
                {t('learning.proposals.reject')}
              </Button>
            </Group>
          </>
        ) : (
          <Text size="sm" c="dimmed">
            {t('learning.proposals.readOnly')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/** The atasan's decisions on levels proposed after completed programmes. */
export function ProposalsPage() {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['competency-proposals', 'pending'],
    queryFn: () => unwrap(api.GET('/api/competency-proposals', { params: { query: { status: 'pending' } } })),
  });
  return (
    <DecisionQueue
      title={t('learning.proposals.title')}
      intro={t('learning.proposals.intro')}
      empty={t('learning.proposals.none')}
      query={q}
      card={(p, onDone) => <ProposalCard key={p.id} p={p} onDone={onDone} />}
    />
  );
}
