import { Alert, Button, FileInput, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { uploadFile, type UploadOutcome } from '../../api/competency-admin';
import { ScrollBox } from '../../components/ScrollBox';

/** Upload → preview (dry run, with row/column errors) → save: the same steps for every file import here. */
export function UploadDialog<T>({
  opened,
  onClose,
  title,
  intro,
  url,
  accept,
  renderResult,
  canSave,
  onSaved,
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  intro: string;
  url: string;
  accept: string;
  renderResult: (result: T) => ReactNode;
  canSave: (result: T) => boolean;
  onSaved: (result: T) => void;
}) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 48em)');
  const [file, setFile] = useState<File | null>(null);
  const [outcome, setOutcome] = useState<UploadOutcome<T> | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const close = () => {
    setFile(null);
    setOutcome(null);
    setFailure(null);
    onClose();
  };
  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setFailure(null);
    try {
      const r = await uploadFile<T>(url, file, dryRun);
      if (!dryRun && r.ok) {
        onSaved(r.result);
        close();
      } else setOutcome(r);
    } catch (e) {
      setFailure(e instanceof ApiError ? e.title : t('common.loadFailed'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened={opened}
      onClose={close}
      title={title}
      size="xl"
      fullScreen={!!phone}
    >
      <Stack gap="md">
        <Text>{intro}</Text>
        <FileInput
          label={t('competencyAdmin.file')}
          accept={accept}
          value={file}
          onChange={(f) => {
            setFile(f);
            setOutcome(null);
          }}
          clearable
          clearButtonProps={{ 'aria-label': t('competencyAdmin.clearFile') }}
        />
        {failure && (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        )}
        {outcome && !outcome.ok && (
          <Alert color="red" role="alert" title={t('competencyAdmin.errorsTitle')}>
            <Stack gap="xs">
              <Text>{outcome.title}</Text>
              {outcome.errors.length > 0 && (
                <ScrollBox label={t('competencyAdmin.errorsTitle')}>
                  <Table>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{t('competencyAdmin.row')}</Table.Th>
                        <Table.Th scope="col">{t('competencyAdmin.column')}</Table.Th>
                        <Table.Th scope="col">{t('competencyAdmin.message')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {outcome.errors.slice(0, 200).map((e, i) => (
                        <Table.Tr key={i}>
                          <Table.Td>{e.row ?? ''}</Table.Td>
                          <Table.Td>{e.column ?? e.field ?? ''}</Table.Td>
                          <Table.Td>{e.message}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </ScrollBox>
              )}
            </Stack>
          </Alert>
        )}
        {outcome?.ok && renderResult(outcome.result)}
        <Group gap="sm">
          <Button
            variant="default"
            onClick={() => void run(true)}
            disabled={!file}
            loading={busy && !outcome}
          >
            {t('competencyAdmin.check')}
          </Button>
          {outcome?.ok && canSave(outcome.result) && (
            <Button onClick={() => void run(false)} loading={busy}>
              {t('competencyAdmin.saveImport')}
            </Button>
          )}
          <Button variant="subtle" onClick={close}>
            {t('common.close')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
