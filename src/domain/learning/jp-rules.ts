/**
 * JP (jam pelajaran) conversion rules as VERSIONED DATA (domain.md §1.3 and §9).
 *
 * A rule set is what one regulation says: the annual target, minutes per JP and, per development
 * form (forms.ts), the rule for a national and an international activity. Rule sets are stored as
 * JSON (jsonb) and seeded from JP_RULES_2018 below; a new regulation is a new rule set with a later
 * `effectiveFrom`, old learning records keep the JP they were given. Everything here is plain JSON
 * (no Dates, no functions), and parseJpRuleSet() checks a stored value before use.
 */
import { FORM_CODES, isFormCode, type FormCode, type Label } from './forms.js';

export const JP_SCOPES = ['nasional', 'internasional'] as const;
export type JpScope = (typeof JP_SCOPES)[number];

/**
 * One conversion rule.
 * - perSemester: `jp` per semester (tugas/izin belajar).
 * - asScheduled: the JP the programme schedules (given JP, or scheduled minutes ÷ minutesPerJp).
 * - perDay: `jp` per calendar day (seminar 4, workshop 5 …).
 * - perSession: `jp` per session, at most `maxSessionsPerMonth` sessions counted per calendar month
 *   (coaching, mentoring).
 * - perEvent: `jp` flat for the whole activity (detasering 20, patok banding 10 …).
 * - dailyCap: the hours claimed, converted to JP, at most `maxJpPerDay` per day (e-learning,
 *   belajar mandiri, komunitas belajar).
 * - uplift: international only — the row's national rule, plus `pct` percent ("JP + 20%").
 * `unverified` marks a rule that no source shows (see C12); the UI may say so.
 * An international rule of `null` means the form has no international variant (B1).
 */
export type JpRule =
  | { kind: 'perSemester'; jp: number; unverified?: boolean }
  | { kind: 'asScheduled'; unverified?: boolean }
  | { kind: 'perDay'; jp: number; unverified?: boolean }
  | { kind: 'perSession'; jp: number; maxSessionsPerMonth: number; unverified?: boolean }
  | { kind: 'perEvent'; jp: number; unverified?: boolean }
  | { kind: 'dailyCap'; maxJpPerDay: number; unverified?: boolean }
  | { kind: 'uplift'; pct: number; unverified?: boolean };

export type JpRuleKind = JpRule['kind'];
export const JP_RULE_KINDS: readonly JpRuleKind[] = [
  'perSemester',
  'asScheduled',
  'perDay',
  'perSession',
  'perEvent',
  'dailyCap',
  'uplift',
];

export interface JpRuleRow {
  nasional: JpRule;
  /** null: no international variant ("-" in the table). */
  internasional: JpRule | null;
}

export interface JpRuleSet {
  /** Stable code, e.g. "PERLAN-10-2018". */
  code: string;
  /** The regulation, as people cite it. */
  regulation: string;
  /** ISO date (YYYY-MM-DD) from which the set applies. */
  effectiveFrom: string;
  /** Minimum JP per employee per year (PP 11/2017 Pasal 203(4): 20). */
  annualTargetJp: number;
  /** Minutes per JP (45). */
  minutesPerJp: number;
  rows: Partial<Record<FormCode, JpRuleRow>>;
  /** How semesters are counted from a study period (absent: DEFAULT_SEMESTER_RULE). */
  semester?: SemesterRule;
}

/**
 * How many semesters a study period (tugas/izin belajar) may claim: one per started `months`
 * calendar months of the period, with the basis people cite.
 */
export interface SemesterRule {
  months: number;
  basis: Label;
}

export const DEFAULT_SEMESTER_RULE: SemesterRule = {
  months: 6,
  basis: {
    id: '1 semester = 6 bulan kalender; semester yang sudah dimulai dihitung (tahun akademik 2 semester)',
    en: '1 semester = 6 calendar months; a started semester counts (2 semesters per academic year)',
  },
};

export const semesterRuleOf = (set: Pick<JpRuleSet, 'semester'>): SemesterRule =>
  set.semester ?? DEFAULT_SEMESTER_RULE;

const scheduled: JpRuleRow = {
  nasional: { kind: 'asScheduled' },
  internasional: { kind: 'uplift', pct: 20 },
};
const perDay = (nasional: number, internasional: number): JpRuleRow => ({
  nasional: { kind: 'perDay', jp: nasional },
  internasional: { kind: 'perDay', jp: internasional },
});
const perEvent = (nasional: number, internasional: number): JpRuleRow => ({
  nasional: { kind: 'perEvent', jp: nasional },
  internasional: { kind: 'perEvent', jp: internasional },
});
const perSession: JpRuleRow = {
  nasional: { kind: 'perSession', jp: 2, maxSessionsPerMonth: 2 },
  internasional: { kind: 'perSession', jp: 4, maxSessionsPerMonth: 2 },
};
const semester: JpRuleRow = {
  nasional: { kind: 'perSemester', jp: 20 },
  internasional: { kind: 'perSemester', jp: 20 },
};
/** Forms without a row in the source: JP as scheduled, marked unverified (see C12 below). */
const scheduledUnverified: JpRuleRow = {
  nasional: { kind: 'asScheduled', unverified: true },
  internasional: { kind: 'uplift', pct: 20, unverified: true },
};

