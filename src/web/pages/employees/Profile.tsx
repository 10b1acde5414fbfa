import { Anchor, Breadcrumbs, Button, Group, Paper, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describeGolongan } from '../../../domain/golongan';
import { formatNip } from '../../../domain/nip';
import { api, ApiError, unwrap, type EmployeeDetail } from '../../api/client';
import { LinkAnchor } from '../../components/links';
import { Page } from '../../components/Page';
import { Loading, LoadError } from '../../components/States';
import { formatDate, formatNumber } from '../../lib/format';
import { AssessmentHistory } from './AssessmentHistory';
import { CompetencySection } from './CompetencySection';
import { EditEmployeeForm } from './EditEmployeeForm';
import { MoveForm } from './MoveForm';
import { ScrollBox } from '../../components/ScrollBox';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" fw={600} m={0} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

function Section({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <Paper component="section" withBorder p="md" radius="md" aria-labelledby={id}>
      <Title order={2} fz="h4" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** "2010-01" → "01/2010"; PPPK appointments have a year only. */
const appointment = (a: string) => (/^\d{4}-\d{2}$/.test(a) ? `${a.slice(5)}/${a.slice(0, 4)}` : a);

function History({ e }: { e: EmployeeDetail }) {
  const { t } = useTranslation();
  return (
    <ScrollBox label={t('profile.history')}>
      <Table striped miw={640}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('profile.from')}</Table.Th>
            <Table.Th scope="col">{t('profile.to')}</Table.Th>
            <Table.Th scope="col">{t('profile.unit')}</Table.Th>
            <Table.Th scope="col">{t('profile.position')}</Table.Th>
            <Table.Th scope="col">{t('profile.golongan')}</Table.Th>
            <Table.Th scope="col">{t('profile.note')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {e.history.map((h) => (
            <Table.Tr key={`${h.effectiveFrom}-${h.unitId}-${h.positionId ?? ''}`}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(h.effectiveFrom)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {h.effectiveTo ? formatDate(h.effectiveTo) : t('profile.current')}
              </Table.Td>
              <Table.Td>{h.unitName}</Table.Td>
              <Table.Td>{h.positionName ?? '—'}</Table.Td>
              <Table.Td>{describeGolongan(h.golongan)}</Table.Td>
              <Table.Td>{h.note ?? ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollBox>
  );
}

function ProfileView({ e }: { e: EmployeeDetail }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'view' | 'edit' | 'move'>('view');
  const hasPersonal = e.birthDate != null || e.email != null || e.phone != null;
  return (
    <Page
      title={e.fullName}
      actions={
        e.canEdit &&
        mode === 'view' && (
          <>
            <Button onClick={() => setMode('edit')}>{t('profile.edit')}</Button>
            <Button variant="light" onClick={() => setMode('move')}>
              {t('profile.move')}
            </Button>
          </>
        )
      }
    >
      <nav aria-label={t('profile.breadcrumb')}>
        <Breadcrumbs separator="›" style={{ flexWrap: 'wrap', rowGap: 4 }}>
          {e.unitPath.map((u) => (
            <LinkAnchor key={u.id} to="/pegawai" search={{ unitId: u.id }} size="sm">
              {u.name}
            </LinkAnchor>
          ))}
        </Breadcrumbs>
      </nav>
      {mode === 'edit' && <EditEmployeeForm employee={e} onDone={() => setMode('view')} />}
      {mode === 'move' && <MoveForm employee={e} onDone={() => setMode('view')} />}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Section title={t('profile.identity')} id="identity">
          <SimpleGrid component="dl" cols={{ base: 1, xs: 2 }} spacing="sm" m={0}>
            <Fact label={t('profile.nip')}>{formatNip(e.nip)}</Fact>
            <Fact label={t('profile.status')}>{t(`status.${e.status}`)}</Fact>
            <Fact label={t('profile.gender')}>{t(`gender.${e.gender}`)}</Fact>
            <Fact label={t('profile.appointment')}>{appointment(e.appointment)}</Fact>
          </SimpleGrid>
        </Section>
        <Section title={t('profile.position')} id="position">
          <SimpleGrid component="dl" cols={{ base: 1, xs: 2 }} spacing="sm" m={0}>
            <Fact label={t('profile.unit')}>{e.unitName}</Fact>
            <Fact label={t('profile.position')}>{e.positionName ?? '—'}</Fact>
            <Fact label={t('profile.golongan')}>{describeGolongan(e.golongan)}</Fact>
            <Fact label={t('profile.positionType')}>
              {e.positionType ? t(`positionType.${e.positionType}`, { defaultValue: e.positionType }) : '—'}
            </Fact>
            <Fact label={t('profile.supervisor')}>
              {e.supervisor ? (
                <LinkAnchor to="/pegawai/$nip" params={{ nip: e.supervisor.nip }}>
                  {e.supervisor.fullName}
                </LinkAnchor>
              ) : (
                t('profile.noSupervisor')
              )}
            </Fact>
            <Fact label={t('profile.subordinates')}>{formatNumber(e.subordinateCount)}</Fact>
          </SimpleGrid>
        </Section>
      </SimpleGrid>
      <CompetencySection nip={e.nip} />
      <AssessmentHistory nip={e.nip} name={e.fullName} />
      {hasPersonal && (
        <Section title={t('profile.personal')} id="personal">
          <SimpleGrid component="dl" cols={{ base: 1, sm: 3 }} spacing="sm" m={0}>
            {e.birthDate != null && <Fact label={t('profile.birthDate')}>{formatDate(e.birthDate)}</Fact>}
            {e.email != null && (
              <Fact label={t('profile.email')}>
                <Anchor href={`mailto:${e.email}`}>{e.email}</Anchor>
              </Fact>
            )}
            {e.phone != null && <Fact label={t('profile.phone')}>{e.phone}</Fact>}
          </SimpleGrid>
        </Section>
      )}
      <Section title={t('profile.history')} id="history">
        <History e={e} />
      </Section>
    </Page>
  );
}

export function ProfilePage() {
  const { t } = useTranslation();
  const { nip } = useParams({ from: '/app/pegawai/$nip' });
  const q = useQuery({
    queryKey: ['employee', nip],
    queryFn: () => unwrap(api.GET('/api/employees/{nip}', { params: { path: { nip } } })),
  });
  if (q.isPending) return <Loading />;
  if (q.error) {
    const missing = q.error instanceof ApiError && (q.error.status === 404 || q.error.status === 403);
    return (
      <Page title={t('profile.title')}>
        {missing ? (
          <Text>{t('profile.notFound')}</Text>
        ) : (
          <LoadError error={q.error} onRetry={() => void q.refetch()} />
        )}
        <Group>
          <LinkAnchor to="/">{t('notFound.home')}</LinkAnchor>
        </Group>
      </Page>
    );
  }
  return <ProfileView e={q.data} />;
}
