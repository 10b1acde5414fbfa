import { Button, Collapse, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useDebouncedCallback, useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LEARNING_PATHS } from '../../../domain/learning/forms';
import { api, unwrap } from '../../api/client';
import { useMe } from '../../api/queries';
import { hasRole } from '../../lib/access';
import { formOptions } from './labels';
import { PROGRAM_STATUSES, SCOPES, type ProgramSearch } from './search';

/** Search (debounced), path, form, scope, partner and (for organisers) status; all kept in the URL. */
export function ProgramFilters({
  search,
  onChange,
}: {
  search: ProgramSearch;
  onChange: (p: Partial<ProgramSearch>) => void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const [text, setText] = useState(search.q ?? '');
  const pushQ = useDebouncedCallback((q: string) => onChange({ q: q || undefined }), 350);
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const active = [search.path, search.form, search.scope, search.status, search.partnerId].filter(
    Boolean,
  ).length;
  const [open, setOpen] = useState(active > 0);
  const readsPartners = hasRole(me, 'admin', 'operator', 'pimpinan', 'mitra');
  const partners = useQuery({
    queryKey: ['partners', 'options'],
    queryFn: () => unwrap(api.GET('/api/partners', { params: { query: { pageSize: 200 } } })),
    enabled: readsPartners,
    staleTime: 60_000,
  });
  const searchBox = (
    <TextInput
      label={t('programs.search')}
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
      <Select
        label={t('programs.path')}
        placeholder={t('common.all')}
        clearable
        data={LEARNING_PATHS.map((p) => ({ value: p, label: t(`programs.paths.${p}`) }))}
        value={search.path ?? null}
        onChange={(v) => onChange({ path: (v ?? undefined) as ProgramSearch['path'], form: undefined })}
      />
      <Select
        label={t('programs.form')}
        placeholder={t('common.all')}
        clearable
        searchable
        data={formOptions((p) => t(`programs.paths.${p}`)).filter(
          (g) => !search.path || g.group === t(`programs.paths.${search.path}`),
        )}
        value={search.form ?? null}
        onChange={(v) => onChange({ form: (v ?? undefined) as ProgramSearch['form'] })}
      />
      <Select
        label={t('programs.scope')}
        placeholder={t('common.all')}
        clearable
        data={SCOPES.map((s) => ({ value: s, label: t(`programs.scopes.${s}`) }))}
        value={search.scope ?? null}
        onChange={(v) => onChange({ scope: (v ?? undefined) as ProgramSearch['scope'] })}
      />
      <Select
        label={t('programs.status')}
        placeholder={t('common.all')}
        clearable
        data={PROGRAM_STATUSES.filter(
          (s) => s !== 'draft' || hasRole(me, 'admin', 'operator', 'mitra', 'pimpinan'),
        ).map((s) => ({ value: s, label: t(`programs.statuses.${s}`) }))}
        value={search.status ?? null}
        onChange={(v) => onChange({ status: (v ?? undefined) as ProgramSearch['status'] })}
      />
      {readsPartners && (
        <Select
          label={t('programs.partner')}
          placeholder={t('common.all')}
          clearable
          searchable
          data={(partners.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
          value={search.partnerId ?? null}
          onChange={(v) => onChange({ partnerId: v ?? undefined })}
        />
      )}
    </>
  );
  return (
    <section aria-label={t('programs.filters')}>
      {phone ? (
        <>
          {searchBox}
          <Button
            variant="light"
            mt="sm"
            fullWidth
            aria-expanded={open}
            aria-controls="program-more-filters"
            onClick={() => setOpen((o) => !o)}
          >
            {open ? t('programs.hideFilters') : t('programs.moreFilters', { n: active })}
          </Button>
          <Collapse expanded={open} id="program-more-filters">
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
      {(active > 0 || search.q) && (
        <Button
          variant="subtle"
          mt="xs"
          onClick={() => {
            setText('');
            onChange({
              q: undefined,
              path: undefined,
              form: undefined,
              scope: undefined,
              status: undefined,
              partnerId: undefined,
            });
          }}
        >
          {t('common.reset')}
        </Button>
      )}
    </section>
  );
}
