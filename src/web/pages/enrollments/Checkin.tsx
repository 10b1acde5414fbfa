import { Alert, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useSearch } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../../api/client';
import { formatDateTime } from '../../lib/format';

/**
 * The participant's phone: opened from the QR code (session and code in the address) it checks in
 * at once with one small request, tried again by itself on a weak network; the code can also be
 * typed. A repeated check-in is fine.
 */
export function CheckinPage() {
  const { t } = useTranslation();
  const search = useSearch({ strict: false }) as { sesi?: string; kode?: string };
  const [code, setCode] = useState(search.kode ?? '');
  const sent = useRef(false);
  const checkin = useMutation({
    mutationFn: (c: string) =>
      unwrap(
        api.POST('/api/sessions/{id}/checkin', { params: { path: { id: search.sesi! } }, body: { code: c } }),
      ),
    // A dropped connection is tried again by itself (the code stays good for a minute); a refusal
    // from the server is shown at once. Checking in twice is harmless, so a retry never double-counts.
    retry: (failures, error) => !(error instanceof ApiError) && failures < 4,
    retryDelay: (attempt) => 1500 * (attempt + 1),
  });
  useEffect(() => {
    if (search.sesi && search.kode && !sent.current) {
      sent.current = true;
      checkin.mutate(search.kode);
    }
  }, [search.sesi, search.kode, checkin]);

  const err = checkin.error;
  const message =
    err instanceof ApiError
      ? typeof err.body.detail === 'string'
        ? err.body.detail
        : err.title
      : err
        ? t('enrol.checkin.offline')
        : null;

  useEffect(() => {
    document.title = `${t('enrol.checkin.title')} · Asah`;
  }, [t]);

  return (
    <Stack gap="md" maw={480}>
      <Title order={1} fz={{ base: 26, sm: 32 }}>
        {t('enrol.checkin.title')}
      </Title>
      {!search.sesi ? (
        <Alert color="orange">{t('enrol.checkin.missing')}</Alert>
      ) : checkin.data ? (
        <Alert color="teal" role="status" data-testid="checkin-ok">
          <Text fw={700} size="lg">
            {t('enrol.checkin.ok')}
          </Text>
          <Text>{checkin.data.programTitle}</Text>
          {checkin.data.sessionTitle && <Text>{checkin.data.sessionTitle}</Text>}
          <Text size="sm">{formatDateTime(checkin.data.recordedAt)}</Text>
          {checkin.data.already && <Text size="sm">{t('enrol.checkin.already')}</Text>}
        </Alert>
      ) : (
        <>
          <Text>{t('enrol.checkin.intro')}</Text>
          {message && (
            <Alert color="red" role="alert">
              {message}
            </Alert>
          )}
          <form
            onSubmit={(e) => {
              e.preventDefault();
              checkin.mutate(code);
            }}
          >
            <Stack gap="sm">
              <TextInput
                id="checkin-code"
                label={t('enrol.checkin.code')}
                description={t('enrol.checkin.codeHint')}
                value={code}
                onChange={(e) => setCode(e.currentTarget.value.toUpperCase())}
                autoCapitalize="characters"
                autoComplete="off"
                size="lg"
                required
                styles={{ input: { letterSpacing: '0.2em', fontWeight: 700 } }}
              />
              <Button type="submit" size="lg" loading={checkin.isPending} fullWidth>
                {t('enrol.checkin.send')}
              </Button>
            </Stack>
          </form>
        </>
      )}
    </Stack>
  );
}
