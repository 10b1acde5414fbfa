import {
  CloseButton,
  Combobox,
  Group,
  InputBase,
  Loader,
  Text,
  useCombobox,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';

/**
 * The employee chosen in an {@link EmployeePicker}. A choice already saved on a record may be known
 * only by NIP and name (no id or unit at hand): that is enough to show it and send its NIP.
 */
export interface PickedEmployee {
  id?: string;
  nip: string;
  name: string;
  unitName?: string;
}

/** Fewest characters before the server is asked (a NIP part or a name part). */
const MIN_CHARS = 2;
const SHOWN = 10;

/** "Name (NIP)"; a saved choice whose name is not known yet shows its NIP alone. */
const display = (e: PickedEmployee) => (e.name ? `${e.name} (${e.nip})` : e.nip);
const keyOf = (e: PickedEmployee | null) => (e ? `${e.nip}|${e.name}` : '');

/**
 * Choosing a person by typing part of a name or NIP: the employees list (already limited to what
 * the signed-in user may see) is searched after a short pause, and one match is picked from the list.
 * `value` may also change from outside (e.g. the saved choice once it is looked up): the box then shows it.
 * `clearable` adds a button that removes the choice (for optional fields); `onTextChange` tells the
 * form what is typed, so it can refuse text that was never picked from the list.
 */
export function EmployeePicker({
  id,
  label,
  description,
  value,
  onChange,
  error,
  required,
  size,
  w,
  clearable,
  onTextChange,
}: {
  id: string;
  label: string;
  description?: string;
  value: PickedEmployee | null;
  onChange: (e: PickedEmployee | null) => void;
  error?: string | undefined;
  required?: boolean;
  size?: 'xs' | 'sm' | 'md';
  w?: number | string;
  clearable?: boolean;
  onTextChange?: (text: string) => void;
}) {
  const { t } = useTranslation();
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const [search, setSearchState] = useState(value ? display(value) : '');
  const setSearch = (text: string) => {
    setSearchState(text);
    onTextChange?.(text);
  };
  // A choice set from outside (not by typing here) is shown in the box.
  const [shown, setShown] = useState(keyOf(value));
  if (keyOf(value) !== shown) {
    setShown(keyOf(value));
    if (value) setSearchState(display(value));
  }
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const term = value ? '' : debounced;
  const enabled = term.length >= MIN_CHARS;
  const q = useQuery({
    queryKey: ['employees', 'picker', term],
    enabled,
    placeholderData: keepPreviousData,
    queryFn: () =>
      unwrap(api.GET('/api/employees', { params: { query: { q: term, pageSize: SHOWN, sort: 'name' } } })),
  });
  const typing = !value && search.trim() !== debounced;
  const loading = enabled && (q.isFetching || typing);
  const items = enabled && q.data ? q.data.items : [];
  const status = !enabled
    ? t('employeePicker.hint', { n: MIN_CHARS })
    : loading
      ? t('employeePicker.searching')
      : q.error
        ? t('employeePicker.failed')
        : items.length === 0
          ? t('employeePicker.none')
          : t('employeePicker.found', { n: items.length });

  const pick = (empId: string) => {
    const e = items.find((x) => x.id === empId);
    if (!e) return;
    const picked = { id: e.id, nip: e.nip, name: e.fullName, unitName: e.unitName };
    setShown(keyOf(picked));
    onChange(picked);
    setSearch(display(picked));
    combobox.closeDropdown();
  };

  return (
    <Combobox store={combobox} onOptionSubmit={pick}>
      <Combobox.Target withExpandedAttribute>
        <InputBase
          id={id}
          label={label}
          description={description}
          error={error}
          required={required}
          size={size}
          w={w}
          role="combobox"
          aria-autocomplete="list"
          autoComplete="off"
          placeholder={t('employeePicker.placeholder')}
          value={search}
          rightSection={
            loading ? (
              <Loader size="xs" aria-hidden />
            ) : clearable && (value || search) ? (
              <CloseButton
                size="sm"
                aria-label={t('employeePicker.clear', { label })}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => {
                  setSearch('');
                  if (value) onChange(null);
                  combobox.closeDropdown();
                }}
              />
            ) : null
          }
          rightSectionPointerEvents={clearable && !loading && (value || search) ? 'auto' : 'none'}
          onChange={(e) => {
            setSearch(e.currentTarget.value);
            if (value) onChange(null);
            combobox.openDropdown();
            combobox.updateSelectedOptionIndex();
          }}
          onClick={() => combobox.openDropdown()}
          onFocus={() => combobox.openDropdown()}
          onBlur={() => combobox.closeDropdown()}
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={!!value || search.trim() === ''}>
        <Combobox.Options mah={280} style={{ overflowY: 'auto' }} aria-label={label}>
          {items.length > 0 && !loading
            ? items.map((e) => (
                <Combobox.Option value={e.id} key={e.id}>
                  <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                    {e.fullName}
                  </Text>
                  <Group gap={4} wrap="wrap">
                    <Text size="xs">{e.nip}</Text>
                    <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                      · {e.unitName}
                    </Text>
                  </Group>
                </Combobox.Option>
              ))
            : null}
          {(items.length === 0 || loading) && <Combobox.Empty>{status}</Combobox.Empty>}
        </Combobox.Options>
      </Combobox.Dropdown>
      <VisuallyHidden role="status" aria-live="polite">
        {value ? t('employeePicker.chosen', { name: display(value) }) : search.trim() ? status : ''}
      </VisuallyHidden>
    </Combobox>
  );
}
