/** Generates employees for a unit tree: one head per headed unit, staff spread by weight. */

import type { EmployeeStatus } from '../golongan.js';
import { encodeNip, type Gender } from '../nip.js';
import type { FunctionalLevel, PositionType } from '../org.js';
import { EDU_ORDER, personName, pnsGolongan, pppkGolongan, randomDate, tmtMonth } from './people.js';
import { JOB_FAMILIES, jobCode, type DemoPosition, type Edu, type JobFamily } from './positions.js';
import type { Rng } from './prng.js';
import { pickTitles, type TitleField } from './titles.js';
import type { DemoUnit } from './units.js';

export interface DemoEmployee {
  /** Position in the list; supervisors always come before their subordinates. */
  index: number;
  nip: string;
  name: string;
  frontTitle: string | null;
  backTitle: string | null;
  status: EmployeeStatus;
  golongan: string;
  gender: Gender;
  birthDate: string; // yyyy-mm-dd
  /** TMT as in the NIP: yyyy-mm (PNS/CPNS) or yyyy (PPPK). */
  appointment: string;
  /** TMT as a date: first of the month (PNS/CPNS) or 1 January (PPPK). */
  effectiveFrom: string;
  unitCode: string;
  positionCode: string;
  isHead: boolean;
  supervisorIndex: number | null;
  email: string | null;
  phone: string | null;
}

/** The current year of the demo world. */
export const DEMO_YEAR = 2025;

interface Job {
  positionCode: string;
  type: PositionType;
  level: FunctionalLevel | null;
  family: JobFamily | null;
}

type Pool = { fams: JobFamily[]; cum: number[] };

function poolFor(unit: DemoUnit): Pool {
  const fams: JobFamily[] = [];
  const cum: number[] = [];
  let total = 0;
  // Specialised units (schools, puskesmas) get few generic staff.
  const genericFactor = unit.tag === 'school' ? 0.03 : unit.tag === 'puskesmas' ? 0.1 : 1;
  for (const f of JOB_FAMILIES) {
    const specific = f.where[unit.opdCode] ?? (unit.tag ? f.where[unit.tag] : undefined);
    const w = specific ?? (f.where['*'] ?? 0) * genericFactor;
    if (w <= 0) continue;
    total += w;
    fams.push(f);
    cum.push(total);
  }
  return { fams, cum };
}

function pickFamily(rng: Rng, pool: Pool): JobFamily {
  const r = rng.next() * pool.cum[pool.cum.length - 1]!;
  let lo = 0;
  let hi = pool.cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pool.cum[mid]! > r) hi = mid;
    else lo = mid + 1;
  }
  return pool.fams[lo]!;
}

function pickEdu(rng: Rng, type: PositionType, family: JobFamily | null): Edu {
  if (family?.edu) return rng.weighted(family.edu);
  switch (type) {
    case 'jpt_utama':
    case 'jpt_madya':
    case 'jpt_pratama':
      return rng.weighted([
        ['S1', 10],
        ['S2', 75],
        ['S3', 15],
      ]);
    case 'administrator':
      return rng.weighted([
        ['S1', 35],
        ['S2', 60],
        ['S3', 5],
      ]);
    case 'pengawas':
      return rng.weighted([
        ['SMA', 3],
        ['D3', 5],
        ['S1', 62],
        ['S2', 30],
      ]);
    case 'fungsional_keahlian':
      return rng.weighted([
        ['S1', 78],
        ['S2', 20],
        ['S3', 2],
      ]);
    case 'fungsional_keterampilan':
      return rng.weighted([
        ['SMA', 10],
        ['D3', 90],
      ]);
    case 'pelaksana':
      return rng.weighted([
        ['SMA', 40],
        ['D3', 20],
        ['S1', 36],
        ['S2', 4],
      ]);
  }
}

