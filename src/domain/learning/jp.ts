/**
 * The JP calculator: how many JP one learning activity counts, by the rule set in effect
 * (jp-rules.ts), with an explanation in Bahasa Indonesia and English.
 *
 * Rounding (one rule everywhere): the exact value is computed first (minutes ÷ 45 is NOT rounded
 * or floored on the way), uplifts and caps applied, and only the final JP is rounded to 2 decimals,
 * half up (e.g. 100 minutes = 2.22 JP; 2.22… + 20 % = 2.67 JP). JP is never negative.
 *
 * Inputs: `days` are calendar days of the activity; `sessions` are the LOCAL dates (YYYY-MM-DD, in
 * the tenant's time zone — the caller converts timestamps first) of coaching/mentoring sessions;
 * `dailyHours` are clock hours claimed per day for e-learning and self-study (converted to JP by
 * minutesPerJp, then capped per day). For "as scheduled" forms `scheduledJp` wins over
 * `scheduledMinutes` when both are given. A daily-cap form may also be given a stated total
 * (`scheduledJp` or `scheduledMinutes`, e.g. from an e-learning certificate) with `days`: the
 * total is capped at days × the daily maximum.
 */
import { formByCode, isFormCode, type FormCode, type Label } from './forms.js';
import type { JpRule, JpRuleKind, JpRuleSet, JpScope } from './jp-rules.js';
import { isIsoDate } from './jp-rules.js';

export interface JpInput {
  form: string;
  scope: JpScope;
  /** Calendar days of the activity (per-day forms; daily-cap forms with a stated total). */
  days?: number;
  scheduledMinutes?: number;
  scheduledJp?: number;
  /** Local dates of the sessions (coaching, mentoring), YYYY-MM-DD; a timestamp's date part is used. */
  sessions?: readonly string[];
  /** Semesters (tugas belajar, izin belajar). */
  semesters?: number;
  /** Clock hours claimed per day (e-learning, belajar mandiri, komunitas belajar). */
  dailyHours?: readonly number[];
}

export interface JpRuleRef {
  ruleSet: string;
  form: FormCode;
  scope: JpScope;
  /** The rule applied (for an uplift: the national rule it lifts). */
  kind: JpRuleKind;
  upliftPct: number;
  unverified: boolean;
}

export interface JpComputed {
  ok: true;
  jp: number;
  basis: Label;
  /** True when a cap (per day, per month) lowered the count. */
  capped: boolean;
  ruleRef: JpRuleRef;
}

export type JpProblemCode =
  'unknownForm' | 'noRule' | 'noInternationalRule' | 'missingInput' | 'invalidInput';

export interface JpProblem {
  ok: false;
  code: JpProblemCode;
  /** The input field at fault, when one is. */
  field?: keyof JpInput;
  message: Label;
}

export type JpOutcome = JpComputed | JpProblem;

/** Rounds to 2 decimals, half up, robust against binary noise (1.005 → 1.01). */
export function roundJp(value: number): number {
  if (!Number.isFinite(value) || value <= 0) return 0;
  return Math.round(Number((value * 100).toPrecision(12))) / 100;
}

/** A number as Indonesians write it (decimal comma), at most 2 decimals. */
const nId = (n: number) => String(roundJp(n)).replace('.', ',');
const nEn = (n: number) => String(roundJp(n));

const scopeLabel: Record<JpScope, Label> = {
  nasional: { id: 'nasional', en: 'national' },
  internasional: { id: 'internasional', en: 'international' },
};

const problem = (code: JpProblemCode, id: string, en: string, field?: keyof JpInput): JpProblem =>
  field ? { ok: false, code, field, message: { id, en } } : { ok: false, code, message: { id, en } };

const missing = (field: keyof JpInput, id: string, en: string) =>
  problem('missingInput', `Data kurang: ${id}.`, `Missing input: ${en}.`, field);

const isNonNegative = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

