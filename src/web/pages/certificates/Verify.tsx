import { Box, Center, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../../api/client';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { formatDate, formatNumber } from '../../lib/format';

/**
 * The public page behind a certificate's QR code: no sign-in, light, readable on a small phone.
 * Shows only what the public API gives (holder, programme, dates, JP, number, valid or revoked).
 */
export function VerifyCertificatePage() {
  const { t } = useTranslation();
  const { code } = useParams({ from: '/verifikasi/$code' });
  useDocumentTitle(`${t('certificates.verify.pageTitle')} · Asah`);
  const q = useQuery({
    queryKey: ['public-certificate', code],
    queryFn: () => unwrap(api.GET('/api/public/certificates/{code}', { params: { path: { code } } })),
    retry: (n, err) => !(err instanceof ApiError && err.status === 404) && n < 2,
    staleTime: 60_000,
  });
  const missing = q.error instanceof ApiError && q.error.status === 404;
  const c = q.data;
  const state = c ? c.status : missing ? 'notFound' : null;
  const tone = state === 'valid' ? 'green' : state === 'revoked' ? 'red' : 'gray';
  const mark = state === 'valid' ? '✓' : state === 'revoked' ? '✕' : '?';

  return (
    <Box bg="asah.0" mih="100vh">
      <Group justify="space-between" p="sm" wrap="nowrap">
        <Text fw={800} fz={22} c="asah.8">
          {t('app.name')}
        </Text>
        <LanguageSwitch signedIn={false} />
      </Group>
      <Center px="sm" pb="xl">
        <Paper
          component="main"
          withBorder
          shadow="sm"
          p={{ base: 'md', sm: 'xl' }}
          radius="md"
          w="100%"
          maw={520}
        >
          <Stack gap="md">
            <div>
              <Title order={1} fz={22}>
                {t('certificates.verify.pageTitle')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('certificates.verify.intro')}
              </Text>
            </div>
            {q.isPending && <Text role="status">{t('certificates.verify.checking')}</Text>}
            {q.isError && !missing && <Text role="alert">{t('certificates.verify.failed')}</Text>}
            {state && (
              <Group gap="sm" wrap="nowrap" role="status" data-testid="verify-result" data-state={state}>
                <ThemeIcon color={tone} size={48} radius="xl" aria-hidden>
                  <Text fz={26} fw={800} c="white">
                    {mark}
                  </Text>
                </ThemeIcon>
                <div>
                  <Text fz={24} fw={800} c={tone === 'gray' ? undefined : `${tone}.9`}>
                    {t(`certificates.verify.${state}`)}
                  </Text>
                  <Text size="sm">{t(`certificates.verify.${state}Text`, { issuer: c?.issuer ?? '' })}</Text>
                </div>
              </Group>
            )}
            {c && (
              <Stack component="dl" gap={6} m={0}>
                {(
                  [
                    ['holder', c.holderName],
                    ['program', c.programTitle],
                    [
                      'dates',
                      c.startsOn === c.endsOn
                        ? formatDate(c.startsOn)
                        : `${formatDate(c.startsOn)} ${t('certificates.verify.until')} ${formatDate(c.endsOn)}`,
                    ],
                    ['jp', formatNumber(c.jp)],
                    ['number', c.number],
                  ] as const
                ).map(([k, v]) => (
                  <div key={k}>
                    <Text component="dt" size="sm" c="dimmed">
                      {t(`certificates.verify.${k}`)}
                    </Text>
                    <Text component="dd" m={0} fw={600} style={{ overflowWrap: 'anywhere' }}>
                      {v}
                    </Text>
                  </div>
                ))}
              </Stack>
            )}
            <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {t('certificates.verify.code')}: {code}
              {c ? ` · ${t('certificates.verify.issuer', { issuer: c.issuer })}` : ''}
            </Text>
          </Stack>
        </Paper>
      </Center>
    </Box>
  );
}