const HEAD_BIRTH: Partial<Record<PositionType, [number, number]>> = {
  jpt_madya: [1966, 1971],
  jpt_pratama: [1966, 1978],
  administrator: [1967, 1984],
  pengawas: [1968, 1990],
  fungsional_keahlian: [1967, 1983],
};
const HEAD_FEMALE: Partial<Record<PositionType, number>> = {
  jpt_madya: 0.2,
  jpt_pratama: 0.25,
  administrator: 0.35,
};
const ENTRY_AGE: Record<Edu, [number, number]> = {
  SMA: [19, 26],
  D3: [21, 28],
  S1: [23, 32],
  S2: [25, 35],
  S3: [27, 35],
};

/** Makes NIPs unique by moving the serial on. */
class NipRegistry {
  private seen = new Set<string>();
  make(rng: Rng, parts: Omit<Parameters<typeof encodeNip>[0], 'serial'>): string {
    let serial = rng.int(1, 12);
    for (let tries = 0; tries < 999; tries++) {
      const nip = encodeNip({ ...parts, serial });
      if (!this.seen.has(nip)) {
        this.seen.add(nip);
        return nip;
      }
      serial = (serial % 999) + 1;
    }
    throw new Error('NIP serials exhausted');
  }
}

function slugAscii(s: string): string {
  return s.toLowerCase().replace(/[^a-z]/g, '');
}

/** Largest-remainder allocation of `total` over weights. */
export function allocate(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0 || total <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (w / sum) * total);
  const out = exact.map(Math.floor);
  let rest = total - out.reduce((a, b) => a + b, 0);
  const order = exact
    .map((e, i) => [e - Math.floor(e), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; rest > 0; k = (k + 1) % order.length, rest--) out[order[k]![1]]! += 1;
  return out;
}

