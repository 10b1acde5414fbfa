import { Checkbox, Fieldset, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../api/client';
import { UnitSelect } from '../../components/UnitSelect';
import { ROLE_LIST } from '../../search';

export interface Grant {
  role: Role;
  unitId: string | null;
}

/** Roles as checkboxes; the operator role asks for its unit (OPD) right below it. */
export function RolesField({
  value,
  onChange,
  error,
  unitError,
  idPrefix,
}: {
  value: Grant[];
  onChange: (g: Grant[]) => void;
  error?: string;
  unitError?: string;
  idPrefix: string;
}) {
  const { t } = useTranslation();
  const has = (r: Role) => value.some((g) => g.role === r);
  const toggle = (r: Role, on: boolean) =>
    onChange(on ? [...value, { role: r, unitId: null }] : value.filter((g) => g.role !== r));
  const operator = value.find((g) => g.role === 'operator');
  return (
    <Fieldset legend={t('users.roles')} id={`${idPrefix}-roles`} tabIndex={-1}>
      <Stack gap="xs">
        {ROLE_LIST.map((r) => (
          <Checkbox
            key={r}
            size="md"
            label={t(`roles.${r}`)}
            checked={has(r)}
            onChange={(e) => toggle(r, e.currentTarget.checked)}
          />
        ))}
        {error && (
          <div role="alert" style={{ color: 'var(--mantine-color-red-8)', fontSize: 14 }}>
            {error}
          </div>
        )}
        {operator && (
          <UnitSelect
            id={`${idPrefix}-operatorUnit`}
            label={t('users.unitFor', { role: t('roles.operator') })}
            required
            value={operator.unitId}
            error={unitError}
            onChange={(u) => onChange(value.map((g) => (g.role === 'operator' ? { ...g, unitId: u } : g)))}
          />
        )}
      </Stack>
    </Fieldset>
  );
}
