import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../../api/client';
import { useMe } from '../../api/queries';
import { LinkButton } from '../../components/links';
import { Loading, LoadError } from '../../components/States';
import { formatDate } from '../../lib/format';

const SHOWN = 8;

/** "Riwayat penilaian" on the employee page, with "Nilai" for the person's atasan. */
export function AssessmentHistory({ nip, name }: { nip: string; name: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const [all, setAll] = useState(false);
  const q = useQuery({
    queryKey: ['assessment-history', nip],
    queryFn: () => unwrap(api.GET('/api/employees/{nip}/assessments', { params: { path: { nip } } })),
  });
  if (q.error instanceof ApiError && (q.error.status === 403 || q.error.status === 404)) return null;
  const items = q.data ?? [];
  const shown = all ? items : items.slice(0, SHOWN);
  // An atasan reads only themself and their staff: anybody else they can open is below them.
  const canAssess = me.roles.includes('atasan') && me.nip !== nip;
  return (
    <Paper component="section" withBorder p="md" radius="md" aria-labelledby="assessment-history">
      <Group justify="space-between" mb="sm" gap="sm">
        <Title order={2} fz="h4" id="assessment-history">
          {t('assessment.history.title')}
        </Title>
        {canAssess && (
          <LinkButton
            to="/penilaian/$nip"
            params={{ nip }}
            search={{ sumber: 'atasan' }}
            aria-label={t('assessment.history.assessLabel', { name })}
          >
            {t('assessment.history.assess')}
          </LinkButton>
        )}
      </Group>
      {q.isPending && <Loading />}
      {q.error && <LoadError error={q.error} onRetry={() => void q.refetch()} />}
      {q.data && items.length === 0 && <Text>{t('assessment.history.empty')}</Text>}
      {items.length > 0 && (
        <Stack component="ul" gap={6} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {shown.map((a) => (
            <li
              key={a.id}
              style={{ borderBottom: '1px solid var(--mantine-color-gray-3)', paddingBottom: 6 }}
            >
              <Group gap="xs" wrap="wrap" justify="space-between">
                <Text fw={600}>
                  {a.code} {a.name}
                </Text>
                <Badge variant="filled" color="asah.8" style={{ textTransform: 'none' }}>
                  {t('assessment.form.level', { level: a.level })}
                </Badge>
              </Group>
              <Text size="sm">
                {t(`competency.sources.${a.source}`)} · {formatDate(a.assessedOn)}
                {a.assessorName ? ` · ${t('assessment.history.by', { name: a.assessorName })}` : ''}
              </Text>
              {a.note && <Text size="sm">“{a.note}”</Text>}
              {a.evidenceFileId && (
                <Anchor size="sm" href={`/api/files/${a.evidenceFileId}`}>
                  {t('assessment.history.file', { name: a.evidenceFileName ?? '' })}
                </Anchor>
              )}
            </li>
          ))}
        </Stack>
      )}
      {items.length > SHOWN && (
        <Button variant="subtle" mt="xs" onClick={() => setAll((v) => !v)}>
          {all ? t('assessment.history.less') : t('assessment.history.more', { count: items.length })}
        </Button>
      )}
    </Paper>
  );
}
