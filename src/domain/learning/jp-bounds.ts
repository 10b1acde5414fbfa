/**
 * Bounds of a JP claim by its own dates: every quantity an employee claims for a certificate
 * (days, daily hours, session dates, semesters, scheduled JP or minutes) must fit the period the
 * certificate covers, and the period must not end after "today" (the tenant's local date).
 *
 * - days ≤ calendar days of the period (taken from the period when not given, for per-day and
 *   daily-cap forms); whole days only.
 * - daily hours: at most one entry per calendar day of the period, each ≤ 24 (computeJp then caps
 *   each day at the form's maximum).
 * - session dates within the period.
 * - semesters ≤ the rule set's semester rule for the period (a started semester counts).
 * - scheduled JP or minutes ≤ 24 clock hours per calendar day of the period.
 * The result is the claim to count (days filled in) or a problem naming the field.
 */
import type { Label } from './forms.js';
import { computeJp, type JpClaim, type JpComputed } from './jp.js';
import { isIsoDate, semesterRuleOf, type JpRuleSet, type JpScope, type SemesterRule } from './jp-rules.js';

export interface ClaimPeriod {
  startsOn: string;
  endsOn: string;
}

export type ClaimField = keyof JpClaim | 'startsOn' | 'endsOn';

export type BoundedClaim = { ok: true; claim: JpClaim } | { ok: false; field: ClaimField; message: Label };

const DAY_MS = 86_400_000;

/** Calendar days from startsOn to endsOn, both counted (1 for a one-day activity). */
export const calendarDays = (p: ClaimPeriod): number =>
  Math.round((Date.parse(`${p.endsOn}T00:00:00Z`) - Date.parse(`${p.startsOn}T00:00:00Z`)) / DAY_MS) + 1;

/**
 * Semesters a period covers by the rule: the calendar months it spans (a started month counts),
 * divided by the semester length in months, rounded up. 1 day → 1; 6 whole months → 1; 4 years → 8.
 */
export function semestersIn(p: ClaimPeriod, rule: SemesterRule): number {
  const [sy, sm, sd] = p.startsOn.split('-').map(Number) as [number, number, number];
  const end = new Date(Date.parse(`${p.endsOn}T00:00:00Z`) + DAY_MS);
  const [ey, em, ed] = [end.getUTCFullYear(), end.getUTCMonth() + 1, end.getUTCDate()];
  const months = (ey - sy) * 12 + (em - sm) + (ed > sd ? 1 : 0);
  return Math.max(1, Math.ceil(months / rule.months));
}

const fail = (field: ClaimField, id: string, en: string): BoundedClaim => ({
  ok: false,
  field,
  message: { id, en },
});

const PER_DAY_KINDS = new Set(['perDay', 'dailyCap']);

