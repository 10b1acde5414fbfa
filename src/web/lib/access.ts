import type { Me, Role } from '../api/client';

/** Which roles may open each screen. The menu and the route guards both read this table. */
export const ACCESS = {
  home: null,
  units: ['admin', 'operator', 'pimpinan'],
  employees: ['admin', 'operator', 'atasan', 'pimpinan'],
  newEmployee: ['admin', 'operator'],
  import: ['admin', 'operator'],
  gapMap: ['admin', 'operator', 'pimpinan'],
  talent: ['admin', 'operator', 'pimpinan'],
  skpImport: ['admin', 'operator'],
  assessments: ['atasan', 'pegawai'],
  campaigns: ['admin', 'operator'],
  myLearning: ['atasan', 'pegawai'],
  jpCompliance: ['admin', 'operator', 'pimpinan'],
  proposals: ['atasan'],
  studentProjects: ['admin', 'operator', 'pimpinan', 'mitra'],
  certificateReview: ['admin', 'operator'],
  programs: null,
  programEdit: ['admin', 'operator', 'mitra'],
  partners: ['admin', 'operator', 'pimpinan', 'mitra'],
  approvals: ['admin', 'operator', 'atasan'],
  participants: ['admin', 'operator', 'mitra'],
  checkin: null,
  outbox: ['admin'],
  dictionary: null,
  standards: ['admin', 'operator', 'pimpinan'],
  users: ['admin'],
  audit: ['admin'],
  account: null,
  /** Platform administrators only (no tenant role opens it). */
  tenants: 'platform',
} as const satisfies Record<string, readonly Role[] | null | 'platform'>;

export type Screen = keyof typeof ACCESS;

export function can(me: Pick<Me, 'roles' | 'platformAdmin'>, screen: Screen): boolean {
  const allowed: readonly Role[] | null | 'platform' = ACCESS[screen];
  if (allowed === 'platform') return me.platformAdmin;
  return allowed === null || me.roles.some((r) => allowed.includes(r));
}

export const hasRole = (me: Pick<Me, 'roles'>, ...roles: Role[]) => me.roles.some((r) => roles.includes(r));
