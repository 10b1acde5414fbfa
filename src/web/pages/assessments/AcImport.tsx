import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LinkButton } from '../../components/links';
import { Page } from '../../components/Page';
import { SpreadsheetImport } from '../../components/SpreadsheetImport';

/** Assessment-centre results: template, upload, preview with row/column errors, then save all or nothing. */
export function AcImportPage() {
  const { t } = useTranslation();
  return (
    <Page
      title={t('assessment.ac.title')}
      actions={
        <LinkButton to="/kompetensi/kampanye" search={{}} variant="subtle">
          {t('assessment.campaigns.title')}
        </LinkButton>
      }
    >
      <Text>{t('assessment.ac.intro')}</Text>
      <SpreadsheetImport
        ns="assessment.ac"
        id="ac"
        endpoint="/api/assessments/import"
        templateHref="/api/assessments/import/template.xlsx"
        columns={['nip', 'kode_kompetensi', 'level', 'tanggal', 'catatan']}
      />
    </Page>
  );
}