/** Checks a claim against its period and today; fills in days from the period where the form needs them. */
export function boundClaim(
  claim: JpClaim,
  period: ClaimPeriod,
  today: string,
  ruleSet: JpRuleSet,
  form: string,
): BoundedClaim {
  if (!isIsoDate(period.startsOn))
    return fail('startsOn', 'Tanggal mulai tidak sah.', 'The start date is not valid.');
  if (!isIsoDate(period.endsOn))
    return fail('endsOn', 'Tanggal selesai tidak sah.', 'The end date is not valid.');
  if (period.endsOn < period.startsOn)
    return fail(
      'endsOn',
      'Tanggal selesai tidak boleh sebelum tanggal mulai.',
      'The end date cannot be before the start date.',
    );
  if (period.endsOn > today)
    return fail(
      'endsOn',
      `Tanggal selesai ${period.endsOn} belum lewat (hari ini ${today}): kegiatan yang belum selesai tidak dapat diakui.`,
      `The end date ${period.endsOn} is after today (${today}): an activity not yet finished cannot be counted.`,
    );
  const span = calendarDays(period);
  const out: JpClaim = { ...claim };
  const rule = ruleSet.rows[form as keyof JpRuleSet['rows']]?.nasional;

  if (out.days === undefined && rule && PER_DAY_KINDS.has(rule.kind) && out.dailyHours === undefined)
    out.days = span;
  if (out.days !== undefined) {
    if (!Number.isInteger(out.days) || out.days < 1)
      return fail(
        'days',
        'Jumlah hari harus bilangan bulat 1 atau lebih (setengah hari dihitung sebagai 1 hari).',
        'Days must be a whole number ≥ 1 (a half day counts as 1 day).',
      );
    if (out.days > span)
      return fail(
        'days',
        `Jumlah hari (${out.days}) melebihi ${span} hari kalender dari ${period.startsOn} sampai ${period.endsOn}.`,
        `Days (${out.days}) exceed the ${span} calendar day(s) from ${period.startsOn} to ${period.endsOn}.`,
      );
  }
  if (out.dailyHours !== undefined) {
    if (out.dailyHours.length > span)
      return fail(
        'dailyHours',
        `Jam per hari diisi untuk ${out.dailyHours.length} hari, padahal periode ${period.startsOn}–${period.endsOn} hanya ${span} hari.`,
        `Hours per day are given for ${out.dailyHours.length} days, but ${period.startsOn}–${period.endsOn} has only ${span} day(s).`,
      );
    if (out.dailyHours.some((h) => !(h >= 0 && h <= 24)))
      return fail('dailyHours', 'Jam per hari harus 0–24.', 'Hours per day must be 0–24.');
  }
  if (out.sessions !== undefined) {
    const outside = out.sessions.find(
      (s) => s.slice(0, 10) < period.startsOn || s.slice(0, 10) > period.endsOn,
    );
    if (outside !== undefined)
      return fail(
        'sessions',
        `Tanggal sesi ${outside} di luar periode sertifikat ${period.startsOn}–${period.endsOn}.`,
        `Session date ${outside} is outside the certificate's period ${period.startsOn}–${period.endsOn}.`,
      );
  }
  if (out.semesters !== undefined) {
    const semRule = semesterRuleOf(ruleSet);
    const max = semestersIn(period, semRule);
    if (out.semesters > max)
      return fail(
        'semesters',
        `Jumlah semester (${out.semesters}) melebihi ${max} semester untuk periode ${period.startsOn}–${period.endsOn} (${semRule.basis.id}).`,
        `Semesters (${out.semesters}) exceed the ${max} semester(s) of ${period.startsOn}–${period.endsOn} (${semRule.basis.en}).`,
      );
  }
  const maxMinutes = span * 24 * 60;
  if (out.scheduledJp !== undefined && out.scheduledJp * ruleSet.minutesPerJp > maxMinutes)
    return fail(
      'scheduledJp',
      `${out.scheduledJp} JP melebihi yang muat dalam ${span} hari (24 jam sehari = ${Math.floor(maxMinutes / ruleSet.minutesPerJp)} JP).`,
      `${out.scheduledJp} JP exceeds what fits in ${span} day(s) (24 hours a day = ${Math.floor(maxMinutes / ruleSet.minutesPerJp)} JP).`,
    );
  if (out.scheduledMinutes !== undefined && out.scheduledMinutes > maxMinutes)
    return fail(
      'scheduledMinutes',
      `${out.scheduledMinutes} menit melebihi ${span} hari × 24 jam.`,
      `${out.scheduledMinutes} minutes exceed ${span} day(s) × 24 hours.`,
    );
  return { ok: true, claim: out };
}

/**
 * Splits a JP total over the calendar years a period covers, by its days in each year (rounded to
 * 2 decimals; the last year takes the remainder so the parts add up to the total).
 */
export function splitJpByYear(p: ClaimPeriod, jp: number): { year: number; jp: number }[] {
  const sy = Number(p.startsOn.slice(0, 4));
  const ey = Number(p.endsOn.slice(0, 4));
  if (sy === ey) return [{ year: sy, jp }];
  const total = calendarDays(p);
  const parts: { year: number; jp: number }[] = [];
  let given = 0;
  for (let y = sy; y <= ey; y++) {
    const from = y === sy ? p.startsOn : `${y}-01-01`;
    const to = y === ey ? p.endsOn : `${y}-12-31`;
    const share =
      y === ey
        ? Math.round((jp - given) * 100) / 100
        : Math.round(((jp * calendarDays({ startsOn: from, endsOn: to })) / total) * 100) / 100;
    given += share;
    parts.push({ year: y, jp: Math.max(0, share) });
  }
  return parts;
}

export type ClaimOutcome = JpComputed | { ok: false; field: ClaimField | 'form' | 'scope'; message: Label };

/**
 * A certificate's JP as verification counts it: the claim bounded by its dates and today, then
 * computeJp by the rule set in effect on its end date. The submission, verification and the web
 * preview all use this, so what one accepts the others accept.
 */
export function countClaim(
  x: { form: string; scope: JpScope; claim: JpClaim } & ClaimPeriod,
  today: string,
  ruleSet: JpRuleSet,
): ClaimOutcome {
  const bounded = boundClaim(x.claim, x, today, ruleSet, x.form);
  if (!bounded.ok) return bounded;
  const outcome = computeJp({ ...bounded.claim, form: x.form, scope: x.scope }, ruleSet);
  if (outcome.ok) return outcome;
  return { ok: false, field: outcome.field ?? 'form', message: outcome.message };
}