function checkInput(input: JpInput): JpProblem | null {
  const invalid = (field: keyof JpInput, id: string, en: string) => problem('invalidInput', id, en, field);
  if (input.days !== undefined && !(Number.isInteger(input.days) && input.days >= 0 && input.days <= 3660))
    return invalid(
      'days',
      'Jumlah hari harus bilangan bulat 0 atau lebih.',
      'Days must be a whole number ≥ 0.',
    );
  if (input.scheduledMinutes !== undefined && !isNonNegative(input.scheduledMinutes))
    return invalid(
      'scheduledMinutes',
      'Menit terjadwal harus angka 0 atau lebih.',
      'Scheduled minutes must be a number ≥ 0.',
    );
  if (input.scheduledJp !== undefined && !isNonNegative(input.scheduledJp))
    return invalid(
      'scheduledJp',
      'JP terjadwal harus angka 0 atau lebih.',
      'Scheduled JP must be a number ≥ 0.',
    );
  if (input.semesters !== undefined && !isNonNegative(input.semesters))
    return invalid(
      'semesters',
      'Jumlah semester harus angka 0 atau lebih.',
      'Semesters must be a number ≥ 0.',
    );
  if (input.sessions !== undefined) {
    for (const s of input.sessions)
      if (typeof s !== 'string' || !isIsoDate(s.slice(0, 10)))
        return invalid(
          'sessions',
          `Tanggal sesi "${String(s)}" tidak sah.`,
          `Session date "${String(s)}" is not valid.`,
        );
  }
  if (input.dailyHours !== undefined) {
    for (const h of input.dailyHours)
      if (!isNonNegative(h) || h > 24)
        return invalid('dailyHours', 'Jam per hari harus 0–24.', 'Hours per day must be 0–24.');
  }
  return null;
}

interface Raw {
  jp: number;
  capped: boolean;
  basis: Label;
}

/** JP of one activity by the given rule set. */
export function computeJp(input: JpInput, ruleSet: JpRuleSet): JpOutcome {
  if (!isFormCode(input.form))
    return problem(
      'unknownForm',
      `Bentuk "${input.form}" tidak dikenal.`,
      `Unknown form "${input.form}".`,
      'form',
    );
  const form = input.form;
  const row = ruleSet.rows[form];
  const formLabel = formByCode(form)!.label;
  if (!row)
    return problem(
      'noRule',
      `Aturan ${ruleSet.code} tidak memuat konversi JP untuk ${formLabel.id}.`,
      `Rule set ${ruleSet.code} has no JP conversion for ${formLabel.en}.`,
      'form',
    );
  if (input.scope !== 'nasional' && input.scope !== 'internasional')
    return problem(
      'invalidInput',
      'Cakupan harus nasional atau internasional.',
      'Scope must be national or international.',
      'scope',
    );
  const bad = checkInput(input);
  if (bad) return bad;

  let rule: JpRule | null = input.scope === 'nasional' ? row.nasional : row.internasional;
  if (!rule)
    return problem(
      'noInternationalRule',
      `${formLabel.id} tidak punya konversi JP internasional.`,
      `${formLabel.en} has no international JP conversion.`,
      'scope',
    );
  let upliftPct = 0;
  let unverified = rule.unverified === true;
  if (rule.kind === 'uplift') {
    upliftPct = rule.pct;
    rule = row.nasional;
    unverified ||= rule.unverified === true;
    if (rule.kind === 'uplift')
      return problem(
        'noRule',
        'Aturan nasional tidak boleh berupa tambahan persen.',
        'The national rule cannot be an uplift.',
        'form',
      );
  }

  const raw = computeRaw(rule, input, ruleSet.minutesPerJp);
  if (!raw.ok) return raw;
  const label = {
    id: `${formLabel.id}, ${scopeLabel[input.scope].id}`,
    en: `${formLabel.en}, ${scopeLabel[input.scope].en}`,
  };
  let jp = raw.jp;
  let basis = raw.basis;
  if (upliftPct > 0) {
    jp = raw.jp * (1 + upliftPct / 100);
    basis = {
      id: `${basis.id} + ${nId(upliftPct)}% = ${nId(jp)} JP`,
      en: `${basis.en} + ${nEn(upliftPct)}% = ${nEn(jp)} JP`,
    };
  }
  return {
    ok: true,
    jp: roundJp(jp),
    capped: raw.capped,
    basis: { id: `${basis.id} (${label.id})`, en: `${basis.en} (${label.en})` },
    ruleRef: { ruleSet: ruleSet.code, form, scope: input.scope, kind: rule.kind, upliftPct, unverified },
  };
}

