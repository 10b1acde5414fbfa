/** URL search params of the list pages: read loosely (people share and edit links), typed strictly. */
import { POSITION_TYPES, type PositionType } from '../domain/org';
import type { Role } from './api/client';

const str = (v: unknown) =>
  typeof v === 'string' && v.trim() !== '' ? v : typeof v === 'number' ? String(v) : undefined;
const page = (v: unknown) => {
  const n = Number(v);
  return Number.isInteger(n) && n > 1 ? n : undefined;
};
const oneOf = <T extends string>(v: unknown, options: readonly T[]): T | undefined =>
  options.includes(v as T) ? (v as T) : undefined;

export const STATUSES = ['PNS', 'CPNS', 'PPPK'] as const;
export const SORTS = ['name', 'nip', 'golongan', 'unit'] as const;
export const ROLE_LIST: readonly Role[] = ['admin', 'operator', 'atasan', 'pegawai', 'mitra', 'pimpinan'];
export const IMPORT_KINDS = ['employees', 'org-units', 'positions'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface EmployeeSearch {
  q?: string;
  unitId?: string;
  status?: (typeof STATUSES)[number];
  golongan?: string;
  positionType?: PositionType;
  sort?: (typeof SORTS)[number];
  order?: 'asc' | 'desc';
  page?: number;
}
export const employeeSearch = (s: Record<string, unknown>): EmployeeSearch => ({
  q: str(s.q),
  unitId: str(s.unitId),
  status: oneOf(s.status, STATUSES),
  golongan: str(s.golongan),
  positionType: oneOf(s.positionType, POSITION_TYPES),
  sort: oneOf(s.sort, SORTS),
  order: oneOf(s.order, ['asc', 'desc'] as const),
  page: page(s.page),
});

export interface AuditSearch {
  entity?: string;
  action?: string;
  actor?: string;
  from?: string;
  to?: string;
  page?: number;
}
const isoDate = (v: unknown) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined);
export const auditSearch = (s: Record<string, unknown>): AuditSearch => ({
  entity: str(s.entity),
  action: str(s.action),
  actor: str(s.actor),
  from: isoDate(s.from),
  to: isoDate(s.to),
  page: page(s.page),
});

export interface UserSearch {
  q?: string;
  role?: Role;
  page?: number;
}
export const userSearch = (s: Record<string, unknown>): UserSearch => ({
  q: str(s.q),
  role: oneOf(s.role, ROLE_LIST),
  page: page(s.page),
});

export interface ImportSearch {
  kind?: ImportKind;
  job?: string;
}
export const importSearch = (s: Record<string, unknown>): ImportSearch => ({
  kind: oneOf(s.kind, IMPORT_KINDS),
  job: str(s.job),
});

export const gapMapSearch = (s: Record<string, unknown>): { unitId?: string } => ({ unitId: str(s.unitId) });
export const unitSearch = (s: Record<string, unknown>): { q?: string } => ({ q: str(s.q) });
export const signInSearch = (s: Record<string, unknown>): { redirect?: string } => {
  const r = str(s.redirect);
  // Only same-site paths: never send a user to another origin after sign-in.
  return { redirect: r && r.startsWith('/') && !r.startsWith('//') ? r : undefined };
};
