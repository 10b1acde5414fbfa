/**
 * Golongan/ruang of PNS (17 steps, I/a–IV/e, with the BKN-style numeric codes 11–45) and the
 * PPPK golongan I–XVII. The tables are reference data; this module only reads them.
 */

export interface PnsGolongan {
  code: number;
  golongan: string; // e.g. "III/a"
  rank: string; // pangkat, e.g. "Penata Muda"
}

export const PNS_GOLONGAN: readonly PnsGolongan[] = [
  { code: 11, golongan: 'I/a', rank: 'Juru Muda' },
  { code: 12, golongan: 'I/b', rank: 'Juru Muda Tk. I' },
  { code: 13, golongan: 'I/c', rank: 'Juru' },
  { code: 14, golongan: 'I/d', rank: 'Juru Tk. I' },
  { code: 21, golongan: 'II/a', rank: 'Pengatur Muda' },
  { code: 22, golongan: 'II/b', rank: 'Pengatur Muda Tk. I' },
  { code: 23, golongan: 'II/c', rank: 'Pengatur' },
  { code: 24, golongan: 'II/d', rank: 'Pengatur Tk. I' },
  { code: 31, golongan: 'III/a', rank: 'Penata Muda' },
  { code: 32, golongan: 'III/b', rank: 'Penata Muda Tk. I' },
  { code: 33, golongan: 'III/c', rank: 'Penata' },
  { code: 34, golongan: 'III/d', rank: 'Penata Tk. I' },
  { code: 41, golongan: 'IV/a', rank: 'Pembina' },
  { code: 42, golongan: 'IV/b', rank: 'Pembina Tk. I' },
  { code: 43, golongan: 'IV/c', rank: 'Pembina Utama Muda' },
  { code: 44, golongan: 'IV/d', rank: 'Pembina Utama Madya' },
  { code: 45, golongan: 'IV/e', rank: 'Pembina Utama' },
];

export const PPPK_GOLONGAN: readonly string[] = [
  'I',
  'II',
  'III',
  'IV',
  'V',
  'VI',
  'VII',
  'VIII',
  'IX',
  'X',
  'XI',
  'XII',
  'XIII',
  'XIV',
  'XV',
  'XVI',
  'XVII',
];

export type EmployeeStatus = 'PNS' | 'CPNS' | 'PPPK';
export const EMPLOYEE_STATUSES: readonly EmployeeStatus[] = ['PNS', 'CPNS', 'PPPK'];

const ROMAN_SUB = /^(IV|III|II|I)\s*[/\-. ]?\s*([a-e])$/i;

/**
 * Reads a golongan as offices write it ("III/a", "iii-a", "3a", "III a", "31") and returns the
 * canonical PNS form, or null when it is not one.
 */
export function parsePnsGolongan(raw: string): PnsGolongan | null {
  const s = raw.trim();
  if (s === '') return null;
  if (/^\d{2}$/.test(s)) return PNS_GOLONGAN.find((g) => g.code === Number(s)) ?? null;
  const arabic = /^([1-4])\s*[/\-. ]?\s*([a-e])$/i.exec(s);
  if (arabic) {
    const roman = ['I', 'II', 'III', 'IV'][Number(arabic[1]) - 1];
    return PNS_GOLONGAN.find((g) => g.golongan === `${roman}/${arabic[2]!.toLowerCase()}`) ?? null;
  }
  const m = ROMAN_SUB.exec(s);
  if (!m) return null;
  const key = `${m[1]!.toUpperCase()}/${m[2]!.toLowerCase()}`;
  return PNS_GOLONGAN.find((g) => g.golongan === key) ?? null;
}

/** Reads a PPPK golongan ("IX", "ix", "9") and returns the canonical Roman numeral, or null. */
export function parsePppkGolongan(raw: string): string | null {
  const s = raw.trim().toUpperCase();
  if (/^\d{1,2}$/.test(s)) return PPPK_GOLONGAN[Number(s) - 1] ?? null;
  return PPPK_GOLONGAN.includes(s) ? s : null;
}

/** Canonical golongan for an employee of a given status, or null when it does not fit the status. */
export function parseGolongan(raw: string, status: EmployeeStatus): string | null {
  if (status === 'PPPK') return parsePppkGolongan(raw);
  return parsePnsGolongan(raw)?.golongan ?? null;
}

/** "III/a — Penata Muda" for PNS; "IX (PPPK)" for PPPK. */
export function describeGolongan(golongan: string | null | undefined): string {
  if (!golongan) return '—';
  const pns = PNS_GOLONGAN.find((g) => g.golongan === golongan);
  if (pns) return `${pns.golongan} — ${pns.rank}`;
  if (PPPK_GOLONGAN.includes(golongan)) return `${golongan} (PPPK)`;
  return golongan;
}

/** Order of a golongan for comparisons (PNS 11–45, PPPK 1–17 in a separate scale). */
export function golonganRank(golongan: string): number {
  const pns = PNS_GOLONGAN.find((g) => g.golongan === golongan);
  if (pns) return pns.code;
  const i = PPPK_GOLONGAN.indexOf(golongan);
  return i >= 0 ? i + 1 : -1;
}
