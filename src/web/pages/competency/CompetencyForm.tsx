import {
  Button,
  Fieldset,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import type { AdminCompetency } from '../../api/competency-admin';
import { ErrorSummary } from '../../components/ErrorSummary';
import { fromApiError, summaryItems, type FieldErrors } from '../../lib/form-errors';

type Group = 'M' | 'SK' | 'T';
interface LevelDraft {
  title: string;
  description: string;
  indicators: string;
}

const LEVELS = [0, 1, 2, 3, 4] as const;
const ORDER = [
  'code',
  'group',
  'name',
  'definition',
  ...LEVELS.flatMap((i) => [`levels.${i}.title`, `levels.${i}.description`, `levels.${i}.indicators`]),
  'effectiveFrom',
];

/** yyyy-mm-dd from dd/mm/yyyy or yyyy-mm-dd; '' stays ''; anything else is returned as typed. */
function isoDate(s: string): string {
  const v = s.trim();
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(v);
  if (dmy) return `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}`;
  return v;
}

/** Add a competency (competency = null) or edit one: an edit is saved as a new version. */
export function CompetencyForm({
  competency,
  onClose,
}: {
  competency: AdminCompetency | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const phone = useMediaQuery('(max-width: 48em)');
  const prefix = competency ? 'comp-edit' : 'comp-new';
  const [v, setV] = useState({
    code: competency?.code ?? '',
    group: (competency?.group ?? 'T') as Group,
    name: competency?.name ?? '',
    definition: competency?.definition ?? '',
    effectiveFrom: '',
  });
  const [levels, setLevels] = useState<LevelDraft[]>(
    LEVELS.map((i) => {
      const l = competency?.levels.find((x) => x.level === i + 1);
      return {
        title: l?.title ?? '',
        description: l?.description ?? '',
        indicators: l?.indicators.join('\n') ?? '',
      };
    }),
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [title, setTitle] = useState<string | null>(null);
  const labels: Record<string, string> = {
    code: t('competencyAdmin.code'),
    group: t('competencyAdmin.groupLabel'),
    name: t('competencyAdmin.name'),
    definition: t('competencyAdmin.definition'),
    effectiveFrom: t('competencyAdmin.effectiveFrom'),
    levels: t('competencyAdmin.noLevels'),
  };
  for (const i of LEVELS) {
    const n = t('competencyAdmin.level', { level: i + 1 });
    labels[`levels.${i}.title`] = `${n}: ${t('competencyAdmin.levelTitle')}`;
    labels[`levels.${i}.description`] = `${n}: ${t('competencyAdmin.levelDescription')}`;
    labels[`levels.${i}.indicators`] = `${n}: ${t('competencyAdmin.levelIndicators')}`;
  }
  const body = () => ({
    name: v.name.trim(),
    definition: v.definition.trim(),
    levels: levels.map((l) => ({
      title: l.title.trim(),
      description: l.description.trim(),
      indicators: l.indicators
        .split('\n')
        .map((s) => s.replace(/^\s*[-•*]\s*/, '').trim())
        .filter(Boolean),
    })),
  });
  const save = useMutation({
    mutationFn: async () => {
      if (competency) {
        const r = await unwrap(
          api.PUT('/api/competencies/{id}', {
            params: { path: { id: competency.id } },
            body: {
              ...body(),
              ...(v.effectiveFrom.trim() ? { effectiveFrom: isoDate(v.effectiveFrom) } : {}),
            },
          }),
        );
        return r.changed
          ? t('competencyAdmin.savedVersion', { code: r.competency.code, version: r.competency.version })
          : t('competencyAdmin.noChange');
      }
      const c = await unwrap(
        api.POST('/api/competencies', { body: { ...body(), code: v.code.trim(), group: v.group } }),
      );
      return t('competencyAdmin.savedCreated', { code: c.code });
    },
    onSuccess: (message) => {
      void qc.invalidateQueries({ queryKey: ['competencies'] });
      notifications.show({ closeButtonProps: { 'aria-label': t('common.close') }, color: 'teal', message });
      onClose();
    },
    onError: (e) => {
      const r = fromApiError(e);
      setErrors(r.fields);
      setTitle(r.title);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs: FieldErrors = {};
    const b = body();
    if (!competency && !v.code.trim()) errs.code = t('validation.required');
    if (!b.name) errs.name = t('validation.required');
    if (!b.definition) errs.definition = t('validation.required');
    b.levels.forEach((l, i) => {
      if (!l.title) errs[`levels.${i}.title`] = t('validation.required');
      if (!l.description) errs[`levels.${i}.description`] = t('validation.required');
    });
    setErrors(errs);
    setTitle(null);
    if (Object.keys(errs).length === 0) save.mutate();
  };
  const field = (k: string) => ({ id: `${prefix}-${k}`, label: labels[k], error: errors[k] });
  const setLevel = (i: number, k: keyof LevelDraft, val: string) =>
    setLevels((ls) => ls.map((l, j) => (j === i ? { ...l, [k]: val } : l)));
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened
      onClose={onClose}
      size="xl"
      fullScreen={!!phone}
      title={
        competency ? t('competencyAdmin.editTitle', { code: competency.code }) : t('competencyAdmin.newTitle')
      }
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <ErrorSummary title={title ?? undefined} items={summaryItems(errors, ORDER, prefix, labels)} />
          {!competency && (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                {...field('code')}
                required
                description={t('competencyAdmin.codeHint')}
                value={v.code}
                onChange={(e) => setV({ ...v, code: e.currentTarget.value })}
              />
              <Select
                {...field('group')}
                required
                allowDeselect={false}
                data={(['M', 'SK', 'T'] as const).map((g) => ({
                  value: g,
                  label: t(`competencyAdmin.group.${g}`),
                }))}
                value={v.group}
                onChange={(g) => g && setV({ ...v, group: g as Group })}
              />
            </SimpleGrid>
          )}
          <TextInput
            {...field('name')}
            required
            value={v.name}
            onChange={(e) => setV({ ...v, name: e.currentTarget.value })}
          />
          <Textarea
            {...field('definition')}
            required
            autosize
            minRows={2}
            value={v.definition}
            onChange={(e) => setV({ ...v, definition: e.currentTarget.value })}
          />
          {LEVELS.map((i) => (
            <Fieldset key={i} legend={t('competencyAdmin.level', { level: i + 1 })}>
              <Stack gap="sm">
                <TextInput
                  {...field(`levels.${i}.title`)}
                  label={t('competencyAdmin.levelTitle')}
                  required
                  value={levels[i]!.title}
                  onChange={(e) => setLevel(i, 'title', e.currentTarget.value)}
                />
                <Textarea
                  {...field(`levels.${i}.description`)}
                  label={t('competencyAdmin.levelDescription')}
                  required
                  autosize
                  minRows={2}
                  value={levels[i]!.description}
                  onChange={(e) => setLevel(i, 'description', e.currentTarget.value)}
                />
                <Textarea
                  {...field(`levels.${i}.indicators`)}
                  label={t('competencyAdmin.levelIndicators')}
                  autosize
                  minRows={2}
                  value={levels[i]!.indicators}
                  onChange={(e) => setLevel(i, 'indicators', e.currentTarget.value)}
                />
              </Stack>
            </Fieldset>
          ))}
          {competency && (
            <TextInput
              {...field('effectiveFrom')}
              description={t('competencyAdmin.effectiveHint') + ' ' + t('common.dateHint')}
              inputMode="numeric"
              value={v.effectiveFrom}
              onChange={(e) => setV({ ...v, effectiveFrom: e.currentTarget.value })}
            />
          )}
          <Group gap="sm">
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
