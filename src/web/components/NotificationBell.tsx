import { ActionIcon, Button, Indicator, Popover, Stack, Text, UnstyledButton } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import { formatDateTime } from '../lib/format';

const KEY = ['notifications'] as const;

/** The bell in the header: unread count, the latest notifications, links to act on them. */
export function NotificationBell() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  const q = useQuery({
    queryKey: KEY,
    queryFn: () => unwrap(api.GET('/api/notifications')),
    refetchInterval: 120_000,
  });
  const read = useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/api/notifications/{id}/read', { params: { path: { id } } })),
    onSettled: () => qc.invalidateQueries({ queryKey: KEY }),
  });
  const readAll = useMutation({
    mutationFn: () => unwrap(api.POST('/api/notifications/read-all')),
    onSettled: () => qc.invalidateQueries({ queryKey: KEY }),
  });
  const unread = q.data?.unread ?? 0;
  const items = q.data?.items ?? [];
  return (
    <Indicator
      label={unread > 99 ? '99+' : unread}
      size={18}
      color="red.9"
      disabled={unread === 0}
      offset={6}
    >
      <Popover opened={opened} onChange={setOpened} position="bottom-end" width={320} shadow="md" trapFocus>
        <Popover.Target>
          <ActionIcon
            variant="subtle"
            color="gray.9"
            size={44}
            onClick={() => setOpened((o) => !o)}
            aria-label={unread ? t('bell.labelUnread', { count: unread }) : t('bell.label')}
          >
            <svg
              width="22"
              height="22"
              viewBox="0 0 24 24"
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
              aria-hidden
            >
              <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
              <path d="M13.7 21a2 2 0 0 1-3.4 0" />
            </svg>
          </ActionIcon>
        </Popover.Target>
        <Popover.Dropdown aria-label={t('bell.title')} role="dialog">
          <Stack gap="xs">
            <Text fw={700}>{t('bell.title')}</Text>
            {items.length === 0 && <Text size="sm">{t('bell.empty')}</Text>}
            <Stack
              component="ul"
              gap={4}
              style={{ listStyle: 'none', margin: 0, padding: 0, maxHeight: 360, overflowY: 'auto' }}
            >
              {items.map((n) => (
                <li key={n.id}>
                  <UnstyledButton
                    p={6}
                    w="100%"
                    style={{
                      borderRadius: 6,
                      background: n.readAt ? undefined : 'var(--mantine-color-asah-0)',
                    }}
                    onClick={() => {
                      if (!n.readAt) read.mutate(n.id);
                      setOpened(false);
                      if (n.link?.startsWith('/')) void navigate({ to: n.link });
                    }}
                  >
                    <Text size="sm" fw={n.readAt ? 400 : 700}>
                      {!n.readAt && <span className="sr-only">{t('bell.unread')}: </span>}
                      {n.title}
                    </Text>
                    {n.body && <Text size="xs">{n.body}</Text>}
                    <Text size="xs" c="dimmed">
                      {formatDateTime(n.createdAt)}
                    </Text>
                  </UnstyledButton>
                </li>
              ))}
            </Stack>
            {unread > 0 && (
              <Button
                variant="subtle"
                size="xs"
                onClick={() => readAll.mutate()}
                style={{ alignSelf: 'flex-start' }}
              >
                {t('bell.readAll')}
              </Button>
            )}
          </Stack>
        </Popover.Dropdown>
      </Popover>
    </Indicator>
  );
}
