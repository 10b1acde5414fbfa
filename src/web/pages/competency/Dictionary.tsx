import { Accordion, Anchor, Badge, Button, Group, List, Modal, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import type { AdminCompetency, MoodleResult } from '../../api/competency-admin';
import { useMe } from '../../api/queries';
import { Page } from '../../components/Page';
import { Loading, LoadError } from '../../components/States';
import { hasRole } from '../../lib/access';
import { CompetencyForm } from './CompetencyForm';
import { UploadDialog } from './UploadDialog';

const GROUPS = ['M', 'SK', 'T'] as const;

function Levels({ c }: { c: AdminCompetency }) {
  const { t } = useTranslation();
  if (c.levels.length === 0) return <Text c="dimmed">{t('competencyAdmin.noLevels')}</Text>;
  return (
    <Stack gap="sm">
      {c.levels.map((l) => (
        <div key={l.level}>
          <Text fw={600}>
            {t('competencyAdmin.level', { level: l.level })} — {l.title}
          </Text>
          <Text size="sm">{l.description}</Text>
          {l.indicators.length > 0 && (
            <List size="sm" mt={4} aria-label={t('competencyAdmin.indicators')}>
              {l.indicators.map((x, i) => (
                <List.Item key={i}>{x}</List.Item>
              ))}
            </List>
          )}
        </div>
      ))}
    </Stack>
  );
}

function History({ c, onClose }: { c: AdminCompetency; onClose: () => void }) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 48em)');
  const q = useQuery({
    queryKey: ['competencies', 'versions', c.id],
    queryFn: () => unwrap(api.GET('/api/competencies/{id}/versions', { params: { path: { id: c.id } } })),
  });
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened
      onClose={onClose}
      title={t('competencyAdmin.historyTitle', { code: c.code })}
      size="lg"
      fullScreen={!!phone}
    >
      {q.isPending && <Loading />}
      {q.error && <LoadError error={q.error} />}
      <Stack gap="md">
        {q.data?.map((v) => (
          <div key={v.id}>
            <Title order={3} fz="h4">
              {t('competencyAdmin.version', { version: v.version })}: {v.name}
            </Title>
            <Text size="sm">
              {t('competencyAdmin.effective', { date: v.effectiveFrom.split('-').reverse().join('/') })} ·{' '}
              {t('competencyAdmin.assessmentsCount', { count: v.assessments })}
            </Text>
            <Text size="sm" mt={4}>
              {v.definition}
            </Text>
          </div>
        ))}
      </Stack>
    </Modal>
  );
}

