import { Badge, Paper, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { describeGolongan } from '../../../domain/golongan';
import { formatNip } from '../../../domain/nip';
import type { EmployeeItem } from '../../api/client';
import { LinkAnchor } from '../../components/links';
import type { EmployeeSearch } from '../../search';
import { ScrollBox } from '../../components/ScrollBox';

type SortKey = NonNullable<EmployeeSearch['sort']>;

function SortHeader({
  k,
  label,
  search,
  onSort,
}: {
  k: SortKey;
  label: string;
  search: EmployeeSearch;
  onSort: (k: SortKey) => void;
}) {
  const current = (search.sort ?? 'name') === k;
  const order = search.order ?? 'asc';
  return (
    <Table.Th scope="col" aria-sort={current ? (order === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <UnstyledButton onClick={() => onSort(k)} fw={700} fz="sm" style={{ minHeight: 36 }}>
        {label} <span aria-hidden>{current ? (order === 'asc' ? '▲' : '▼') : '↕'}</span>
      </UnstyledButton>
    </Table.Th>
  );
}

/** Wide screens: a table with sortable headers, scrolling inside its own box if needed. */
export function EmployeeTable({
  items,
  search,
  onSort,
}: {
  items: EmployeeItem[];
  search: EmployeeSearch;
  onSort: (k: SortKey) => void;
}) {
  const { t } = useTranslation();
  return (
    <ScrollBox label={t('employees.table')}>
      <Table striped highlightOnHover verticalSpacing="sm" miw={900}>
        <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }} className="sr-only">
          {t('employees.table')}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <SortHeader k="name" label={t('employees.name')} search={search} onSort={onSort} />
            <SortHeader k="nip" label={t('employees.nip')} search={search} onSort={onSort} />
            <SortHeader k="golongan" label={t('employees.golongan')} search={search} onSort={onSort} />
            <Table.Th scope="col">{t('employees.position')}</Table.Th>
            <SortHeader k="unit" label={t('employees.unit')} search={search} onSort={onSort} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td>
                <LinkAnchor to="/pegawai/$nip" params={{ nip: e.nip }} fw={600}>
                  {e.fullName}
                </LinkAnchor>
                {!e.active && (
                  <Badge ml="xs" color="gray" variant="outline">
                    {t('employees.inactive')}
                  </Badge>
                )}
                <Text size="xs" c="dimmed">
                  {t(`status.${e.status}`)}
                </Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                {formatNip(e.nip)}
              </Table.Td>
              <Table.Td>{describeGolongan(e.golongan)}</Table.Td>
              <Table.Td>{e.positionName ?? '—'}</Table.Td>
              <Table.Td>{e.unitName}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollBox>
  );
}

/** Phones: one card per person, the name as a big link. */
export function EmployeeCards({ items }: { items: EmployeeItem[] }) {
  const { t } = useTranslation();
  return (
    <Stack
      gap="sm"
      component="ul"
      style={{ listStyle: 'none', padding: 0, margin: 0 }}
      aria-label={t('employees.table')}
    >
      {items.map((e) => (
        <Paper component="li" key={e.id} withBorder p="sm" radius="md">
          <LinkAnchor
            to="/pegawai/$nip"
            params={{ nip: e.nip }}
            fw={700}
            fz="lg"
            style={{ display: 'block', minHeight: 32 }}
          >
            {e.fullName}
          </LinkAnchor>
          <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
            {formatNip(e.nip)} · {t(`status.${e.status}`)}
          </Text>
          <Text size="sm">{describeGolongan(e.golongan)}</Text>
          <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {e.positionName ? `${e.positionName} · ` : ''}
            {e.unitName}
          </Text>
        </Paper>
      ))}
    </Stack>
  );
}
