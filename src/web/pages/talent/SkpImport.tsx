import { Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LinkButton } from '../../components/links';
import { Page } from '../../components/Page';
import { SpreadsheetImport } from '../../components/SpreadsheetImport';

/** SKP scores for the 9-box from a spreadsheet: template, upload, preview with errors, save all or nothing. */
export function SkpImportPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  return (
    <Page
      title={t('skpImport.title')}
      actions={
        <LinkButton to="/kompetensi/talenta" search={{}} variant="subtle">
          {t('skpImport.back')}
        </LinkButton>
      }
    >
      <Text maw={760}>{t('skpImport.intro')}</Text>
      <SpreadsheetImport
        ns="skpImport"
        id="skp"
        endpoint="/api/performance/import"
        templateHref="/api/performance/import/template.xlsx"
        columns={['nip', 'nama', 'tahun', 'nilai_skp', 'predikat']}
        onSaved={() => void qc.invalidateQueries({ queryKey: ['nine-box'] })}
      />
    </Page>
  );
}
