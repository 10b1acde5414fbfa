/** Deterministic demo data for Kota Ambon: unit tree, positions, employees and supervisor links. */

import { generateEmployees, type DemoEmployee } from './employees.js';
import { sharedPositions, type DemoPosition } from './positions.js';
import { Rng } from './prng.js';
import { buildUnitTree, type DemoUnit } from './units.js';

export { Rng } from './prng.js';
export { ROOT_CODE } from './units.js';
export { DEMO_YEAR } from './employees.js';
export type { DemoEmployee, DemoPosition, DemoUnit };

export interface DemoOptions {
  seed?: number;
  /** Number of employees, default 5000. */
  employees?: number;
}

export interface DemoData {
  seed: number;
  /** Parents precede their children. */
  units: DemoUnit[];
  positions: DemoPosition[];
  /** Supervisors precede their subordinates. */
  employees: DemoEmployee[];
}

export const DEFAULT_DEMO_SEED = 20250601;
export const DEFAULT_DEMO_EMPLOYEES = 5000;

export function generateDemo(opts: DemoOptions = {}): DemoData {
  const seed = opts.seed ?? DEFAULT_DEMO_SEED;
  const count = Math.max(0, Math.floor(opts.employees ?? DEFAULT_DEMO_EMPLOYEES));
  const rng = new Rng(seed);
  const { units, headPositions } = buildUnitTree();
  const positions = [...headPositions, ...sharedPositions()];
  const byCode = new Map(positions.map((p) => [p.code, p]));
  const employees = generateEmployees(rng, units, byCode, count);
  return { seed, units, positions, employees };
}

export interface DemoAccounts {
  /** Head of a Disdukcapil bidang who has subordinates. */
  atasan: DemoEmployee | null;
  /** A Disdukcapil staff member supervised by `atasan`. */
  pegawai: DemoEmployee | null;
}

/** Picks the employees behind the demo accounts atasan.dukcapil and pegawai.dukcapil. */
export function pickDemoAccounts(data: DemoData, opdCode = 'DISDUKCAPIL'): DemoAccounts {
  const bidang = new Set(
    data.units.filter((u) => u.parentCode === opdCode && u.kind === 'bidang').map((u) => u.code),
  );
  const heads = data.employees.filter((e) => e.isHead && bidang.has(e.unitCode));
  // First subordinate per supervisor, preferring staff over heads.
  const firstStaff = new Map<number, DemoEmployee>();
  const firstAny = new Map<number, DemoEmployee>();
  for (const e of data.employees) {
    if (e.supervisorIndex === null) continue;
    if (!firstAny.has(e.supervisorIndex)) firstAny.set(e.supervisorIndex, e);
    if (!e.isHead && !firstStaff.has(e.supervisorIndex)) firstStaff.set(e.supervisorIndex, e);
  }
  const withStaff = heads.find((h) => firstStaff.has(h.index));
  if (withStaff) return { atasan: withStaff, pegawai: firstStaff.get(withStaff.index)! };
  const withAny = heads.find((h) => firstAny.has(h.index));
  if (withAny) return { atasan: withAny, pegawai: firstAny.get(withAny.index)! };
  return { atasan: heads[0] ?? null, pegawai: null };
}
