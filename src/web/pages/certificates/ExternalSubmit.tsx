import {
  Alert,
  Button,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DEVELOPMENT_FORMS, PATH_LABELS } from '../../../domain/learning/forms';
import { countClaim } from '../../../domain/learning/jp-bounds';
import type { JpInput } from '../../../domain/learning/jp';
import { BUILT_IN_JP_RULE_SETS, ruleSetOn } from '../../../domain/learning/jp-rules';
import { api, unwrap } from '../../api/client';
import { jpRuleSetsQuery, useMe } from '../../api/queries';
import { EmployeePicker, type PickedEmployee } from '../../components/EmployeePicker';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FileUpload, type UploadedFile } from '../../components/FileUpload';
import { LinkAnchor } from '../../components/links';
import { Page } from '../../components/Page';
import { summaryItems, useFormErrors } from '../../lib/form-errors';
import { formatNumber, todayIso } from '../../lib/format';

const FIELDS = ['nip', 'title', 'provider', 'form', 'scope', 'startsOn', 'endsOn', 'claim', 'fileId'];
const dayCount = (a: string, b: string) =>
  a && b && b >= a ? Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000) + 1 : undefined;

/** "Unggah sertifikat dari luar": the pegawai sends their own certificate. */
export function ExternalSubmitPage() {
  return <ExternalCertificateForm onBehalf={false} />;
}

/** "Catat sertifikat pegawai": an operator records a certificate handed in on paper, for the same check. */
export function ExternalRecordPage() {
  return <ExternalCertificateForm onBehalf />;
}

/**
 * A certificate earned outside Asah (e.g. national e-learning), sent to the OPD operator for checking.
 * The JP it will count is shown as the fields are filled, by the same conversion rules the server
 * applies. On behalf of someone else, the employee is chosen first and the scan is filed under them.
 */