export function generateEmployees(
  rng: Rng,
  units: DemoUnit[],
  positions: Map<string, DemoPosition>,
  count: number,
): DemoEmployee[] {
  const nips = new NipRegistry();
  const out: DemoEmployee[] = [];
  const unitByCode = new Map(units.map((u) => [u.code, u]));
  const headIndex = new Map<string, number>();

  const make = (unit: DemoUnit, job: Job, isHead: boolean): DemoEmployee => {
    const { type, level, family } = job;
    const status: EmployeeStatus = isHead
      ? 'PNS'
      : rng.chance(family?.key === 'GURU' ? 0.42 : type === 'fungsional_keterampilan' ? 0.35 : 0.27)
        ? 'PPPK'
        : rng.chance(0.05)
          ? 'CPNS'
          : 'PNS';
    const female = isHead ? (HEAD_FEMALE[type] ?? 0.45) : (family?.female ?? 0.5);
    const gender: Gender = rng.chance(female) ? 'P' : 'L';
    let edu = pickEdu(rng, type, family);
    if (type === 'fungsional_keahlian' && EDU_ORDER.indexOf(edu) < 2) edu = 'S1';

    let birthYear: number;
    let tmtYear: number;
    let appointment: string;
    let effectiveFrom: string;
    let batch: number | undefined;
    if (status === 'PPPK') {
      birthYear = rng.int(1970, 2002);
      tmtYear = rng.weighted([
        [2021, 2],
        [2022, 2],
        [2023, 2],
        [2024, 1.5],
        [2025, 2.5],
      ]);
      batch =
        tmtYear === 2025
          ? rng.int(1, 2)
          : rng.weighted([
              [1, 4],
              [2, 1],
            ]);
      // A PPPK is at least 20 at the TMT (PP 49/2018 Pasal 16).
      birthYear = Math.min(birthYear, tmtYear - 20);
      appointment = String(tmtYear);
      effectiveFrom = `${tmtYear}-01-01`;
    } else {
      const hb = isHead ? HEAD_BIRTH[type] : undefined;
      if (status === 'CPNS') {
        birthYear = rng.int(1990, 2002);
        tmtYear = DEMO_YEAR;
      } else if (hb) {
        birthYear = rng.int(hb[0], hb[1]);
        tmtYear = Math.min(birthYear + rng.int(22, 28), 2016);
      } else {
        birthYear = rng.int(1966, 2000);
        const [a, b] = ENTRY_AGE[edu];
        tmtYear = Math.min(birthYear + rng.int(a, b), DEMO_YEAR - 1);
      }
      const month = status === 'CPNS' ? 6 : tmtMonth(rng);
      appointment = `${tmtYear}-${String(month).padStart(2, '0')}`;
      effectiveFrom = `${appointment}-01`;
    }
    const years = DEMO_YEAR - tmtYear;

    // Staff level follows seniority (PNS) or entry level (PPPK, CPNS).
    let lvl = level;
    let positionCode = job.positionCode;
    if (family && family.levels.length > 0) {
      const n = family.levels.length;
      let i = status === 'PNS' ? Math.floor(years / 8) - (rng.chance(0.3) ? 1 : 0) : rng.chance(0.15) ? 1 : 0;
      if (status === 'CPNS') i = 0;
      i = Math.max(0, Math.min(n - 1, i));
      lvl = family.levels[i]!;
      positionCode = jobCode(family, lvl);
    }
    const golongan =
      status === 'PPPK' ? pppkGolongan(edu, lvl) : pnsGolongan(edu, years, type, lvl, status === 'CPNS');

    const birthDate = randomDate(rng, birthYear);
    const nip = nips.make(rng, {
      birthDate,
      gender,
      kind: status === 'PPPK' ? 'PPPK' : 'PNS',
      appointment,
      ...(batch ? { batch } : {}),
    });
    const person = personName(rng, gender);
    const field: TitleField = family?.field ?? unit.field;
    const titles = pickTitles(rng, field, edu, birthYear);
    const index = out.length;
    const email = rng.chance(0.6)
      ? `${slugAscii(person.first)}.${slugAscii(person.last)}${index + 1}@example.org`
      : null;
    return {
      index,
      nip,
      name: person.name,
      frontTitle: titles.front,
      backTitle: titles.back,
      status,
      golongan,
      gender,
      birthDate,
      appointment,
      effectiveFrom,
      unitCode: unit.code,
      positionCode,
      isHead,
      supervisorIndex: null,
      email,
      phone: null,
    };
  };

  // Heads, shallowest units first, so that supervisors precede subordinates and small N fills the top.
  const headed = units
    .map((u, i) => [u, i] as const)
    .filter(([u]) => u.headPositionCode)
    .sort((a, b) => a[0].depth - b[0].depth || a[1] - b[1]);
  for (const [u] of headed) {
    if (out.length >= count) break;
    const pos = positions.get(u.headPositionCode!)!;
    const e = make(u, { positionCode: pos.code, type: pos.type, level: pos.level, family: null }, true);
    headIndex.set(u.code, e.index);
    out.push(e);
  }

  // Nearest filled head at or above each unit (units are in pre-order: parents first).
  const nearest = new Map<string, number | null>();
  for (const u of units) {
    const own = headIndex.get(u.code);
    nearest.set(u.code, own ?? (u.parentCode ? (nearest.get(u.parentCode) ?? null) : null));
  }
  for (const e of out) {
    const u = unitByCode.get(e.unitCode)!;
    e.supervisorIndex = u.parentCode ? (nearest.get(u.parentCode) ?? null) : null;
  }

  // Staff.
  const counts = allocate(
    count - out.length,
    units.map((u) => u.staffWeight),
  );
  units.forEach((u, ui) => {
    const n = counts[ui]!;
    if (n === 0) return;
    const pool = poolFor(u);
    const sup = nearest.get(u.code) ?? null;
    for (let k = 0; k < n; k++) {
      const family = pickFamily(rng, pool);
      const e = make(
        u,
        { positionCode: jobCode(family, family.levels[0] ?? null), type: family.type, level: null, family },
        false,
      );
      e.supervisorIndex = sup;
      out.push(e);
    }
  });
  return out;
}
