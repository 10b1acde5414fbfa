import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { orgUnitsQuery, useMe } from '../../api/queries';
import { LinkButton } from '../../components/links';
import { Loading, LoadError } from '../../components/States';
import { formatNumber } from '../../lib/format';
import { buildTree, findNode } from '../../lib/units';

/** Operator: their OPD(s), how many people, and the two things they do most. */
export function OperatorPanel() {
  const { t } = useTranslation();
  const me = useMe();
  const units = useQuery(orgUnitsQuery);
  const mine = useMemo(() => {
    if (!units.data) return [];
    const tree = buildTree(units.data);
    return me.operatorUnitIds.map((id) => findNode(tree, id)).filter((n) => n !== undefined);
  }, [units.data, me.operatorUnitIds]);
  return (
    <section aria-labelledby="operator-title">
      <Title order={2} fz="h3" id="operator-title" mb="sm">
        {t('home.operatorTitle')}
      </Title>
      {units.isPending && <Loading />}
      {units.error && <LoadError error={units.error} onRetry={() => void units.refetch()} />}
      <Stack gap="sm">
        {mine.map((u) => (
          <Paper key={u.id} withBorder p="md" radius="md">
            <Text fw={700} fz="lg">
              {u.name}
            </Text>
            <Text mb="sm">{t('home.operatorEmployees', { n: formatNumber(u.totalCount) })}</Text>
            <Group gap="sm">
              <LinkButton to="/impor" search={{ kind: 'employees' }}>
                {t('home.toImport')}
              </LinkButton>
              <LinkButton to="/pegawai" search={{ unitId: u.id }} variant="light">
                {t('home.toEmployees')}
              </LinkButton>
            </Group>
          </Paper>
        ))}
      </Stack>
    </section>
  );
}