type RawOutcome = ({ ok: true } & Raw) | JpProblem;

function computeRaw(
  rule: Exclude<JpRule, { kind: 'uplift' }>,
  input: JpInput,
  minutesPerJp: number,
): RawOutcome {
  switch (rule.kind) {
    case 'perSemester': {
      if (input.semesters === undefined)
        return missing('semesters', 'jumlah semester', 'number of semesters');
      const jp = input.semesters * rule.jp;
      return {
        ok: true,
        jp,
        capped: false,
        basis: {
          id: `${nId(input.semesters)} semester × ${nId(rule.jp)} JP`,
          en: `${nEn(input.semesters)} semester(s) × ${nEn(rule.jp)} JP`,
        },
      };
    }
    case 'asScheduled': {
      const total = scheduledTotal(input, minutesPerJp);
      if (!total) return missing('scheduledJp', 'JP atau menit terjadwal', 'scheduled JP or minutes');
      return { ok: true, jp: total.jp, capped: false, basis: total.basis };
    }
    case 'perDay': {
      if (input.days === undefined) return missing('days', 'jumlah hari', 'number of days');
      return {
        ok: true,
        jp: input.days * rule.jp,
        capped: false,
        basis: {
          id: `${input.days} hari × ${nId(rule.jp)} JP`,
          en: `${input.days} day(s) × ${nEn(rule.jp)} JP`,
        },
      };
    }
    case 'perEvent':
      return {
        ok: true,
        jp: rule.jp,
        capped: false,
        basis: { id: `1 kegiatan = ${nId(rule.jp)} JP`, en: `1 activity = ${nEn(rule.jp)} JP` },
      };
    case 'perSession': {
      if (input.sessions === undefined) return missing('sessions', 'tanggal sesi', 'session dates');
      const perMonth = new Map<string, number>();
      for (const s of input.sessions) perMonth.set(s.slice(0, 7), (perMonth.get(s.slice(0, 7)) ?? 0) + 1);
      let counted = 0;
      for (const n of perMonth.values()) counted += Math.min(n, rule.maxSessionsPerMonth);
      const total = input.sessions.length;
      const capped = counted < total;
      const jp = counted * rule.jp;
      const months = perMonth.size;
      return {
        ok: true,
        jp,
        capped,
        basis: capped
          ? {
              id: `${total} sesi dalam ${months} bulan, dihitung ${counted} (maks. ${rule.maxSessionsPerMonth} sesi per bulan) × ${nId(rule.jp)} JP = ${nId(jp)} JP`,
              en: `${total} sessions in ${months} month(s), ${counted} counted (max ${rule.maxSessionsPerMonth} per month) × ${nEn(rule.jp)} JP = ${nEn(jp)} JP`,
            }
          : {
              id: `${counted} sesi × ${nId(rule.jp)} JP`,
              en: `${counted} session(s) × ${nEn(rule.jp)} JP`,
            },
      };
    }
    case 'dailyCap': {
      const perJp = 60 / minutesPerJp;
      if (input.dailyHours !== undefined) {
        let jp = 0;
        let claimed = 0;
        for (const h of input.dailyHours) {
          claimed += h * perJp;
          jp += Math.min(h * perJp, rule.maxJpPerDay);
        }
        const capped = jp < claimed;
        const days = input.dailyHours.length;
        return {
          ok: true,
          jp,
          capped,
          basis: capped
            ? {
                id: `${days} hari, diklaim ${nId(claimed)} JP, maks. ${nId(rule.maxJpPerDay)} JP per hari = ${nId(jp)} JP`,
                en: `${days} day(s), ${nEn(claimed)} JP claimed, max ${nEn(rule.maxJpPerDay)} JP per day = ${nEn(jp)} JP`,
              }
            : {
                id: `${days} hari, ${nId(jp)} JP (maks. ${nId(rule.maxJpPerDay)} JP per hari)`,
                en: `${days} day(s), ${nEn(jp)} JP (max ${nEn(rule.maxJpPerDay)} JP per day)`,
              },
        };
      }
      const total = scheduledTotal(input, minutesPerJp);
      if (!total) return missing('dailyHours', 'jam per hari', 'hours per day');
      if (input.days === undefined) return missing('days', 'jumlah hari', 'number of days');
      const cap = input.days * rule.maxJpPerDay;
      const capped = total.jp > cap;
      const jp = Math.min(total.jp, cap);
      return {
        ok: true,
        jp,
        capped,
        basis: {
          id: `${total.basis.id}, maks. ${input.days} hari × ${nId(rule.maxJpPerDay)} JP = ${nId(cap)} JP${capped ? ` → ${nId(jp)} JP` : ''}`,
          en: `${total.basis.en}, max ${input.days} day(s) × ${nEn(rule.maxJpPerDay)} JP = ${nEn(cap)} JP${capped ? ` → ${nEn(jp)} JP` : ''}`,
        },
      };
    }
  }
}

