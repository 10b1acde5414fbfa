/**
 * The rules an employee record must satisfy, shared by the API, the import checker and the web form.
 */
import { EMPLOYEE_STATUSES, parseGolongan, type EmployeeStatus } from './golongan.js';
import { decodeNip, type DecodedNip, type NipDateRules } from './nip.js';
import type { ValueProblem } from './problems.js';

export interface EmployeeInput {
  nip: string;
  name: string;
  status: string;
  golongan?: string | null;
  frontTitle?: string | null;
  backTitle?: string | null;
  email?: string | null;
  phone?: string | null;
}

export interface CleanEmployee {
  nip: string;
  decoded: DecodedNip;
  name: string;
  status: EmployeeStatus;
  golongan: string | null;
  frontTitle: string | null;
  backTitle: string | null;
  email: string | null;
  phone: string | null;
}

export interface FieldIssue {
  field: keyof EmployeeInput;
  problem: ValueProblem;
}

const blank = (v: string | null | undefined) => (v ?? '').trim() === '';
const clean = (v: string | null | undefined) => (blank(v) ? null : v!.trim().replace(/\s+/g, ' '));

/**
 * `dates`: today in the tenant's zone and the lead allowed for a TMT; without them (the web form before it
 * knows the tenant's rule) only what the NIP says of itself is checked.
 */
export function validateEmployee(
  input: EmployeeInput,
  dates: NipDateRules = {},
): { ok: true; value: CleanEmployee } | { ok: false; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const nipResult = decodeNip(input.nip ?? '', dates);
  if (!nipResult.ok) issues.push({ field: 'nip', problem: nipResult.problem });

  const name = clean(input.name);
  if (!name) issues.push({ field: 'name', problem: { code: 'required' } });
  else if (name.length > 150) issues.push({ field: 'name', problem: { code: 'tooLong', max: 150 } });

  const statusRaw = (input.status ?? '').trim().toUpperCase();
  const status = EMPLOYEE_STATUSES.find((s) => s === statusRaw);
  if (!statusRaw) issues.push({ field: 'status', problem: { code: 'required' } });
  else if (!status) issues.push({ field: 'status', problem: { code: 'status', value: input.status } });

  if (status && nipResult.ok) {
    const kind = nipResult.value.kind;
    if ((status === 'PPPK') !== (kind === 'PPPK')) {
      issues.push({ field: 'status', problem: { code: 'nip.statusMismatch', status, kind } });
    }
  }

  let golongan: string | null = null;
  if (!blank(input.golongan) && status) {
    golongan = parseGolongan(input.golongan!, status);
    if (!golongan) {
      issues.push({
        field: 'golongan',
        problem: {
          code: status === 'PPPK' ? 'golongan.pppk' : 'golongan.pns',
          value: input.golongan!.trim(),
        },
      });
    }
  }

  const email = clean(input.email);
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
    issues.push({ field: 'email', problem: { code: 'email' } });
  const phone = clean(input.phone)?.replace(/[\s-]/g, '') ?? null;
  if (phone && !/^\+?\d{6,15}$/.test(phone)) issues.push({ field: 'phone', problem: { code: 'phone' } });

  const frontTitle = clean(input.frontTitle);
  const backTitle = clean(input.backTitle);
  if (frontTitle && frontTitle.length > 50)
    issues.push({ field: 'frontTitle', problem: { code: 'tooLong', max: 50 } });
  if (backTitle && backTitle.length > 80)
    issues.push({ field: 'backTitle', problem: { code: 'tooLong', max: 80 } });

  if (issues.length || !nipResult.ok || !name || !status) return { ok: false, issues };
  return {
    ok: true,
    value: {
      nip: nipResult.value.nip,
      decoded: nipResult.value,
      name,
      status,
      golongan,
      frontTitle,
      backTitle,
      email,
      phone,
    },
  };
}
