import {
  Alert,
  Button,
  Collapse,
  List,
  Paper,
  Progress,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap, type paths } from '../../api/client';
import { useMe } from '../../api/queries';
import { ErrorSummary, type SummaryItem } from '../../components/ErrorSummary';
import { FileUpload } from '../../components/FileUpload';
import { LinkAnchor } from '../../components/links';
import { Page } from '../../components/Page';
import { Loading, LoadError } from '../../components/States';
import type { AssessSource } from './search';
import { tasksQueryKey } from './Tasks';

type Competency = paths['/api/competencies']['get']['responses'][200]['content']['application/json'][number];

interface Draft {
  levels: Record<string, number>;
  notes: Record<string, string>;
  file: { id: string; name: string } | null;
}
const emptyDraft: Draft = { levels: {}, notes: {}, file: null };

/** Unsaved choices survive a reload or a dropped connection (this tab only). */
function useDraft(key: string) {
  const [restored, setRestored] = useState(false);
  const [draft, setDraft] = useState<Draft>(() => {
    try {
      const raw = sessionStorage.getItem(key);
      if (raw) {
        const d = JSON.parse(raw) as Draft;
        if (Object.keys(d.levels ?? {}).length || d.file) setTimeout(() => setRestored(true));
        return { ...emptyDraft, ...d };
      }
    } catch {
      /* a broken draft is simply dropped */
    }
    return emptyDraft;
  });
  useEffect(() => {
    try {
      sessionStorage.setItem(key, JSON.stringify(draft));
    } catch {
      /* storage full or blocked: the form still works */
    }
  }, [key, draft]);
  const clear = () => sessionStorage.removeItem(key);
  return { draft, setDraft, restored, clear };
}

function LevelText({ c, level }: { c: Competency; level: number }) {
  const { t } = useTranslation();
  const l = c.levels.find((x) => x.level === level);
  if (!l) return null;
  return (
    <div>
      <Text fw={600}>
        {t('assessment.form.level', { level })}: {l.title}
      </Text>
      <Text size="sm">{l.description}</Text>
      {l.indicators.length > 0 && (
        <>
          <Text size="sm" fw={600} mt={4}>
            {t('assessment.form.indicators')}
          </Text>
          <List size="sm" spacing={2}>
            {l.indicators.map((i) => (
              <List.Item key={i}>{i}</List.Item>
            ))}
          </List>
        </>
      )}
    </div>
  );
}

function CompetencyCard({
  c,
  required,
  level,
  note,
  error,
  onLevel,
  onNote,
}: {
  c: Competency;
  required: number | null;
  level: number | undefined;
  note: string;
  error?: string;
  onLevel: (l: number) => void;
  onNote: (n: string) => void;
}) {
  const { t } = useTranslation();
  const [all, { toggle }] = useDisclosure(false);
  const id = `assess-${c.id}`;
  return (
    <Paper
      component="li"
      withBorder
      p="sm"
      radius="md"
      style={error ? { borderColor: 'var(--mantine-color-red-8)', borderWidth: 2 } : undefined}
    >
      <Stack gap="xs">
        <div>
          <Title order={3} fz="h5">
            {c.code} {c.name}
          </Title>
          <Text size="sm" c="dimmed">
            {required ? t('assessment.form.required', { level: required }) : t('assessment.form.noStandard')}
          </Text>
        </div>
        <Radio.Group
          id={id}
          tabIndex={-1}
          value={level ? String(level) : null}
          onChange={(v) => onLevel(Number(v))}
          label={t('assessment.form.levelLegend', { name: c.name })}
          labelProps={{ className: 'sr-only' }}
          error={error}
          errorProps={{ c: 'red.9', fw: 600 }}
        >
          <SimpleGrid cols={5} spacing={6}>
            {[1, 2, 3, 4, 5].map((l) => (
              <Radio.Card
                key={l}
                value={String(l)}
                radius="md"
                aria-label={`${t('assessment.form.level', { level: l })}${l === required ? ` (${t('assessment.form.standardMark')})` : ''}`}
                style={{
                  minHeight: 56,
                  textAlign: 'center',
                  background: level === l ? 'var(--mantine-color-asah-8)' : undefined,
                  color: level === l ? 'white' : undefined,
                  borderColor: level === l ? 'var(--mantine-color-asah-8)' : undefined,
                }}
              >
                <Text fz={22} fw={700} lh={1.1}>
                  {l}
                </Text>
                {l === required && (
                  <Text fz={11} lh={1} c={level === l ? 'white' : 'dimmed'}>
                    {t('assessment.form.standardMark')}
                  </Text>
                )}
              </Radio.Card>
            ))}
          </SimpleGrid>
        </Radio.Group>
        <div aria-live="polite">
          {level ? (
            <LevelText c={c} level={level} />
          ) : (
            <Text size="sm" c="dimmed">
              {t('assessment.form.pick')}
            </Text>
          )}
        </div>
        <UnstyledButton
          onClick={toggle}
          aria-expanded={all}
          c="asah.8"
          fw={600}
          style={{ minHeight: 44, textAlign: 'left' }}
        >
          {all ? '▾' : '▸'} {t('assessment.form.allLevels')}
        </UnstyledButton>
        <Collapse expanded={all}>
          <Stack gap="sm">
            {c.levels.map((l) => (
              <LevelText key={l.level} c={c} level={l.level} />
            ))}
          </Stack>
        </Collapse>
        <Textarea
          id={`note-${c.id}`}
          label={t('assessment.form.note')}
          autosize
          minRows={1}
          maxRows={5}
          maxLength={1000}
          value={note}
          onChange={(e) => onNote(e.currentTarget.value)}
        />
      </Stack>
    </Paper>
  );
}

