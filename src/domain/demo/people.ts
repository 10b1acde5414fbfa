/** Synthetic personal data: names, dates, golongan. */

import { PNS_GOLONGAN, PPPK_GOLONGAN } from '../golongan.js';
import type { Gender } from '../nip.js';
import type { FunctionalLevel, PositionType } from '../org.js';
import * as N from './names.js';
import type { Edu } from './positions.js';
import type { Rng } from './prng.js';

export function personName(rng: Rng, gender: Gender): { name: string; first: string; last: string } {
  const m = gender === 'L';
  const r = rng.next();
  let parts: string[];
  if (r < 0.55) {
    parts = [rng.pick(m ? N.GIVEN_CHRISTIAN_M : N.GIVEN_CHRISTIAN_F)];
    const x = rng.next();
    if (x < 0.3) parts.push(`${String.fromCharCode(65 + rng.int(0, 25))}.`);
    else if (x < 0.45) parts.push(rng.pick(m ? N.GIVEN_CHRISTIAN_M : N.GIVEN_CHRISTIAN_F));
    parts.push(rng.pick(N.SURNAMES_CHRISTIAN));
  } else if (r < 0.9) {
    parts = [rng.pick(m ? N.GIVEN_MUSLIM_M : N.GIVEN_MUSLIM_F)];
    if (rng.chance(0.4)) parts.push(rng.pick(m ? N.MIDDLE_M : N.MIDDLE_F));
    if (rng.chance(0.85)) parts.push(rng.pick(N.SURNAMES_MUSLIM));
    else if (parts.length === 1) parts.push(rng.pick(m ? N.GIVEN_MUSLIM_M : N.GIVEN_MUSLIM_F));
  } else if (r < 0.95) {
    parts = [rng.pick(m ? N.BUTON_M : N.BUTON_F), rng.pick(m ? N.GIVEN_MUSLIM_M : N.GIVEN_MUSLIM_F)];
  } else {
    // Names from elsewhere in Indonesia: a first name and a second name, no clan name.
    const list = m ? N.MIDDLE_M : N.MIDDLE_F;
    parts = [list[rng.int(0, 9)]!, list[rng.int(10, list.length - 1)]!];
  }
  if (parts[0] === parts[1]) parts.splice(1, 1);
  return { name: parts.join(' '), first: parts[0]!, last: parts[parts.length - 1]! };
}

const pad2 = (n: number) => String(n).padStart(2, '0');

export function randomDate(rng: Rng, year: number): string {
  const month = rng.int(1, 12);
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad2(month)}-${pad2(rng.int(1, days))}`;
}

const TMT_MONTHS = [1, 1, 1, 2, 3, 3, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 12];
export const tmtMonth = (rng: Rng) => rng.pick(TMT_MONTHS);

/** Golongan index (0–16 into PNS_GOLONGAN) at entry by education. */
const ENTRY: Record<Edu, number> = { SMA: 4, D3: 6, S1: 8, S2: 9, S3: 10 };
/** Highest index a pelaksana reaches by regular promotion. */
const PELAKSANA_CAP: Record<Edu, number> = { SMA: 9, D3: 10, S1: 11, S2: 12, S3: 12 };
const LEVEL_RANGE: Record<FunctionalLevel, [number, number]> = {
  pemula: [4, 5],
  terampil: [6, 7],
  mahir: [8, 9],
  penyelia: [10, 11],
  ahli_pertama: [8, 9],
  ahli_muda: [10, 11],
  ahli_madya: [12, 14],
  ahli_utama: [15, 16],
};
const HEAD_RANGE: Partial<Record<PositionType, [number, number]>> = {
  jpt_utama: [15, 16],
  jpt_madya: [14, 15],
  jpt_pratama: [12, 14],
  administrator: [11, 13],
  pengawas: [9, 12],
};

/** PNS golongan from education, years of service and position; CPNS stay at entry. */
export function pnsGolongan(
  edu: Edu,
  years: number,
  type: PositionType,
  level: FunctionalLevel | null,
  cpns: boolean,
): string {
  const entry = ENTRY[edu];
  let idx = cpns ? entry : entry + Math.floor(Math.max(0, years) / 4);
  const range: [number, number] = (level && LEVEL_RANGE[level]) ||
    HEAD_RANGE[type] || [entry, PELAKSANA_CAP[edu]];
  idx = Math.min(Math.max(idx, range[0]), range[1]);
  return PNS_GOLONGAN[idx]!.golongan;
}

const PPPK_BY_LEVEL: Record<FunctionalLevel, number> = {
  pemula: 5,
  terampil: 7,
  mahir: 8,
  penyelia: 9,
  ahli_pertama: 9,
  ahli_muda: 11,
  ahli_madya: 13,
  ahli_utama: 15,
};
const PPPK_BY_EDU: Record<Edu, number> = { SMA: 5, D3: 7, S1: 9, S2: 10, S3: 11 };

/** PPPK golongan (I–XVII) from the functional level, or from education for pelaksana. */
export function pppkGolongan(edu: Edu, level: FunctionalLevel | null): string {
  const n = level ? PPPK_BY_LEVEL[level] : PPPK_BY_EDU[edu];
  return PPPK_GOLONGAN[n - 1]!;
}

export const EDU_ORDER: Edu[] = ['SMA', 'D3', 'S1', 'S2', 'S3'];
