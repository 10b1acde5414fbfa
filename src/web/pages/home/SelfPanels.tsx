import { Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { describeGolongan } from '../../../domain/golongan';
import { formatNip } from '../../../domain/nip';
import { api, unwrap } from '../../api/client';
import { useMe } from '../../api/queries';
import { LinkAnchor, LinkButton } from '../../components/links';
import { Loading, LoadError } from '../../components/States';

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={600}>{value}</Text>
    </div>
  );
}

/** Pegawai: a summary of their own profile. */
export function PegawaiPanel() {
  const { t } = useTranslation();
  const me = useMe();
  const profile = useQuery({
    queryKey: ['employee', me.nip],
    queryFn: () => unwrap(api.GET('/api/employees/{nip}', { params: { path: { nip: me.nip! } } })),
    enabled: !!me.nip,
  });
  return (
    <section aria-labelledby="pegawai-title">
      <Title order={2} fz="h3" id="pegawai-title" mb="sm">
        {t('home.pegawaiTitle')}
      </Title>
      {!me.nip && <Text>{t('home.noNip')}</Text>}
      {profile.isPending && me.nip && <Loading />}
      {profile.error && <LoadError error={profile.error} onRetry={() => void profile.refetch()} />}
      {profile.data && (
        <Paper withBorder p="md" radius="md">
          <Text fw={700} fz="lg" mb="sm">
            {profile.data.fullName}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" mb="md">
            <Fact label={t('profile.nip')} value={formatNip(profile.data.nip)} />
            <Fact label={t('profile.golongan')} value={describeGolongan(profile.data.golongan)} />
            <Fact label={t('profile.position')} value={profile.data.positionName ?? t('common.none')} />
            <Fact label={t('profile.unit')} value={profile.data.unitName} />
          </SimpleGrid>
          {profile.data.supervisor && (
            <Text mb="md">
              {t('profile.supervisor')}:{' '}
              <LinkAnchor to="/pegawai/$nip" params={{ nip: profile.data.supervisor.nip }}>
                {profile.data.supervisor.fullName}
              </LinkAnchor>
            </Text>
          )}
          <LinkButton to="/pegawai/$nip" params={{ nip: profile.data.nip }}>
            {t('home.pegawaiOpen')}
          </LinkButton>
        </Paper>
      )}
    </section>
  );
}

export function MitraPanel() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="mitra-title">
      <Title order={2} fz="h3" id="mitra-title" mb="sm">
        {t('home.mitraTitle')}
      </Title>
      <Paper withBorder p="md" radius="md">
        <Text mb="sm">{t('home.mitraText')}</Text>
        <LinkButton to="/akun" variant="light">
          {t('nav.account')}
        </LinkButton>
      </Paper>
    </section>
  );
}