export function DictionaryPage() {
  const { t } = useTranslation();
  const me = useMe();
  const admin = hasRole(me, 'admin');
  const qc = useQueryClient();
  const [editing, setEditing] = useState<AdminCompetency | 'new' | null>(null);
  const [history, setHistory] = useState<AdminCompetency | null>(null);
  const [moodle, setMoodle] = useState(false);
  const q = useQuery({
    queryKey: ['competencies', admin ? 'all' : 'active'],
    queryFn: async (): Promise<AdminCompetency[]> =>
      admin
        ? unwrap(api.GET('/api/competencies/all'))
        : (await unwrap(api.GET('/api/competencies'))).map((c) => ({
            ...c,
            active: true,
            effectiveFrom: '',
          })),
  });
  const toggle = useMutation({
    mutationFn: (c: AdminCompetency) =>
      unwrap(
        api.PATCH('/api/competencies/{id}', { params: { path: { id: c.id } }, body: { active: !c.active } }),
      ),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['competencies'] }),
  });
  return (
    <Page
      title={t('competencyAdmin.dictTitle')}
      actions={
        admin && (
          <>
            <Button onClick={() => setEditing('new')}>{t('competencyAdmin.add')}</Button>
            <Anchor href="/api/competencies/moodle.csv" download fw={600} py={8}>
              {t('competencyAdmin.moodleExport')}
            </Anchor>
            <Button variant="default" onClick={() => setMoodle(true)}>
              {t('competencyAdmin.moodleImport')}
            </Button>
          </>
        )
      }
    >
      <Text maw={760}>{t('competencyAdmin.dictIntro')}</Text>
      {q.isPending && <Loading />}
      {q.error && <LoadError error={q.error} onRetry={() => void q.refetch()} />}
      {q.data &&
        GROUPS.map((g) => {
          const list = q.data.filter((c) => c.group === g);
          if (list.length === 0) return null;
          return (
            <section key={g} aria-labelledby={`group-${g}`}>
              <Title order={2} fz="h3" id={`group-${g}`} mb="xs">
                {t(`competencyAdmin.group.${g}`)}
              </Title>
              <Accordion variant="separated" chevronPosition="left">
                {list.map((c) => (
                  <Accordion.Item key={c.id} value={c.id}>
                    <Accordion.Control>
                      <Group gap="xs" wrap="wrap">
                        <Text fw={700}>{c.code}</Text>
                        <Text>{c.name}</Text>
                        <Badge variant="light" color="gray">
                          {t('competencyAdmin.version', { version: c.version })}
                        </Badge>
                        {!c.active && (
                          <Badge variant="outline" color="red">
                            {t('competencyAdmin.inactive')}
                          </Badge>
                        )}
                      </Group>
                    </Accordion.Control>
                    <Accordion.Panel>
                      <Stack gap="md">
                        <Text>{c.definition}</Text>
                        <Levels c={c} />
                        <Group gap="sm">
                          {admin && (
                            <Button size="sm" onClick={() => setEditing(c)}>
                              {t('competencyAdmin.edit')}
                            </Button>
                          )}
                          <Button size="sm" variant="default" onClick={() => setHistory(c)}>
                            {t('competencyAdmin.history')}
                          </Button>
                          {admin && (
                            <Button
                              size="sm"
                              variant="subtle"
                              color={c.active ? 'red' : 'teal'}
                              loading={toggle.isPending && toggle.variables?.id === c.id}
                              onClick={() => toggle.mutate(c)}
                            >
                              {c.active ? t('competencyAdmin.deactivate') : t('competencyAdmin.activate')}
                            </Button>
                          )}
                        </Group>
                      </Stack>
                    </Accordion.Panel>
                  </Accordion.Item>
                ))}
              </Accordion>
            </section>
          );
        })}
      {editing && (
        <CompetencyForm competency={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
      {history && <History c={history} onClose={() => setHistory(null)} />}
      {admin && (
        <UploadDialog<MoodleResult>
          opened={moodle}
          onClose={() => setMoodle(false)}
          title={t('competencyAdmin.moodleTitle')}
          intro={t('competencyAdmin.moodleIntro')}
          url="/api/competencies/moodle"
          accept=".csv,text/csv"
          canSave={(r) => r.created.length + r.newVersions.length > 0}
          onSaved={() => {
            void qc.invalidateQueries({ queryKey: ['competencies'] });
            notifications.show({
              closeButtonProps: { 'aria-label': t('common.close') },
              color: 'teal',
              message: t('competencyAdmin.imported'),
            });
          }}
          renderResult={(r) => (
            <Stack gap="xs" role="status">
              <Text>
                {t('competencyAdmin.created', { count: r.created.length })} {r.created.join(', ')}
              </Text>
              <Text>
                {t('competencyAdmin.newVersions', { count: r.newVersions.length })} {r.newVersions.join(', ')}
              </Text>
              <Text>{t('competencyAdmin.unchanged', { count: r.unchanged.length })}</Text>
              {r.created.length + r.newVersions.length === 0 && (
                <Text fw={600}>{t('competencyAdmin.nothingToSave')}</Text>
              )}
              {r.dropped.length > 0 && (
                <>
                  <Text fw={600}>{t('competencyAdmin.dropped')}</Text>
                  <List size="sm">
                    {r.dropped.map((d, i) => (
                      <List.Item key={i}>{d}</List.Item>
                    ))}
                  </List>
                </>
              )}
            </Stack>
          )}
        />
      )}
    </Page>
  );
}
