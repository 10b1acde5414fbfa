import { Alert, Stack, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from './Page';
import { Empty, Loading, LoadError } from './States';

interface Props<T> {
  title: string;
  intro: string;
  empty: string;
  query: UseQueryResult<T[]>;
  /** Buttons or links beside the title. */
  actions?: ReactNode;
  /** One card (an `li`) per item; `onDone` shows what the decision did above the list. */
  card: (item: T, onDone: (message: string) => void) => ReactNode;
}

/**
 * A page of things waiting for someone's decision (certificates to check, levels to confirm): the
 * list as cards, and after each decision a message that stays until it is closed.
 */
export function DecisionQueue<T>({ title, intro, empty, query, card, actions }: Props<T>) {
  const { t } = useTranslation();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <Page title={title} actions={actions}>
      <Text>{intro}</Text>
      {message && (
        <Alert
          color="teal"
          role="status"
          withCloseButton
          closeButtonLabel={t('learning.proposals.dismiss')}
          onClose={() => setMessage(null)}
        >
          {message}
        </Alert>
      )}
      {query.isPending && <Loading />}
      {query.error && <LoadError error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && query.data.length === 0 && <Empty>{empty}</Empty>}
      {query.data && query.data.length > 0 && (
        <Stack
          component="ul"
          gap="sm"
          aria-label={title}
          style={{ listStyle: 'none', margin: 0, padding: 0 }}
        >
          {query.data.map((item) => card(item, setMessage))}
        </Stack>
      )}
    </Page>
  );
}
