import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/queries';
import { LinkButton } from '../../components/links';
import { Page } from '../../components/Page';
import { hasRole } from '../../lib/access';
import { AtasanPanel } from './AtasanPanel';
import { Dashboard } from './Dashboard';
import { MitraPanel, PegawaiPanel } from './SelfPanels';
import { OperatorPanel } from './OperatorPanel';

/** Beranda: shaped by the roles the user holds (a person may hold several). */
export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <Page title={t('home.title')}>
      <Text size="lg">{t('home.greeting', { name: me.displayName })}</Text>
      <Stack gap="xl">
        {hasRole(me, 'admin', 'pimpinan') && <Dashboard />}
        {hasRole(me, 'operator') && !hasRole(me, 'admin') && <OperatorPanel />}
        {hasRole(me, 'atasan') && <AtasanPanel />}
        {hasRole(me, 'pegawai') && <PegawaiPanel />}
        {hasRole(me, 'mitra') && <MitraPanel />}
        {me.platformAdmin && (
          <Stack gap="sm" align="flex-start">
            <Text>{t('platform.homeText')}</Text>
            <LinkButton to="/instansi">{t('platform.title')}</LinkButton>
          </Stack>
        )}
      </Stack>
    </Page>
  );
}
