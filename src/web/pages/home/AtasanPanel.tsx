import { List, Paper, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatNip } from '../../../domain/nip';
import { api, unwrap } from '../../api/client';
import { LinkAnchor } from '../../components/links';
import { Loading, LoadError } from '../../components/States';
import { formatNumber } from '../../lib/format';

/** Atasan: the people who report to them (the API scopes the list to subordinates). */
export function AtasanPanel() {
  const { t } = useTranslation();
  const list = useQuery({
    queryKey: ['employees', 'home-subordinates'],
    queryFn: () => unwrap(api.GET('/api/employees', { params: { query: { pageSize: 8 } } })),
  });
  return (
    <section aria-labelledby="atasan-title">
      <Title order={2} fz="h3" id="atasan-title" mb="sm">
        {t('home.atasanTitle')}
      </Title>
      {list.isPending && <Loading />}
      {list.error && <LoadError error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && (
        <Paper withBorder p="md" radius="md">
          {list.data.items.length === 0 ? (
            <Text>{t('home.atasanEmpty')}</Text>
          ) : (
            <>
              <List spacing="xs" listStyleType="none" mb="sm">
                {list.data.items.map((e) => (
                  <List.Item key={e.id}>
                    <LinkAnchor to="/pegawai/$nip" params={{ nip: e.nip }} fw={600}>
                      {e.fullName}
                    </LinkAnchor>
                    <Text size="sm" c="dimmed">
                      {formatNip(e.nip)} · {e.positionName ?? e.unitName}
                    </Text>
                  </List.Item>
                ))}
              </List>
              <LinkAnchor to="/pegawai">
                {t('home.atasanAll', { n: formatNumber(list.data.total) })}
              </LinkAnchor>
            </>
          )}
        </Paper>
      )}
    </section>
  );
}
