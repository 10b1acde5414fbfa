import { Button, Collapse, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useDebouncedCallback, useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { POSITION_TYPES } from '../../../domain/org';
import { UnitSelect } from '../../components/UnitSelect';
import { GOLONGAN_OPTIONS } from '../../lib/golongan-options';
import { SORTS, STATUSES, type EmployeeSearch } from '../../search';

type Patch = Partial<EmployeeSearch>;

/** Search (debounced), unit, status, golongan, jenis jabatan and sort; every change lands in the URL. */
export function EmployeeFilters({
  search,
  onChange,
}: {
  search: EmployeeSearch;
  onChange: (p: Patch) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(search.q ?? '');
  const pushQ = useDebouncedCallback((q: string) => onChange({ q: q || undefined }), 350);
  const anyFilter = !!(search.q || search.unitId || search.status || search.golongan || search.positionType);
  const active = [search.unitId, search.status, search.golongan, search.positionType].filter(Boolean).length;
  // On a phone the search box stays; the other filters fold away so the results show first.
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const [open, setOpen] = useState(active > 0);
  const searchBox = (
    <TextInput
      label={t('employees.search')}
      type="search"
      value={text}
      onChange={(e) => {
        setText(e.currentTarget.value);
        pushQ(e.currentTarget.value.trim());
      }}
    />
  );
  const others = (
    <>
      <UnitSelect
        label={t('employees.unit')}
        placeholder={t('employees.unitPlaceholder')}
        value={search.unitId ?? null}
        onChange={(v) => onChange({ unitId: v ?? undefined })}
      />
      <Select
        label={t('employees.status')}
        placeholder={t('common.all')}
        clearable
        data={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        value={search.status ?? null}
        onChange={(v) => onChange({ status: (v ?? undefined) as EmployeeSearch['status'] })}
      />
      <Select
        label={t('employees.golongan')}
        placeholder={t('common.all')}
        clearable
        searchable
        data={GOLONGAN_OPTIONS}
        value={search.golongan ?? null}
        onChange={(v) => onChange({ golongan: v ?? undefined })}
      />
      <Select
        label={t('employees.positionType')}
        placeholder={t('common.all')}
        clearable
        data={POSITION_TYPES.map((p) => ({ value: p, label: t(`positionType.${p}`) }))}
        value={search.positionType ?? null}
        onChange={(v) => onChange({ positionType: (v ?? undefined) as EmployeeSearch['positionType'] })}
      />
      <Select
        label={t('employees.sortBy')}
        allowDeselect={false}
        data={SORTS.flatMap((s) => [
          { value: `${s}:asc`, label: `${t(`employees.sort.${s}`)} (${t('employees.order.asc')})` },
          { value: `${s}:desc`, label: `${t(`employees.sort.${s}`)} (${t('employees.order.desc')})` },
        ])}
        value={`${search.sort ?? 'name'}:${search.order ?? 'asc'}`}
        onChange={(v) => {
          const [sort, order] = (v ?? 'name:asc').split(':') as [
            EmployeeSearch['sort'],
            EmployeeSearch['order'],
          ];
          onChange({
            sort: sort === 'name' ? undefined : sort,
            order: order === 'asc' ? undefined : order,
          });
        }}
      />
    </>
  );
  return (
    <section aria-label={t('employees.filters')}>
      {phone ? (
        <>
          {searchBox}
          <Button
            variant="light"
            mt="sm"
            fullWidth
            aria-expanded={open}
            aria-controls="employee-more-filters"
            onClick={() => setOpen((o) => !o)}
          >
            {t(open ? 'employees.hideFilters' : 'employees.moreFilters', { n: active })}
          </Button>
          <Collapse expanded={open} id="employee-more-filters">
            <SimpleGrid cols={1} spacing="sm" mt="sm">
              {others}
            </SimpleGrid>
          </Collapse>
        </>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" verticalSpacing="sm">
          {searchBox}
          {others}
        </SimpleGrid>
      )}
      {anyFilter && (
        <Button
          variant="subtle"
          mt="xs"
          onClick={() => {
            setText('');
            onChange({
              q: undefined,
              unitId: undefined,
              status: undefined,
              golongan: undefined,
              positionType: undefined,
            });
          }}
        >
          {t('common.reset')}
        </Button>
      )}
    </section>
  );
}