/**
 * Perlan 10/2018 as adapted by BPS (Lampiran Surat Sestama BPS B-031/BPS/2600/02/2019), row by
 * row from domain.md §1.3. The BPS copy is an agency adaptation [V-weak]: check every cell against
 * the Perlan 10/2018 lampiran before go-live.
 *
 * B12, C12 and C13 have no row in the source. Decision: they count JP AS SCHEDULED (the JP the
 * organiser plans, or scheduled minutes ÷ 45), +20 % internationally, marked `unverified`. As data,
 * a tenant can replace them with a newer rule set without a code change.
 */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

export const JP_RULES_2018: JpRuleSet = deepFreeze({
  code: 'PERLAN-10-2018',
  regulation: 'Perlan 10/2018 (adaptasi BPS B-031/BPS/2600/02/2019)',
  effectiveFrom: '2018-01-01',
  annualTargetJp: 20,
  minutesPerJp: 45,
  rows: {
    A1: semester,
    A2: semester,
    B1: { nasional: { kind: 'asScheduled' }, internasional: null },
    B2: scheduled,
    B3: scheduled,
    B4: scheduled,
    B5: scheduled,
    B6: perDay(4, 6),
    B7: perDay(5, 7),
    B8: scheduled,
    B9: scheduled,
    B10: scheduled,
    B11: perDay(4, 6),
    B12: scheduledUnverified,
    C1: perSession,
    C2: perSession,
    C3: {
      nasional: { kind: 'dailyCap', maxJpPerDay: 3 },
      internasional: { kind: 'dailyCap', maxJpPerDay: 4 },
    },
    C4: scheduled,
    C5: perEvent(20, 24),
    C6: scheduled,
    C7: perEvent(10, 20),
    C8: perEvent(20, 24),
    C9: { nasional: { kind: 'dailyCap', maxJpPerDay: 2 }, internasional: { kind: 'uplift', pct: 20 } },
    C10: { nasional: { kind: 'dailyCap', maxJpPerDay: 2 }, internasional: { kind: 'uplift', pct: 20 } },
    C11: perEvent(20, 24),
    C12: scheduledUnverified,
    C13: scheduledUnverified,
  },
  semester: DEFAULT_SEMESTER_RULE,
} satisfies JpRuleSet);

/** All rule sets Asah ships with (the seed). */
export const BUILT_IN_JP_RULE_SETS: readonly JpRuleSet[] = [JP_RULES_2018];

/**
 * The rule set in effect on `date` (ISO date or timestamp; the first 10 characters are used):
 * the one with the latest effectiveFrom on or before it; undefined when none applies yet.
 */
