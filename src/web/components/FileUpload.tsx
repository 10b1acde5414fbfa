import { Button, FileInput, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, request } from '../api/client';

export interface UploadedFile {
  id: string;
  name: string;
}

interface Props {
  /** The input's id, for the error summary's links. */
  id: string;
  label: string;
  /** Where the chosen file goes (multipart field `file`), e.g. `/api/files?purpose=evidence&nip=…`. */
  url: string;
  value: UploadedFile | null;
  onChange: (file: UploadedFile | null) => void;
  /** The server's refusal of the file (type, size), for the form's summary; null once it is fixed. */
  onError?: (message: string | null) => void;
  onBusy?: (busy: boolean) => void;
  /** An error the form found (e.g. "no file chosen"), shown when the upload itself has none. */
  error?: string | null;
  required?: boolean;
}

/**
 * A PDF/JPG/PNG document (at most 5 MB) sent as soon as it is chosen, so a weak connection fails
 * here, visibly, and not when the whole form is saved. The form keeps only the stored file's id.
 */
export function FileUpload({ id, label, url, value, onChange, onError, onBusy, error, required }: Props) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [picked, setPicked] = useState<File | null>(null);
  const fail = (message: string | null) => {
    setFailure(message);
    onError?.(message);
  };
  const working = (b: boolean) => {
    setBusy(b);
    onBusy?.(b);
  };
  const choose = async (file: File | null) => {
    setPicked(file);
    fail(null);
    if (!file) {
      onChange(null);
      return;
    }
    working(true);
    try {
      const form = new FormData();
      form.append('file', file, file.name);
      const res = await request<UploadedFile>(url, { method: 'POST', body: form });
      onChange({ id: res.body.id, name: res.body.name });
    } catch (e) {
      onChange(null);
      fail(e instanceof ApiError ? (e.errors[0]?.message ?? e.title) : t('upload.failed'));
    } finally {
      working(false);
    }
  };
  return (
    <div>
      <FileInput
        id={id}
        label={label}
        description={t('upload.hint')}
        accept="application/pdf,image/jpeg,image/png"
        clearable
        clearButtonProps={{ 'aria-label': t('upload.remove') }}
        value={picked}
        onChange={(f) => void choose(f)}
        error={failure ?? error ?? undefined}
        disabled={busy}
        withAsterisk={required}
      />
      {busy && (
        <Text size="sm" role="status">
          {t('upload.uploading')}
        </Text>
      )}
      {value && (
        <Group gap="xs" mt={4}>
          <Text size="sm">{t('upload.uploaded', { name: value.name })}</Text>
          <Button variant="subtle" size="xs" onClick={() => void choose(null)}>
            {t('upload.remove')}
          </Button>
        </Group>
      )}
    </div>
  );
}