function ExternalCertificateForm({ onBehalf }: { onBehalf: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const navigate = useNavigate();
  const me = useMe();
  const qc = useQueryClient();
  const { errors, setErrors, title, showApiError } = useFormErrors();
  const [scan, setScan] = useState<UploadedFile | null>(null);
  const [employee, setEmployee] = useState<PickedEmployee | null>(null);
  const nip = onBehalf ? employee?.nip : (me.nip ?? undefined);
  const [uploading, setUploading] = useState(false);
  const [f, setF] = useState({
    title: '',
    provider: '',
    form: 'C3',
    scope: 'nasional' as 'nasional' | 'internasional',
    startsOn: '',
    endsOn: '',
    scheduledJp: '' as number | string,
    sessions: '' as number | string,
    semesters: '' as number | string,
  });
  const set = (k: keyof typeof f) => (v: string | number) => setF((x) => ({ ...x, [k]: v }));
  // The preview counts with the tenant's stored rule sets, as the server does on acceptance.
  const stored = useQuery(jpRuleSetsQuery).data;
  // Today in the tenant's zone, as the server counts it.
  const today = todayIso();
  const set0 = stored ? ruleSetOn(stored, f.endsOn || today) : undefined;
  // Which inputs to ask for: the stored rule once known, the built-in one while it loads.
  const layout = set0 ?? ruleSetOn(BUILT_IN_JP_RULE_SETS, f.endsOn || today) ?? BUILT_IN_JP_RULE_SETS[0]!;
  const kind = layout.rows[f.form as keyof typeof layout.rows]?.nasional.kind;
  const days = dayCount(f.startsOn, f.endsOn);

  /** The JP input the form's rule needs, from what was typed. */
  const claim = ((): Omit<JpInput, 'form' | 'scope'> => {
    const n = (v: number | string) => (typeof v === 'number' ? v : undefined);
    switch (kind) {
      case 'asScheduled':
        return { scheduledJp: n(f.scheduledJp) };
      case 'perSemester':
        return { semesters: n(f.semesters) };
      case 'perSession': {
        const k = n(f.sessions) ?? 0;
        // Sessions spread evenly over the period; the monthly cap applies per calendar month.
        if (!f.startsOn || !days) return { sessions: [] };
        const start = Date.parse(f.startsOn);
        return {
          sessions: Array.from({ length: k }, (_, i) =>
            new Date(start + Math.floor((i * days) / Math.max(1, k)) * 86_400_000).toISOString().slice(0, 10),
          ),
        };
      }
      case 'perDay':
        return { days };
      case 'dailyCap':
        // The JP on the certificate, capped at the days × the daily maximum.
        return { days, scheduledJp: n(f.scheduledJp) };
      default:
        return {};
    }
  })();
  const preview =
    set0 && f.startsOn && f.endsOn
      ? countClaim(
          { form: f.form, scope: f.scope, startsOn: f.startsOn, endsOn: f.endsOn, claim },
          today,
          set0,
        )
      : null;

  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/external-certificates', {
          body: {
            title: f.title,
            provider: f.provider,
            form: f.form,
            scope: f.scope,
            startsOn: f.startsOn,
            endsOn: f.endsOn,
            // Left out when no scan was chosen: the server then says "wajib diisi" beside the file field,
            // together with any other field's problem.
            fileId: scan?.id as string,
            claim: Object.fromEntries(Object.entries(claim).filter(([, v]) => v !== undefined)),
            ...(onBehalf && nip ? { nip } : {}),
          },
        }),
      ),
    onSuccess: async () => {
      if (onBehalf) {
        await qc.invalidateQueries({ queryKey: ['external-certificates'] });
        await navigate({ to: '/sertifikat/verifikasi' });
      } else {
        await qc.invalidateQueries({ queryKey: ['my-learning'] });
        await navigate({ to: '/belajar' });
      }
    },
    onError: showApiError,
  });
  const labels = Object.fromEntries(FIELDS.map((k) => [k, t(`certificates.external.field.${k}`)]));
  const id = (k: string) => `external-${k}`;
  const send = () => {
    // Without a chosen employee the server would file the certificate under the operator: stop here.
    if (onBehalf && !employee) {
      setErrors({ nip: t('validation.required') });
      return;
    }
    save.mutate();
  };
  return (
    <Page title={t(onBehalf ? 'certificates.external.onBehalf.title' : 'certificates.external.title')}>
      {onBehalf ? (
        <LinkAnchor to="/sertifikat/verifikasi" size="sm">
          {t('certificates.external.onBehalf.back')}
        </LinkAnchor>
      ) : (
        <LinkAnchor to="/belajar" size="sm">
          {t('certificates.external.back')}
        </LinkAnchor>
      )}
      <Text>{t(onBehalf ? 'certificates.external.onBehalf.intro' : 'certificates.external.intro')}</Text>
      <Paper
        withBorder
        p="md"
        radius="md"
        component="form"
        noValidate
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          send();
        }}
      >
        <Stack gap="sm">
          <ErrorSummary title={title ?? undefined} items={summaryItems(errors, FIELDS, 'external', labels)} />
          {onBehalf && (
            <EmployeePicker
              id={id('nip')}
              label={labels.nip!}
              value={employee}
              onChange={(e) => {
                setEmployee(e);
                // A scan is filed under one employee: choosing another asks for it again.
                if (e?.nip !== employee?.nip) setScan(null);
                if (e) setErrors(({ nip: _gone, ...rest }) => rest);
              }}
              error={errors.nip}
              required
            />
          )}
          <TextInput
            id={id('title')}
            label={labels.title}
            value={f.title}
            onChange={(e) => set('title')(e.currentTarget.value)}
            error={errors.title}
          />
          <TextInput
            id={id('provider')}
            label={labels.provider}
            description={t('certificates.external.providerHint')}
            value={f.provider}
            onChange={(e) => set('provider')(e.currentTarget.value)}
            error={errors.provider}
          />
          <NativeSelect
            id={id('form')}
            label={labels.form}
            value={f.form}
            onChange={(e) => set('form')(e.currentTarget.value)}
            error={errors.form}
            data={(['pendidikan', 'pelatihan_klasikal', 'pelatihan_nonklasikal'] as const).map((path) => ({
              group: PATH_LABELS[path][lang],
              items: DEVELOPMENT_FORMS.filter((d) => d.path === path).map((d) => ({
                value: d.code,
                label: d.label[lang],
              })),
            }))}
          />
          <NativeSelect
            id={id('scope')}
            label={labels.scope}
            value={f.scope}
            onChange={(e) => set('scope')(e.currentTarget.value)}
            data={[
              { value: 'nasional', label: t('learning.mine.scope.nasional') },
              { value: 'internasional', label: t('learning.mine.scope.internasional') },
            ]}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              id={id('startsOn')}
              type="date"
              label={labels.startsOn}
              value={f.startsOn}
              onChange={(e) => set('startsOn')(e.currentTarget.value)}
              error={errors.startsOn}
            />
            <TextInput
              id={id('endsOn')}
              type="date"
              label={labels.endsOn}
              value={f.endsOn}
              onChange={(e) => set('endsOn')(e.currentTarget.value)}
              error={errors.endsOn}
            />
          </SimpleGrid>
          {(kind === 'asScheduled' || kind === 'dailyCap') && (
            <NumberInput
              id={id('claim')}
              label={t('certificates.external.scheduledJp')}
              min={0}
              max={10000}
              decimalScale={2}
              value={f.scheduledJp}
              onChange={set('scheduledJp')}
              error={errors.claim}
              maw={220}
            />
          )}
          {kind === 'perSession' && (
            <NumberInput
              id={id('claim')}
              label={t('certificates.external.sessions')}
              min={0}
              max={500}
              value={f.sessions}
              onChange={set('sessions')}
              error={errors.claim}
              maw={220}
            />
          )}
          {kind === 'perSemester' && (
            <NumberInput
              id={id('claim')}
              label={t('certificates.external.semesters')}
              min={0}
              max={20}
              value={f.semesters}
              onChange={set('semesters')}
              error={errors.claim}
              maw={220}
            />
          )}
          {onBehalf && !employee ? (
            <Text size="sm" c="dimmed" id={id('fileId')}>
              {labels.fileId}: {t('certificates.external.onBehalf.pickFirst')}
            </Text>
          ) : (
            <FileUpload
              key={nip}
              id={id('fileId')}
              label={labels.fileId!}
              url={`/api/files?purpose=external_certificate&nip=${encodeURIComponent(nip ?? '')}`}
              value={scan}
              onChange={(file) => {
                setScan(file);
                if (file) setErrors(({ fileId: _gone, ...rest }) => rest);
              }}
              onError={(message) =>
                setErrors(({ fileId: _gone, ...rest }) => (message ? { ...rest, fileId: message } : rest))
              }
              onBusy={setUploading}
              error={errors.fileId}
              required
            />
          )}
          <Alert
            color={preview?.ok ? 'teal' : 'gray'}
            role="status"
            title={t('certificates.external.preview')}
            styles={{ title: { color: 'var(--mantine-color-text)' } }}
          >
            {!preview
              ? t('certificates.external.previewNeedsDates')
              : preview.ok
                ? `${formatNumber(preview.jp)} JP — ${preview.basis[lang]}`
                : preview.message[lang]}
          </Alert>
          <Group>
            <Button type="submit" loading={save.isPending} disabled={uploading}>
              {t('certificates.external.submit')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Page>
  );
}