export function ruleSetOn<T extends Pick<JpRuleSet, 'effectiveFrom'>>(
  sets: readonly T[],
  date: string,
): T | undefined {
  const day = date.slice(0, 10);
  let best: T | undefined;
  for (const s of sets) {
    if (s.effectiveFrom <= day && (!best || s.effectiveFrom > best.effectiveFrom)) best = s;
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// Validation of a stored (JSON) rule set

export interface JpRuleSetProblem {
  /** Where, e.g. "rows.B6.internasional.jp". */
  path: string;
  message: Label;
}

export type ParsedJpRuleSet = { ok: true; value: JpRuleSet } | { ok: false; problems: JpRuleSetProblem[] };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/**
 * Checks an unknown value (e.g. a jsonb column, or an admin's upload) and returns a typed rule set
 * or every problem found. No zod: src/domain does not use it.
 */
export function parseJpRuleSet(input: unknown): ParsedJpRuleSet {
  const problems: JpRuleSetProblem[] = [];
  const bad = (path: string, id: string, en: string) => problems.push({ path, message: { id, en } });

  if (!isRecord(input)) {
    bad('', 'Aturan JP harus berupa objek.', 'A JP rule set must be an object.');
    return { ok: false, problems };
  }
  const text = (key: string): string => {
    const v = input[key];
    if (typeof v !== 'string' || v.trim() === '') {
      bad(key, `${key} wajib diisi (teks).`, `${key} is required (text).`);
      return '';
    }
    return v;
  };
  const positiveInt = (key: string, max: number): number => {
    const v = input[key];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > max) {
      bad(key, `${key} harus bilangan bulat 1–${max}.`, `${key} must be a whole number 1–${max}.`);
      return 0;
    }
    return v;
  };

  const code = text('code');
  const regulation = text('regulation');
  const effectiveFrom = text('effectiveFrom');
  if (effectiveFrom && !isIsoDate(effectiveFrom))
    bad(
      'effectiveFrom',
      'effectiveFrom harus tanggal YYYY-MM-DD.',
      'effectiveFrom must be a YYYY-MM-DD date.',
    );
  const annualTargetJp = positiveInt('annualTargetJp', 1000);
  const minutesPerJp = positiveInt('minutesPerJp', 600);

  const rows: Partial<Record<FormCode, JpRuleRow>> = {};
  const rawRows = input.rows;
  if (!isRecord(rawRows)) {
    bad('rows', 'rows wajib berupa objek per kode bentuk.', 'rows must be an object keyed by form code.');
  } else {
    for (const [form, rawRow] of Object.entries(rawRows)) {
      const at = `rows.${form}`;
      if (!isFormCode(form)) {
        bad(at, `Kode bentuk "${form}" tidak dikenal.`, `Unknown form code "${form}".`);
        continue;
      }
      if (!isRecord(rawRow)) {
        bad(at, 'Baris aturan harus berupa objek.', 'A rule row must be an object.');
        continue;
      }
      const nasional = parseRule(rawRow.nasional, `${at}.nasional`, bad);
      if (nasional?.kind === 'uplift')
        bad(
          `${at}.nasional`,
          'Tambahan persen hanya untuk internasional.',
          'A percentage uplift is for international rules only.',
        );
      let internasional: JpRule | null = null;
      if (rawRow.internasional !== null) {
        internasional = parseRule(rawRow.internasional, `${at}.internasional`, bad);
      }
      if (nasional && (rawRow.internasional === null || internasional))
        rows[form] = { nasional, internasional };
    }
  }
  let semester: SemesterRule | undefined;
  const rawSem = input.semester;
  if (rawSem !== undefined) {
    const basis = isRecord(rawSem) && isRecord(rawSem.basis) ? rawSem.basis : null;
    if (
      !isRecord(rawSem) ||
      typeof rawSem.months !== 'number' ||
      !Number.isInteger(rawSem.months) ||
      rawSem.months < 1 ||
      rawSem.months > 12 ||
      !basis ||
      typeof basis.id !== 'string' ||
      typeof basis.en !== 'string'
    )
      bad(
        'semester',
        'semester harus berupa { months: 1–12, basis: { id, en } }.',
        'semester must be { months: 1–12, basis: { id, en } }.',
      );
    else semester = { months: rawSem.months, basis: { id: basis.id as string, en: basis.en as string } };
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      code,
      regulation,
      effectiveFrom,
      annualTargetJp,
      minutesPerJp,
      rows,
      ...(semester ? { semester } : {}),
    },
  };
}

function parseRule(
  raw: unknown,
  at: string,
  bad: (path: string, id: string, en: string) => void,
): JpRule | null {
  if (!isRecord(raw) || typeof raw.kind !== 'string') {
    bad(at, 'Aturan harus berupa objek dengan kind.', 'A rule must be an object with a kind.');
    return null;
  }
  const before = { n: 0 };
  const num = (key: string, min: number, max: number, integer = false): number => {
    const v = raw[key];
    if (
      typeof v !== 'number' ||
      !Number.isFinite(v) ||
      v < min ||
      v > max ||
      (integer && !Number.isInteger(v))
    ) {
      before.n++;
      bad(
        `${at}.${key}`,
        `${key} harus angka ${integer ? 'bulat ' : ''}${min}–${max}.`,
        `${key} must be a ${integer ? 'whole ' : ''}number ${min}–${max}.`,
      );
      return 0;
    }
    return v;
  };
  const flag = raw.unverified === true ? { unverified: true } : {};
  if (raw.unverified !== undefined && typeof raw.unverified !== 'boolean') {
    bad(`${at}.unverified`, 'unverified harus true/false.', 'unverified must be true/false.');
    return null;
  }
  let rule: JpRule;
  switch (raw.kind) {
    case 'perSemester':
      rule = { kind: 'perSemester', jp: num('jp', 0, 1000), ...flag };
      break;
    case 'asScheduled':
      rule = { kind: 'asScheduled', ...flag };
      break;
    case 'perDay':
      rule = { kind: 'perDay', jp: num('jp', 0, 24), ...flag };
      break;
    case 'perSession':
      rule = {
        kind: 'perSession',
        jp: num('jp', 0, 100),
        maxSessionsPerMonth: num('maxSessionsPerMonth', 1, 31, true),
        ...flag,
      };
      break;
    case 'perEvent':
      rule = { kind: 'perEvent', jp: num('jp', 0, 1000), ...flag };
      break;
    case 'dailyCap':
      rule = { kind: 'dailyCap', maxJpPerDay: num('maxJpPerDay', 0, 24), ...flag };
      break;
    case 'uplift':
      rule = { kind: 'uplift', pct: num('pct', 0, 1000), ...flag };
      break;
    default:
      bad(
        `${at}.kind`,
        `Jenis aturan "${raw.kind}" tidak dikenal (${JP_RULE_KINDS.join(', ')}).`,
        `Unknown rule kind "${raw.kind}" (${JP_RULE_KINDS.join(', ')}).`,
      );
      return null;
  }
  return before.n > 0 ? null : rule;
}

/** Form codes that the rule set has no row for (the UI can warn; computeJp answers "noRule"). */
export const formsWithoutRule = (set: JpRuleSet): FormCode[] => FORM_CODES.filter((c) => !set.rows[c]);