/** The assessment form: one card per competency of the position (others optional), levels 1–5 by thumb. */
export function AssessmentFormPage() {
  const { t } = useTranslation();
  const me = useMe();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { nip } = useParams({ from: '/app/penilaian/$nip' });
  const search = useSearch({ from: '/app/penilaian/$nip' });
  const source: AssessSource = search.sumber ?? (nip === me.nip ? 'self' : 'atasan');
  const { draft, setDraft, restored, clear } = useDraft(`asah.penilaian.${nip}.${source}`);
  const [showOthers, { toggle: toggleOthers }] = useDisclosure(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summaryTitle, setSummaryTitle] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const [fileError, setFileError] = useState<string | null>(null);

  const competencies = useQuery({
    queryKey: ['competencies'],
    queryFn: () => unwrap(api.GET('/api/competencies')),
    staleTime: 5 * 60_000,
  });
  // Peers may not read the profile; then every competency is optional.
  const profile = useQuery({
    queryKey: ['competency-profile', nip],
    queryFn: () => unwrap(api.GET('/api/employees/{nip}/competency-profile', { params: { path: { nip } } })),
    retry: false,
  });
  const tasks = useQuery({
    queryKey: tasksQueryKey,
    queryFn: () => unwrap(api.GET('/api/my/assessment-tasks')),
  });
  const taskName = [...(tasks.data?.pending ?? []), ...(tasks.data?.done ?? [])].find(
    (x) => x.nip === nip,
  )?.name;
  const name = nip === me.nip ? me.displayName : (taskName ?? nip);

  const required = useMemo(() => {
    const m = new Map<string, number>();
    for (const i of profile.data?.items ?? []) if (i.required != null) m.set(i.competencyId, i.required);
    return m;
  }, [profile.data]);
  const all = competencies.data ?? [];
  const main = all.filter((c) => required.has(c.id));
  const others = all.filter((c) => !required.has(c.id));
  const primary = main.length ? main : all;
  const secondary = main.length ? others : [];
  const filled = primary.filter((c) => draft.levels[c.id]).length;

  const save = useMutation({
    mutationFn: async () => {
      const chosen = all.filter((c) => draft.levels[c.id]);
      const body = {
        source,
        evidenceFileId: draft.file?.id ?? null,
        items: chosen.map((c) => ({
          competencyId: c.id,
          level: draft.levels[c.id]!,
          note: draft.notes[c.id]?.trim() || null,
        })),
      };
      try {
        return await unwrap(
          api.POST('/api/employees/{nip}/assessments', { params: { path: { nip } }, body }),
        );
      } catch (e) {
        if (e instanceof ApiError) {
          const out: Record<string, string> = {};
          for (const x of e.errors) {
            const m = /items\.(\d+)\./.exec(x.field ?? '');
            const c = m ? chosen[Number(m[1])] : undefined;
            if (c) out[c.id] ??= x.message;
            else if (x.field?.includes('evidenceFileId')) setFileError(x.message);
          }
          setErrors(out);
          setSummaryTitle(Object.keys(out).length ? null : e.title);
        }
        throw e;
      }
    },
    onSuccess: async () => {
      clear();
      await Promise.all([
        qc.invalidateQueries({ queryKey: tasksQueryKey }),
        qc.invalidateQueries({ queryKey: ['competency-profile', nip] }),
        qc.invalidateQueries({ queryKey: ['assessment-history', nip] }),
      ]);
      await navigate({ to: '/penilaian', search: { disimpan: name } });
    },
  });

  const submit = () => {
    const missing: Record<string, string> = {};
    if (main.length) {
      for (const c of main)
        if (!draft.levels[c.id]) missing[c.id] = t('assessment.form.missing', { name: c.name });
    }
    setErrors(missing);
    if (Object.keys(missing).length) {
      setSummaryTitle(null);
      return;
    }
    if (!all.some((c) => draft.levels[c.id])) {
      setSummaryTitle(t('assessment.form.noneChosen'));
      return;
    }
    setSummaryTitle(null);
    save.mutate();
  };

  const summary: SummaryItem[] = [...primary, ...secondary]
    .filter((c) => errors[c.id])
    .map((c) => ({ fieldId: `assess-${c.id}`, message: errors[c.id]! }));
  if (fileError) summary.push({ fieldId: 'evidence-file', message: fileError });

  const card = (c: Competency) => (
    <CompetencyCard
      key={c.id}
      c={c}
      required={required.get(c.id) ?? null}
      level={draft.levels[c.id]}
      note={draft.notes[c.id] ?? ''}
      error={errors[c.id]}
      onLevel={(l) => {
        setDraft((d) => ({ ...d, levels: { ...d.levels, [c.id]: l } }));
        setErrors((e) => {
          const { [c.id]: _gone, ...rest } = e;
          return rest;
        });
      }}
      onNote={(n) => setDraft((d) => ({ ...d, notes: { ...d.notes, [c.id]: n } }))}
    />
  );

  const title = source === 'self' ? t('assessment.form.titleSelf') : t('assessment.form.title');
  return (
    <Page title={title}>
      <Stack gap={4}>
        <Text fw={600}>{t('assessment.form.forWhom', { name })}</Text>
        <Text size="sm">
          {t('assessment.form.as', { source: t(`assessment.campaigns.sourceNames.${source}`) })}
        </Text>
        <LinkAnchor to="/penilaian" search={{}} size="sm">
          {t('assessment.form.back')}
        </LinkAnchor>
      </Stack>
      {restored && (
        <Alert color="blue" role="status">
          {t('assessment.form.restored')}
        </Alert>
      )}
      <ErrorSummary title={summaryTitle ?? undefined} items={summary} />
      {(competencies.isPending || (profile.isPending && !profile.error)) && <Loading />}
      {competencies.error && (
        <LoadError error={competencies.error} onRetry={() => void competencies.refetch()} />
      )}
      {competencies.data && !profile.isPending && (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <Stack gap="md">
            <Text>{t('assessment.form.howTo')}</Text>
            <div
              style={{
                position: 'sticky',
                top: 60,
                zIndex: 5,
                background: 'var(--mantine-color-body)',
                padding: '6px 0',
              }}
            >
              <Text fw={600} aria-live="polite">
                {t('assessment.form.progress', { done: filled, total: primary.length })}
              </Text>
              <Progress value={primary.length ? (100 * filled) / primary.length : 0} aria-hidden size="lg" />
            </div>
            <Stack component="ul" gap="sm" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {primary.map(card)}
            </Stack>
            {secondary.length > 0 && (
              <section aria-labelledby="assess-others">
                <UnstyledButton onClick={toggleOthers} aria-expanded={showOthers} style={{ minHeight: 44 }}>
                  <Title order={2} fz="h4" id="assess-others" c="asah.8">
                    {showOthers ? '▾' : '▸'}{' '}
                    {showOthers
                      ? t('assessment.form.hideOthers')
                      : t('assessment.form.showOthers', { count: secondary.length })}
                  </Title>
                </UnstyledButton>
                <Collapse expanded={showOthers}>
                  <Stack component="ul" gap="sm" mt="xs" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                    {secondary.map(card)}
                  </Stack>
                </Collapse>
              </section>
            )}
            <Paper withBorder p="sm" radius="md">
              <FileUpload
                id="evidence-file"
                label={t('assessment.form.evidence')}
                url={`/api/files?purpose=evidence&nip=${encodeURIComponent(nip)}`}
                value={draft.file}
                onChange={(file) => setDraft((d) => ({ ...d, file }))}
                onError={setFileError}
                onBusy={setUploading}
              />
            </Paper>
            <Button
              type="submit"
              size="lg"
              loading={save.isPending}
              disabled={uploading}
              style={{ alignSelf: 'flex-start' }}
            >
              {t('assessment.form.save')}
            </Button>
          </Stack>
        </form>
      )}
    </Page>
  );
}
