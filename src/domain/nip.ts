/**
 * NIP (Nomor Induk Pegawai): the 18-digit number of an ASN.
 *
 * PNS layout:  YYYYMMDD (birth) + YYYYMM (TMT CPNS) + sex (1/2) + serial (3).
 * PPPK layout: YYYYMMDD (birth) + YYYY (TMT year) + "2" + batch (1–9) + sex (1/2) + serial (3).
 *
 * The two layouts overlap textually: a PPPK NIP read as PNS has a "month" of 21–29, which is no
 * month, so the layouts are told apart by the 13th digit together with the month it would imply.
 */

export type NipKind = 'PNS' | 'PPPK';
export type Gender = 'L' | 'P';

export interface DecodedNip {
  nip: string;
  kind: NipKind;
  birthDate: string; // yyyy-mm-dd
  /** TMT: yyyy-mm for PNS; yyyy for PPPK (the layout has no month). */
  appointment: string;
  appointmentYear: number;
  gender: Gender;
  /** PPPK only: recruitment batch 1–9. */
  batch?: number;
  serial: number;
}

export type NipProblem =
  | { code: 'nip.empty' }
  | { code: 'nip.notDigits' }
  | { code: 'nip.length'; actual: number }
  | { code: 'nip.scientific' }
  | { code: 'nip.birthDate' }
  | { code: 'nip.appointment' }
  | { code: 'nip.gender' }
  | { code: 'nip.serial' }
  | { code: 'nip.batch' }
  | { code: 'nip.birthFuture' }
  | { code: 'nip.appointmentFuture'; kind: NipKind }
  | { code: 'nip.appointmentBeforeBirth'; kind: NipKind }
  | { code: 'nip.tooYoung'; kind: NipKind; age: number; min: number; basis: string };

/**
 * The youngest an ASN can be at the TMT: a CPNS applicant is at least 18 (PP 11/2017 Pasal 23 ayat (1)
 * huruf a), a PPPK applicant at least 20 (PP 49/2018 Pasal 16 huruf a).
 */
export const MIN_AGE_AT_APPOINTMENT: Record<NipKind, { years: number; basis: string }> = {
  PNS: { years: 18, basis: 'PP 11/2017 Pasal 23 ayat (1) huruf a' },
  PPPK: { years: 20, basis: 'PP 49/2018 Pasal 16 huruf a' },
};

/** Days a TMT may lie ahead of today when a tenant sets nothing: a CPNS batch appointed next month. */
export const DEFAULT_APPOINTMENT_LEAD_DAYS = 31;

/** The tenant's setting `appointmentLeadDays` when it is a whole number 0–366, else the default. */
export const appointmentLeadOf = (setting: unknown) =>
  Number.isInteger(setting) && (setting as number) >= 0 && (setting as number) <= 366
    ? (setting as number)
    : DEFAULT_APPOINTMENT_LEAD_DAYS;

export interface NipDateRules {
  /** Today in the tenant's zone (YYYY-MM-DD): no birth date after it, no TMT after it plus the lead. */
  today?: string;
  /** Days a TMT may lie ahead of today, for appointments being prepared (default 0). */
  appointmentLeadDays?: number;
  /**
   * false: read the digits only, without the date checks — for a NIP already stored, which an edit of
   * the other fields does not change (records kept from before the checks stay editable).
   */
  checkDates?: boolean;
}

const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Whole years from a birth date to a date (both YYYY-MM-DD). */
export function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/**
 * The dates a decoded NIP holds, checked against each other and against today: the birth date not in
 * the future, the TMT not before the birth date, not after today plus the lead, and not before the
 * minimum age. The TMT's first day is compared with today, its last day with the minimum age (a PPPK
 * NIP has the year only), so a real NIP is never refused for what its digits cannot say.
 */
export function nipDateProblem(v: DecodedNip, rules: NipDateRules = {}): NipProblem | null {
  const first = v.kind === 'PPPK' ? `${v.appointment}-01-01` : `${v.appointment}-01`;
  const [ty, tm] = [v.appointmentYear, v.kind === 'PPPK' ? 12 : Number(v.appointment.slice(5, 7))];
  const last = `${ty}-${pad(tm)}-${pad(new Date(Date.UTC(ty, tm, 0)).getUTCDate())}`;
  if (rules.today && v.birthDate > rules.today) return { code: 'nip.birthFuture' };
  if (last < v.birthDate) return { code: 'nip.appointmentBeforeBirth', kind: v.kind };
  if (rules.today && first > addDays(rules.today, Math.max(0, rules.appointmentLeadDays ?? 0)))
    return { code: 'nip.appointmentFuture', kind: v.kind };
  const min = MIN_AGE_AT_APPOINTMENT[v.kind];
  const age = ageOn(v.birthDate, last);
  if (age < min.years) return { code: 'nip.tooYoung', kind: v.kind, age, min: min.years, basis: min.basis };
  return null;
}

