import { Paper } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { LinkAnchor } from '../../components/links';

/** For an atasan: a way to the levels proposed after programmes, shown only when some wait. */
export function ProposalsLink() {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['competency-proposals', 'pending'],
    queryFn: () => unwrap(api.GET('/api/competency-proposals', { params: { query: { status: 'pending' } } })),
  });
  const count = q.data?.filter((p) => p.canDecide).length ?? 0;
  if (count === 0) return null;
  return (
    <Paper withBorder p="md" radius="md" bg="blue.0">
      <LinkAnchor to="/kompetensi/usulan" fw={700} py={6} display="inline-block">
        {t('learning.proposals.link', { count })}
      </LinkAnchor>
    </Paper>
  );
}
