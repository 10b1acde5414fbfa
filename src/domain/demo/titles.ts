/** Academic titles (gelar) by field of work and education level. */

import type { Field } from './opds.js';
import type { Edu, JobField } from './positions.js';
import type { Rng } from './prng.js';

export type TitleField = Field | JobField;

const S1: Record<TitleField, string[]> = {
  edu: ['S.Pd.'],
  health: ['S.KM.', 'S.KM.', 'S.Kep., Ns.', 'S.Gz.'],
  nurse: ['S.Kep., Ns.'],
  midwife: ['S.Tr.Keb.'],
  doctor: [],
  dentist: [],
  pharma: ['S.Farm., Apt.'],
  eng: ['S.T.'],
  fin: ['S.E.', 'S.E.', 'S.Ak.'],
  law: ['S.H.'],
  it: ['S.Kom.'],
  agri: ['S.P.', 'S.Pt.'],
  fish: ['S.Pi.'],
  gov: ['S.Sos.', 'S.Sos.', 'S.IP.', 'S.STP.', 'S.E.', 'S.H.', 'S.AP.', 'S.Kom.'],
};
const S2: Record<TitleField, string[]> = {
  edu: ['M.Pd.'],
  health: ['M.Kes.'],
  nurse: ['M.Kep.', 'M.Kes.'],
  midwife: ['M.Kes.'],
  doctor: ['M.Kes.'],
  dentist: ['M.Kes.'],
  pharma: ['M.Farm.', 'M.Kes.'],
  eng: ['M.T.'],
  fin: ['M.M.', 'M.Si.', 'M.Ak.'],
  law: ['M.H.'],
  it: ['M.Kom.', 'M.T.'],
  agri: ['M.Si.', 'M.P.'],
  fish: ['M.Si.'],
  gov: ['M.Si.', 'M.Si.', 'M.AP.', 'M.M.', 'M.H.'],
};
const D3: Partial<Record<TitleField, string>> = {
  nurse: 'A.Md.Kep.',
  midwife: 'A.Md.Keb.',
  pharma: 'A.Md.Farm.',
  it: 'A.Md.Kom.',
  fin: 'A.Md.Ak.',
  eng: 'A.Md.T.',
};

export interface Titles {
  front: string | null;
  back: string | null;
}

export function pickTitles(rng: Rng, field: TitleField, edu: Edu, birthYear: number): Titles {
  if (edu === 'SMA') return { front: null, back: null };
  if (edu === 'D3') return { front: null, back: D3[field] ?? 'A.Md.' };
  const fronts: string[] = [];
  const backs: string[] = [];
  if (edu === 'S3') fronts.push('Dr.');
  if (field === 'doctor') fronts.push('dr.');
  else if (field === 'dentist') fronts.push('drg.');
  else if ((field === 'eng' || field === 'agri') && birthYear < 1976 && rng.chance(0.4)) fronts.push('Ir.');
  else backs.push(rng.pick(S1[field]));
  if (edu === 'S2' || edu === 'S3') backs.push(rng.pick(S2[field]));
  return { front: fronts.length ? fronts.join(' ') : null, back: backs.length ? backs.join(', ') : null };
}
