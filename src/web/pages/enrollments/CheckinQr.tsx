import { Group, Image, Paper, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { LinkAnchor } from '../../components/links';
import { Page } from '../../components/Page';
import { Loading, LoadError } from '../../components/States';
import { formatDateTime } from '../../lib/format';

/** The organiser's screen: the QR of the check-in address and the code in large letters, every 30 s anew. */
export function CheckinQrPage() {
  const { t } = useTranslation();
  const { programId, sessionId } = useParams({ strict: false }) as { programId: string; sessionId: string };
  const [left, setLeft] = useState<number | null>(null);
  const [qr, setQr] = useState<string | null>(null);
  const q = useQuery({
    queryKey: ['checkin-code', sessionId],
    queryFn: () =>
      unwrap(api.GET('/api/sessions/{id}/checkin-code', { params: { path: { id: sessionId } } })),
    // Fetch again just after the code changes (and keep the count of present people fresh).
    refetchInterval: (query) => ((query.state.data?.secondsLeft ?? 30) + 0.5) * 1000,
    refetchIntervalInBackground: true,
  });
  const data = q.data;
  useEffect(() => {
    if (!data) return;
    const url = `${window.location.origin}${data.path}`;
    void QRCode.toDataURL(url, { margin: 1, width: 320, errorCorrectionLevel: 'M' }).then(setQr);
    const until = Date.now() + data.secondsLeft * 1000;
    const tick = () => setLeft(Math.max(0, Math.ceil((until - Date.now()) / 1000)));
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [data]);

  return (
    <Page title={t('enrol.qr.title')}>
      <LinkAnchor to="/program/$programId/peserta" params={{ programId }}>
        {t('enrol.qr.back')}
      </LinkAnchor>
      {q.isLoading && <Loading />}
      {q.error && <LoadError error={q.error} onRetry={() => void q.refetch()} />}
      {data && (
        <Stack gap="md" align="center">
          <Text fw={700} ta="center">
            {data.programTitle}
            {data.sessionTitle ? ` · ${data.sessionTitle}` : ''}
          </Text>
          <Text size="sm">
            {formatDateTime(data.startsAt)} – {formatDateTime(data.endsAt)}
          </Text>
          <Text ta="center">{t('enrol.qr.intro')}</Text>
          <Paper withBorder p="sm" radius="md" bg="white">
            {qr && <Image src={qr} alt={t('enrol.qr.qrAlt')} w={{ base: 260, sm: 320 }} h="auto" />}
          </Paper>
          <Stack gap={0} align="center">
            <Text size="sm">{t('enrol.qr.code')}</Text>
            <Text
              data-testid="checkin-code"
              fw={800}
              fz={{ base: 44, sm: 72 }}
              ff="monospace"
              style={{ letterSpacing: '0.15em' }}
              aria-live="polite"
            >
              {data.code}
            </Text>
          </Stack>
          <Group gap="lg" justify="center">
            {left !== null && <Text size="sm">{t('enrol.qr.changesIn', { s: left })}</Text>}
            <Text size="sm">
              {t('enrol.qr.present', { present: data.present, total: data.participants })}
            </Text>
          </Group>
        </Stack>
      )}
    </Page>
  );
}
