import { Alert, Badge, Button, Group, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { Page } from '../../components/Page';
import { ScrollBox } from '../../components/ScrollBox';
import { Empty, Loading, LoadError } from '../../components/States';
import { formatDateTime } from '../../lib/format';

type Status = 'pending' | 'sent' | 'failed' | 'not_sent';
const COLOR: Record<Status, string> = {
  pending: 'blue.9',
  sent: 'teal.9',
  failed: 'red.9',
  not_sent: 'gray.8',
};

/** Admin: the e-mail outbox — what went out, and without SMTP what would have been sent. */
export function OutboxPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [status, setStatus] = useState<Status | ''>('');
  const [page, setPage] = useState(1);
  const q = useQuery({
    queryKey: ['outbox', status, page],
    queryFn: () =>
      unwrap(
        api.GET('/api/outbox', { params: { query: { page, pageSize: 25, ...(status ? { status } : {}) } } }),
      ),
  });
  const send = useMutation({
    mutationFn: () => unwrap(api.POST('/api/outbox/send')),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['outbox'] }),
  });
  const pages = q.data ? Math.max(1, Math.ceil(q.data.total / 25)) : 1;
  return (
    <Page
      title={t('enrol.outbox.title')}
      actions={
        q.data?.smtp ? (
          <Button onClick={() => send.mutate()} loading={send.isPending}>
            {t('enrol.outbox.sendNow')}
          </Button>
        ) : undefined
      }
    >
      {q.data && (
        <Alert color={q.data.smtp ? 'teal' : 'gray'}>
          {q.data.smtp ? t('enrol.outbox.smtpOn') : t('enrol.outbox.noSmtp')}
        </Alert>
      )}
      {send.data && <Alert role="status">{t('enrol.outbox.sent', send.data)}</Alert>}
      <NativeSelect
        label={t('enrol.outbox.filter')}
        value={status}
        onChange={(e) => {
          setStatus(e.currentTarget.value as Status | '');
          setPage(1);
        }}
        data={[
          { value: '', label: t('common.all') },
          ...(['pending', 'sent', 'failed', 'not_sent'] as const).map((s) => ({
            value: s,
            label: t(`enrol.outbox.statusV.${s}`),
          })),
        ]}
        maw={260}
      />
      {q.isLoading && <Loading />}
      {q.error && <LoadError error={q.error} onRetry={() => void q.refetch()} />}
      {q.data &&
        (q.data.items.length === 0 ? (
          <Empty>{t('enrol.outbox.empty')}</Empty>
        ) : (
          <Stack gap="sm">
            <ScrollBox label={t('enrol.outbox.title')}>
              <Table striped verticalSpacing="xs" miw={720}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('enrol.outbox.created')}</Table.Th>
                    <Table.Th>{t('enrol.outbox.to')}</Table.Th>
                    <Table.Th>{t('enrol.outbox.subject')}</Table.Th>
                    <Table.Th>{t('enrol.outbox.status')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {q.data.items.map((m) => (
                    <Table.Tr key={m.id}>
                      <Table.Td>{formatDateTime(m.createdAt)}</Table.Td>
                      <Table.Td style={{ overflowWrap: 'anywhere' }}>{m.toAddress}</Table.Td>
                      <Table.Td>
                        <details>
                          <summary>{m.subject}</summary>
                          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                            {m.body}
                          </Text>
                        </details>
                      </Table.Td>
                      <Table.Td>
                        <Badge color={COLOR[m.status]} variant="filled">
                          {t(`enrol.outbox.statusV.${m.status}`)}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollBox>
            <Group gap="sm">
              <Button variant="default" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                {t('common.prev')}
              </Button>
              <Text size="sm">{t('common.pageOf', { page, pages })}</Text>
              <Button variant="default" disabled={page >= pages} onClick={() => setPage(page + 1)}>
                {t('common.next')}
              </Button>
            </Group>
          </Stack>
        ))}
    </Page>
  );
}
