import {
  Alert,
  Button,
  Group,
  Modal,
  NativeSelect,
  Paper,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import type { StandardsMatrix, StandardTemplate } from '../../api/competency-admin';
import { Loading, LoadError } from '../../components/States';

type Mode = 'fill_missing' | 'overwrite';
const keyOf = (t: Pick<StandardTemplate, 'positionType' | 'positionLevel'>) =>
  `${t.positionType}|${t.positionLevel}`;

/** Pick a position type, edit its template, apply it to every position of the type. */
export function TemplatePanel({ competencies }: { competencies: StandardsMatrix['competencies'] }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: ['competency-templates'],
    queryFn: () => unwrap(api.GET('/api/competency-templates')),
  });
  const [key, setKey] = useState('pengawas|');
  /** Unsaved edits per template. */
  const [edits, setEdits] = useState<Record<string, Record<string, string>>>({});
  const [mode, setMode] = useState<Mode>('fill_missing');
  const [confirm, setConfirm] = useState(false);
  const tpl = q.data?.find((x) => keyOf(x) === key);
  const cells = useMemo(
    () => ({
      ...Object.fromEntries((tpl?.cells ?? []).map((c) => [c.competencyId, String(c.requiredLevel)])),
      ...edits[key],
    }),
    [tpl, edits, key],
  );
  const setCell = (id: string, v: string) => setEdits((e) => ({ ...e, [key]: { ...e[key], [id]: v } }));
  const label = (x: Pick<StandardTemplate, 'positionType' | 'positionLevel'>) =>
    `${t(`positionType.${x.positionType}` as 'positionType.pengawas')} — ${x.positionLevel ? x.positionLevel.replace('_', ' ') : t('competencyAdmin.allLevels')}`;
  // Built on each render so the labels follow a language switch; the list is a few dozen types.
  const options = (q.data ?? []).map((x) => ({ value: keyOf(x), label: label(x) }));
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PUT('/api/competency-templates', {
          body: {
            positionType: tpl!.positionType,
            positionLevel: tpl!.positionLevel,
            cells: Object.entries(cells)
              .filter(([, v]) => v !== '')
              .map(([competencyId, v]) => ({ competencyId, requiredLevel: Number(v) })),
          },
        }),
      ),
    onSuccess: () => {
      setEdits((e) => ({ ...e, [key]: {} }));
      void qc.invalidateQueries({ queryKey: ['competency-templates'] });
      notifications.show({
        closeButtonProps: { 'aria-label': t('common.close') },
        color: 'teal',
        message: t('competencyAdmin.stored'),
      });
    },
  });
  const apply = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/competency-templates/apply', {
          body: { positionType: tpl!.positionType, positionLevel: tpl!.positionLevel, mode },
        }),
      ),
    onSuccess: (r) => {
      setConfirm(false);
      void qc.invalidateQueries({ queryKey: ['position-standards'] });
      notifications.show({
        closeButtonProps: { 'aria-label': t('common.close') },
        color: 'teal',
        message: t('competencyAdmin.applied', r),
      });
    },
  });
  const modeLabel = mode === 'overwrite' ? t('competencyAdmin.overwrite') : t('competencyAdmin.fillMissing');
  return (
    <Paper component="section" withBorder p="md" radius="md" aria-labelledby="template-title">
      <Stack gap="md">
        <Title order={2} fz="h3" id="template-title">
          {t('competencyAdmin.templateTitle')}
        </Title>
        <Text size="sm">{t('competencyAdmin.templateIntro')}</Text>
        {q.isPending && <Loading />}
        {q.error && <LoadError error={q.error} />}
        {q.data && (
          <>
            <Select
              label={t('competencyAdmin.templateFor')}
              data={options}
              value={key}
              allowDeselect={false}
              onChange={(v) => v && setKey(v)}
              maw={420}
            />
            {tpl && !tpl.stored && <Alert color="blue">{t('competencyAdmin.suggested')}</Alert>}
            <SimpleGrid cols={{ base: 2, xs: 3, md: 6 }} spacing="sm">
              {competencies.map((c) => (
                <NativeSelect
                  key={c.id}
                  label={c.code}
                  title={c.name}
                  aria-label={`${c.code} ${c.name}`}
                  data={['', '1', '2', '3', '4', '5'].map((v) => ({
                    value: v,
                    label: v === '' ? t('competencyAdmin.empty') : v,
                  }))}
                  value={cells[c.id] ?? ''}
                  onChange={(e) => setCell(c.id, e.currentTarget.value)}
                />
              ))}
            </SimpleGrid>
            <Group gap="sm">
              <Button variant="default" onClick={() => save.mutate()} loading={save.isPending}>
                {t('competencyAdmin.saveTemplate')}
              </Button>
            </Group>
            <Radio.Group label={t('competencyAdmin.mode')} value={mode} onChange={(v) => setMode(v as Mode)}>
              <Group gap="md" mt={4}>
                <Radio value="fill_missing" label={t('competencyAdmin.fillMissing')} />
                <Radio value="overwrite" label={t('competencyAdmin.overwrite')} />
              </Group>
            </Radio.Group>
            <Group>
              <Button onClick={() => setConfirm(true)} disabled={!tpl || tpl.positions === 0}>
                {t('competencyAdmin.apply', { count: tpl?.positions ?? 0 })}
              </Button>
            </Group>
          </>
        )}
      </Stack>
      {tpl && (
        <Modal
          closeButtonProps={{ 'aria-label': t('common.close') }}
          opened={confirm}
          onClose={() => setConfirm(false)}
          title={t('competencyAdmin.confirmTitle')}
        >
          <Stack gap="md">
            <Text>
              {t('competencyAdmin.confirmText', { type: label(tpl), count: tpl.positions, mode: modeLabel })}
            </Text>
            <Group gap="sm">
              <Button onClick={() => apply.mutate()} loading={apply.isPending}>
                {t('competencyAdmin.apply', { count: tpl.positions })}
              </Button>
              <Button variant="default" onClick={() => setConfirm(false)}>
                {t('common.cancel')}
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </Paper>
  );
}