export type NipResult = { ok: true; value: DecodedNip } | { ok: false; problem: NipProblem };

function isValidDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Normalises what people type or paste: spaces, dots and dashes between digit groups are dropped. */
export function normalizeNip(raw: string): string {
  return raw.trim().replace(/[\s.-]/g, '');
}

/** True when Excel has turned the NIP into a number in scientific notation, e.g. "1.96711E+17". */
export function looksScientific(raw: string): boolean {
  return /^\d+(?:[.,]\d+)?e\+?\d+$/i.test(raw.trim());
}

export function decodeNip(
  raw: string,
  opts: { minBirthYear?: number; maxYear?: number } & NipDateRules = {},
): NipResult {
  const minBirthYear = opts.minBirthYear ?? 1930;
  const maxYear = opts.maxYear ?? 2100;
  if (raw.trim() === '') return { ok: false, problem: { code: 'nip.empty' } };
  if (looksScientific(raw)) return { ok: false, problem: { code: 'nip.scientific' } };
  const nip = normalizeNip(raw);
  if (!/^\d+$/.test(nip)) return { ok: false, problem: { code: 'nip.notDigits' } };
  if (nip.length !== 18) return { ok: false, problem: { code: 'nip.length', actual: nip.length } };

  const by = Number(nip.slice(0, 4));
  const bm = Number(nip.slice(4, 6));
  const bd = Number(nip.slice(6, 8));
  if (by < minBirthYear || by > maxYear || !isValidDate(by, bm, bd)) {
    return { ok: false, problem: { code: 'nip.birthDate' } };
  }
  const birthDate = `${by}-${pad(bm)}-${pad(bd)}`;
  const ty = Number(nip.slice(8, 12));
  const d13 = Number(nip[12]);
  const d14 = Number(nip[13]);
  const sexDigit = nip[14];
  const serial = Number(nip.slice(15, 18));
  if (sexDigit !== '1' && sexDigit !== '2') return { ok: false, problem: { code: 'nip.gender' } };
  if (serial < 1) return { ok: false, problem: { code: 'nip.serial' } };
  if (ty < minBirthYear || ty > maxYear) return { ok: false, problem: { code: 'nip.appointment' } };
  const gender: Gender = sexDigit === '1' ? 'L' : 'P';
  const checked = (value: DecodedNip): NipResult => {
    const problem = opts.checkDates === false ? null : nipDateProblem(value, opts);
    return problem ? { ok: false, problem } : { ok: true, value };
  };
  // "20" in digits 13–14 is no month; with the PPPK code 2 it is a PPPK NIP whose batch digit is wrong.
  if (d13 === 2 && d14 === 0) return { ok: false, problem: { code: 'nip.batch' } };

  // PPPK: 13th digit is the PPPK code 2 and 14th is a batch 1–9 ("21".."29" cannot be a month).
  if (d13 === 2 && d14 >= 1) {
    return checked({
      nip,
      kind: 'PPPK',
      birthDate,
      appointment: String(ty),
      appointmentYear: ty,
      gender,
      batch: d14,
      serial,
    });
  }
  const tm = d13 * 10 + d14;
  if (tm < 1 || tm > 12) return { ok: false, problem: { code: 'nip.appointment' } };
  return checked({
    nip,
    kind: 'PNS',
    birthDate,
    appointment: `${ty}-${pad(tm)}`,
    appointmentYear: ty,
    gender,
    serial,
  });
}

export interface NipParts {
  birthDate: string; // yyyy-mm-dd
  gender: Gender;
  serial: number;
  kind: NipKind;
  /** PNS: yyyy-mm; PPPK: yyyy */
  appointment: string;
  batch?: number;
}

/** Builds a NIP from its parts (used by the demo generator and tests). */
export function encodeNip(p: NipParts): string {
  const birth = p.birthDate.replace(/-/g, '');
  const sex = p.gender === 'L' ? '1' : '2';
  const serial = pad(p.serial, 3);
  if (p.kind === 'PNS') return `${birth}${p.appointment.replace('-', '')}${sex}${serial}`;
  return `${birth}${p.appointment.slice(0, 4)}2${p.batch ?? 1}${sex}${serial}`;
}

/** Groups a NIP for reading: 19671110 199203 1 001. */
export function formatNip(nip: string): string {
  if (nip.length !== 18) return nip;
  return `${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip[14]} ${nip.slice(15)}`;
}
