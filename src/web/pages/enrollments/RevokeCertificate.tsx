import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../../api/client';

/**
 * Confirming the revocation of one certificate: the reason is required (it goes to the audit trail),
 * and the public verification page says "revoked" from then on.
 */
export function RevokeCertificateModal({
  certificate,
  holder,
  onClose,
  onRevoked,
}: {
  certificate: { id: string; number: string };
  holder: string;
  onClose: () => void;
  onRevoked: (number: string) => void;
}) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 48em)');
  const [reason, setReason] = useState('');
  const [tooShort, setTooShort] = useState(false);
  const revoke = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/certificates/{id}/revoke', {
          params: { path: { id: certificate.id } },
          body: { reason: reason.trim() },
        }),
      ),
    onSuccess: (r) => onRevoked(r.number),
  });
  const serverError = revoke.error instanceof ApiError ? revoke.error : null;
  const reasonError = tooShort
    ? t('certRevoke.reasonRequired')
    : (serverError?.fieldErrors().reason ?? undefined);
  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      title={t('certRevoke.title', { number: certificate.number })}
      fullScreen={!!phone}
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (reason.trim().length < 3) {
            setTooShort(true);
            return;
          }
          setTooShort(false);
          revoke.mutate();
        }}
      >
        <Stack gap="md">
          <Text size="sm">{t('certRevoke.intro', { name: holder })}</Text>
          {revoke.error && !reasonError && (
            <Alert color="red" role="alert">
              {serverError ? (serverError.errors[0]?.message ?? serverError.title) : String(revoke.error)}
            </Alert>
          )}
          <Textarea
            id="revoke-reason"
            label={t('certRevoke.reason')}
            description={t('certRevoke.reasonHint')}
            required
            autosize
            minRows={2}
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={reasonError}
            data-autofocus
          />
          <Group gap="sm" justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red.9" loading={revoke.isPending}>
              {t('certRevoke.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