function scheduledTotal(input: JpInput, minutesPerJp: number): { jp: number; basis: Label } | null {
  if (input.scheduledJp !== undefined)
    return {
      jp: input.scheduledJp,
      basis: {
        id: `${nId(input.scheduledJp)} JP sesuai jadwal`,
        en: `${nEn(input.scheduledJp)} JP as scheduled`,
      },
    };
  if (input.scheduledMinutes !== undefined) {
    const jp = input.scheduledMinutes / minutesPerJp;
    return {
      jp,
      basis: {
        id: `${input.scheduledMinutes} menit ÷ ${minutesPerJp} = ${nId(jp)} JP`,
        en: `${input.scheduledMinutes} minutes ÷ ${minutesPerJp} = ${nEn(jp)} JP`,
      },
    };
  }
  return null;
}

export interface AnnualJpStatus {
  total: number;
  target: number;
  /** JP still needed (0 when compliant). */
  remaining: number;
  compliant: boolean;
  /** Share of the target reached, 0–1 (capped at 1; 1 when the target is 0), 4 decimals. */
  share: number;
}

/** An employee's year against the target (20 JP by PP 11/2017 Pasal 203(4), from the rule set). */
export function annualJpStatus(totalJp: number, targetJp: number): AnnualJpStatus {
  const total = roundJp(totalJp);
  const target = Math.max(0, targetJp);
  const share = target > 0 ? Math.min(1, total / target) : 1;
  return {
    total,
    target,
    remaining: roundJp(target - total),
    compliant: total >= target,
    share: Math.round(share * 10_000) / 10_000,
  };
}

/** The parts of a JP input an employee states for a certificate earned elsewhere (jsonb `claim`). */
export type JpClaim = Omit<JpInput, 'form' | 'scope'>;

const CLAIM_NUMBERS = ['days', 'scheduledMinutes', 'scheduledJp', 'semesters'] as const;

/**
 * Reads a stored claim (unknown JSON) into JP input fields, keeping only known keys of the right
 * type; computeJp then checks ranges and says what is missing. Returns null when it is not an object.
 */
export function jpClaimFrom(value: unknown): JpClaim | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const v = value as Record<string, unknown>;
  const claim: JpClaim = {};
  for (const key of CLAIM_NUMBERS) {
    const n = v[key];
    if (typeof n === 'number') claim[key] = n;
  }
  if (Array.isArray(v.sessions) && v.sessions.every((s) => typeof s === 'string'))
    claim.sessions = v.sessions as string[];
  if (Array.isArray(v.dailyHours) && v.dailyHours.every((h) => typeof h === 'number'))
    claim.dailyHours = v.dailyHours as number[];
  return claim;
}

/** A JP basis as stored with a record: the count explained, then the regulation it follows. */
export const citingRegulation = (basis: Label, regulation: string): Label => ({
  id: `${basis.id} — ${regulation}`,
  en: `${basis.en} — ${regulation}`,
});
