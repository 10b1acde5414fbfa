import { Anchor, Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { countClaim } from '../../../domain/learning/jp-bounds';
import { jpClaimFrom } from '../../../domain/learning/jp';
import { ruleSetOn, type JpRuleSet } from '../../../domain/learning/jp-rules';
import { jpRuleSetsQuery } from '../../api/queries';
import { formByCode } from '../../../domain/learning/forms';
import { api, unwrap, type paths } from '../../api/client';
import { ErrorSummary } from '../../components/ErrorSummary';
import { DecisionQueue } from '../../components/DecisionQueue';
import { LinkButton } from '../../components/links';
import { summaryItems, useFormErrors } from '../../lib/form-errors';
import { formatDate, formatNumber } from '../../lib/format';

type Item =
  paths['/api/external-certificates']['get']['responses'][200]['content']['application/json'][number];

const CLAIM_KEYS = [
  'scheduledJp',
  'days',
  'sessions',
  'semesters',
  'scheduledMinutes',
  'dailyHours',
] as const;

/** "12 JP pada sertifikat · 3 hari": what the employee stated, in words. */
function describeClaim(claim: Record<string, unknown>, t: TFunction): string {
  return CLAIM_KEYS.filter((k) => claim[k] !== undefined)
    .map((k) => {
      const v = claim[k];
      return t(`certificates.review.claim.${k}`, { count: Array.isArray(v) ? v.length : Number(v) });
    })
    .join(' · ');
}

/**
 * The JP the tenant's stored rule set in effect on the end date would count, within the
 * certificate's dates: what "Terima" will record. Empty while the rule sets load.
 */
function expectedJp(x: Item, lang: 'id' | 'en', sets: JpRuleSet[] | undefined) {
  const set = sets && ruleSetOn(sets, x.endsOn);
  if (!set) return '';
  // The end date was checked against today on submission; here only the claim's own bounds matter.
  const outcome = countClaim({ ...x, claim: jpClaimFrom(x.claim) ?? {} }, x.endsOn, set);
  return outcome.ok ? `${formatNumber(outcome.jp)} JP — ${outcome.basis[lang]}` : outcome.message[lang];
}

function ReviewCard({ x, onDone }: { x: Item; onDone: (message: string) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const qc = useQueryClient();
  const ruleSets = useQuery(jpRuleSetsQuery).data;
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const { errors, title, showApiError } = useFormErrors();
  const done = async (message: string) => {
    onDone(message);
    await qc.invalidateQueries({ queryKey: ['external-certificates'] });
  };
  const verify = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/external-certificates/{id}/verify', { params: { path: { id: x.id } } })),
    onSuccess: (r) => done(t('certificates.review.verified', { name: x.name, jp: r.jp ?? 0 })),
    onError: showApiError,
  });
  const reject = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/external-certificates/{id}/reject', {
          params: { path: { id: x.id } },
          body: { reason },
        }),
      ),
    onSuccess: () => done(t('certificates.review.rejected', { name: x.name })),
    onError: showApiError,
  });
  return (
    <Paper component="li" withBorder p="md" radius="md">
      <Stack gap={6}>
        <ErrorSummary
          title={title ?? undefined}
          items={summaryItems(errors, ['reason'], `review-${x.id}`, {
            reason: t('certificates.review.reason'),
          })}
        />
        <Text fw={700}>{x.title}</Text>
        <Text size="sm">
          {x.name} · {x.nip}
        </Text>
        <Text size="sm" c="dimmed">
          {x.provider} · {formByCode(x.form)?.label[lang] ?? x.form} · {t(`learning.mine.scope.${x.scope}`)} ·{' '}
          {formatDate(x.startsOn)} – {formatDate(x.endsOn)}
        </Text>
        {Object.keys(x.claim).length > 0 && <Text size="sm">{describeClaim(x.claim, t)}</Text>}
        <Text size="sm">
          {t('certificates.review.expected')}: {expectedJp(x, lang, ruleSets)}
        </Text>
        {x.fileId ? (
          <Anchor href={`/api/files/${x.fileId}`} target="_blank" rel="noopener" size="sm">
            {t('certificates.review.openFile', { name: x.fileName ?? '' })}
          </Anchor>
        ) : (
          <Text size="sm" c="dimmed">
            {t('certificates.review.noFile')}
          </Text>
        )}
        {rejecting && (
          <Textarea
            id={`review-${x.id}-reason`}
            label={t('certificates.review.reason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.reason}
            autosize
            minRows={2}
          />
        )}
        <Group gap="sm">
          {!rejecting && (
            <Button onClick={() => verify.mutate()} loading={verify.isPending}>
              {t('certificates.review.verify')}
            </Button>
          )}
          <Button
            variant={rejecting ? 'filled' : 'default'}
            color={rejecting ? 'red' : undefined}
            loading={reject.isPending}
            onClick={() => (rejecting ? reject.mutate() : setRejecting(true))}
          >
            {t('certificates.review.reject')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** "Verifikasi sertifikat": certificates earned elsewhere, waiting for the OPD operator's check. */
export function ExternalReviewPage() {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['external-certificates', 'submitted'],
    queryFn: () =>
      unwrap(api.GET('/api/external-certificates', { params: { query: { status: 'submitted' } } })),
  });
  return (
    <DecisionQueue
      title={t('certificates.review.title')}
      intro={t('certificates.review.intro')}
      empty={t('certificates.review.none')}
      query={q}
      card={(x, onDone) => <ReviewCard key={x.id} x={x} onDone={onDone} />}
      actions={
        <LinkButton to="/sertifikat/verifikasi/catat" variant="light">
          {t('certificates.external.onBehalf.link')}
        </LinkButton>
      }
    />
  );
}
