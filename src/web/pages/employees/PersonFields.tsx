import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmployeePicker, type PickedEmployee } from '../../components/EmployeePicker';
import { golonganOptionsFor } from '../../lib/golongan-options';
import { STATUSES } from '../../search';

type Key = 'frontTitle' | 'name' | 'backTitle' | 'status' | 'golongan' | 'supervisorNip' | 'email' | 'phone';
interface FieldProps {
  id: string;
  label?: string;
  error?: string;
}
interface Props<K extends Key> {
  values: Record<K, string>;
  field: (k: K) => FieldProps;
  set: (k: K) => (value: string | null) => void;
}

/** Name with its academic titles: the same three inputs in every employee form. */
export function NameFields({ values: v, field, set }: Props<'frontTitle' | 'name' | 'backTitle'>) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
      <TextInput
        {...field('frontTitle')}
        value={v.frontTitle}
        onChange={(x) => set('frontTitle')(x.currentTarget.value)}
      />
      <TextInput
        {...field('name')}
        required
        value={v.name}
        onChange={(x) => set('name')(x.currentTarget.value)}
      />
      <TextInput
        {...field('backTitle')}
        value={v.backTitle}
        onChange={(x) => set('backTitle')(x.currentTarget.value)}
      />
    </SimpleGrid>
  );
}

/** Status and the golongan that fits it (PNS I/a–IV/e, PPPK I–XVII), for a grid of the caller's. */
export function StatusGolonganFields({ values: v, field, set }: Props<'status' | 'golongan'>) {
  const { t } = useTranslation();
  return (
    <>
      <Select
        {...field('status')}
        required
        allowDeselect={false}
        data={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        value={v.status}
        onChange={set('status')}
      />
      <Select
        {...field('golongan')}
        description={t('form.golonganHint')}
        searchable
        clearable
        data={golonganOptionsFor(v.status)}
        value={v.golongan || null}
        onChange={set('golongan')}
      />
    </>
  );
}

/** The supervisor chosen by search; its NIP goes to the form's `supervisorNip`. */
export interface SupervisorPick {
  value: PickedEmployee | null;
  onChange: (e: PickedEmployee | null) => void;
  onTextChange: (text: string) => void;
  /** Text typed in the search but no person picked from the list. */
  unpicked: boolean;
}

/** State of the supervisor search; `setNip` keeps the form's `supervisorNip` in step with the choice. */
export function useSupervisorPick(
  initial: PickedEmployee | null,
  setNip: (nip: string | null) => void,
): SupervisorPick {
  const [value, setValue] = useState(initial);
  const [text, setText] = useState('');
  return {
    value,
    onChange: (e) => {
      setValue(e);
      setNip(e?.nip ?? null);
    },
    onTextChange: setText,
    unpicked: !value && text.trim() !== '',
  };
}

/** Supervisor (searched by name or NIP) and contact, for a grid of the caller's. */
export function SupervisorContactFields({
  values: v,
  field,
  set,
  supervisor,
}: Props<'supervisorNip' | 'email' | 'phone'> & { supervisor: SupervisorPick }) {
  const f = field('supervisorNip');
  return (
    <>
      <EmployeePicker
        id={f.id}
        label={f.label ?? ''}
        error={f.error}
        value={supervisor.value}
        onChange={supervisor.onChange}
        onTextChange={supervisor.onTextChange}
        clearable
      />
      <TextInput
        {...field('email')}
        type="email"
        autoComplete="off"
        value={v.email}
        onChange={(x) => set('email')(x.currentTarget.value)}
      />
      <TextInput
        {...field('phone')}
        type="tel"
        value={v.phone}
        onChange={(x) => set('phone')(x.currentTarget.value)}
      />
    </>
  );
}
