import { Alert, Badge, Collapse, Group, Paper, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type paths } from '../../api/client';
import { useMe } from '../../api/queries';
import { ProposalsLink } from '../learning/ProposalsLink';
import { LinkButton } from '../../components/links';
import { Page } from '../../components/Page';
import { Empty, Loading, LoadError } from '../../components/States';
import { formatDate, formatDateTime } from '../../lib/format';
import { ASSESS_SOURCES } from './search';

type Tasks = paths['/api/my/assessment-tasks']['get']['responses'][200]['content']['application/json'];
type Task = Tasks['pending'][number];

export const tasksQueryKey = ['my-assessment-tasks'] as const;
const route = getRouteApi('/app/penilaian');

function TaskCard({ task }: { task: Task }) {
  const { t } = useTranslation();
  const done = !!task.completedAt;
  return (
    <Paper component="li" withBorder p="sm" radius="md">
      <Stack gap={6}>
        <div>
          <Text fw={700}>{task.name}</Text>
          {task.positionName && (
            <Text size="sm" c="dimmed">
              {task.positionName}
            </Text>
          )}
        </div>
        <Group gap="xs" wrap="wrap">
          <Text size="sm">{task.campaignName}</Text>
          {done ? (
            <Badge color="teal.9" variant="outline" style={{ textTransform: 'none' }}>
              {t('assessment.tasks.doneOn', { date: formatDateTime(task.completedAt).slice(0, 10) })}
            </Badge>
          ) : task.overdue ? (
            <Badge color="red.9" variant="filled" style={{ textTransform: 'none' }}>
              {t('assessment.tasks.overdue', { date: formatDate(task.dueOn) })}
            </Badge>
          ) : (
            <Badge color="gray.8" variant="outline" style={{ textTransform: 'none' }}>
              {t('assessment.tasks.due', { date: formatDate(task.dueOn) })}
            </Badge>
          )}
        </Group>
        {!done && (
          <LinkButton
            to="/penilaian/$nip"
            params={{ nip: task.nip }}
            search={{ sumber: task.source }}
            size="md"
            aria-label={t('assessment.tasks.startFor', { name: task.name })}
            style={{ alignSelf: 'flex-start', minHeight: 44 }}
          >
            {t('assessment.tasks.start')}
          </LinkButton>
        )}
      </Stack>
    </Paper>
  );
}

/** "Tugas penilaian saya": what waits for the caller (self, staff, colleagues), done ones folded. */
export function TasksPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { disimpan } = route.useSearch();
  const [showDone, { toggle }] = useDisclosure(false);
  const q = useQuery({
    queryKey: tasksQueryKey,
    queryFn: () => unwrap(api.GET('/api/my/assessment-tasks')),
  });
  const pending = q.data?.pending ?? [];
  const done = q.data?.done ?? [];
  const hasSelfTask = pending.some((x) => x.source === 'self');
  return (
    <Page title={t('assessment.tasks.title')}>
      <Text>{t('assessment.tasks.intro')}</Text>
      {me.roles.includes('atasan') && <ProposalsLink />}
      {disimpan && (
        <Alert color="teal" role="status" title={t('assessment.tasks.saved', { name: disimpan })}>
          {null}
        </Alert>
      )}
      {q.isPending && <Loading />}
      {q.error && <LoadError error={q.error} onRetry={() => void q.refetch()} />}
      {q.data && (
        <Stack gap="lg">
          {pending.length === 0 && <Empty>{t('assessment.tasks.none')}</Empty>}
          {ASSESS_SOURCES.map((source) => {
            const list = pending.filter((x) => x.source === source);
            if (list.length === 0) return null;
            return (
              <section key={source} aria-labelledby={`tasks-${source}`}>
                <Title order={2} fz="h4" id={`tasks-${source}`} mb="xs">
                  {t(`assessment.tasks.kinds.${source}`)} ({list.length})
                </Title>
                <Stack component="ul" gap="sm" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                  {list.map((task) => (
                    <TaskCard key={task.id} task={task} />
                  ))}
                </Stack>
              </section>
            );
          })}
          {me.nip && !hasSelfTask && (
            <LinkButton
              to="/penilaian/$nip"
              params={{ nip: me.nip }}
              search={{ sumber: 'self' }}
              variant="light"
              style={{ alignSelf: 'flex-start', minHeight: 44 }}
            >
              {t('assessment.tasks.selfAnyTime')}
            </LinkButton>
          )}
          {done.length > 0 && (
            <section aria-labelledby="tasks-done">
              <UnstyledButton
                onClick={toggle}
                aria-expanded={showDone}
                aria-controls="tasks-done-list"
                style={{ minHeight: 44 }}
              >
                <Title order={2} fz="h4" id="tasks-done" c="asah.8">
                  {showDone ? '▾' : '▸'} {t('assessment.tasks.done', { count: done.length })}
                </Title>
              </UnstyledButton>
              <Collapse expanded={showDone}>
                <Stack
                  id="tasks-done-list"
                  component="ul"
                  gap="sm"
                  mt="xs"
                  style={{ listStyle: 'none', margin: 0, padding: 0 }}
                >
                  {done.map((task) => (
                    <TaskCard key={task.id} task={task} />
                  ))}
                </Stack>
              </Collapse>
            </section>
          )}
        </Stack>
      )}
    </Page>
  );
}
