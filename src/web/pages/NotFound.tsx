import { Text } from '@mantine/core';
import type { ErrorComponentProps } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { LinkButton } from '../components/links';
import { Page } from '../components/Page';
import { LoadError } from '../components/States';

export class ForbiddenError extends Error {
  constructor() {
    super('forbidden');
  }
}

function Wrapper({ children }: { children: React.ReactNode }) {
  return <main style={{ padding: 24, maxWidth: 720, margin: '0 auto' }}>{children}</main>;
}

/** 404: says what happened and offers the way home. Inside the shell it renders in the shell's <main>. */
export function NotFoundPage({ bare }: { bare?: boolean }) {
  const { t } = useTranslation();
  const body = (
    <Page title={t('notFound.title')}>
      <Text>{t('notFound.text')}</Text>
      <div>
        <LinkButton to="/">{t('notFound.home')}</LinkButton>
      </div>
    </Page>
  );
  return bare ? <Wrapper>{body}</Wrapper> : body;
}

export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('forbidden.title')}>
      <Text>{t('forbidden.text')}</Text>
      <div>
        <LinkButton to="/">{t('notFound.home')}</LinkButton>
      </div>
    </Page>
  );
}

export function RouteError({ error, reset }: ErrorComponentProps) {
  const { t } = useTranslation();
  if (error instanceof ForbiddenError) return <ForbiddenPage />;
  return (
    <Page title={t('common.errorTitle')}>
      <LoadError error={error} onRetry={reset} />
    </Page>
  );
}
