import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundClaim, calendarDays, semestersIn, splitJpByYear } from './jp-bounds.js';
import { computeJp, type JpClaim } from './jp.js';
import { DEFAULT_SEMESTER_RULE, JP_RULES_2018, parseJpRuleSet } from './jp-rules.js';

const today = '2026-12-02';
const period = (startsOn: string, endsOn: string) => ({ startsOn, endsOn });
const count = (form: string, claim: JpClaim, p: { startsOn: string; endsOn: string }) => {
  const b = boundClaim(claim, p, today, JP_RULES_2018, form);
  if (!b.ok) return b;
  return computeJp({ ...b.claim, form, scope: 'nasional' }, JP_RULES_2018);
};

describe('claim bounds by the certificate dates', () => {
  it('refuses each inflated claim the audit saw, naming the field', () => {
    const oneDay = period('2026-05-04', '2026-05-04');
    expect(boundClaim({ days: 5 }, oneDay, today, JP_RULES_2018, 'B6')).toMatchObject({
      ok: false,
      field: 'days',
    });
    expect(
      boundClaim(
        { dailyHours: [3, 3, 3, 3, 3] },
        period('2026-05-04', '2026-05-05'),
        today,
        JP_RULES_2018,
        'C3',
      ),
    ).toMatchObject({ ok: false, field: 'dailyHours' });
    expect(
      boundClaim(
        { sessions: ['2026-01-10'] },
        period('2026-05-01', '2026-05-31'),
        today,
        JP_RULES_2018,
        'C1',
      ),
    ).toMatchObject({ ok: false, field: 'sessions' });
    expect(
      boundClaim({ semesters: 20 }, period('2026-01-01', '2026-01-31'), today, JP_RULES_2018, 'A1'),
    ).toMatchObject({ ok: false, field: 'semesters' });
    expect(boundClaim({ scheduledJp: 100 }, oneDay, today, JP_RULES_2018, 'B3')).toMatchObject({
      ok: false,
      field: 'scheduledJp',
    });
    const future = boundClaim({}, period('2027-01-02', '2027-01-03'), today, JP_RULES_2018, 'B6');
    expect(future).toMatchObject({ ok: false, field: 'endsOn' });
    if (!future.ok) expect(future.message.id).toMatch(/belum lewat/);
  });

  it('takes days from the dates when not given; a half day is refused with a clear message', () => {
    expect(count('B6', {}, period('2026-05-04', '2026-05-05'))).toMatchObject({ ok: true, jp: 8 });
    const half = boundClaim({ days: 0.5 }, period('2026-05-04', '2026-05-04'), today, JP_RULES_2018, 'B6');
    expect(half).toMatchObject({ ok: false, field: 'days' });
    expect(count('B6', { days: 1 }, period('2026-05-04', '2026-05-04'))).toMatchObject({ ok: true, jp: 4 });
  });

  it('semesters: one per started 6 calendar months', () => {
    const r = DEFAULT_SEMESTER_RULE;
    expect(semestersIn(period('2026-01-01', '2026-01-31'), r)).toBe(1);
    expect(semestersIn(period('2026-01-01', '2026-06-30'), r)).toBe(1);
    expect(semestersIn(period('2026-01-01', '2026-07-01'), r)).toBe(2);
    expect(semestersIn(period('2022-08-01', '2026-07-31'), r)).toBe(8);
    expect(semestersIn(period('2022-08-15', '2026-08-14'), r)).toBe(8);
  });

  it('the semester rule is data of the rule set and survives parsing', () => {
    const parsed = parseJpRuleSet(JSON.parse(JSON.stringify(JP_RULES_2018)));
    expect(parsed.ok && parsed.value.semester).toEqual(DEFAULT_SEMESTER_RULE);
    const bad = parseJpRuleSet({ ...JSON.parse(JSON.stringify(JP_RULES_2018)), semester: { months: 0 } });
    expect(bad.ok).toBe(false);
  });

  it('splits a multi-year period over its years by days, adding up to the total', () => {
    expect(splitJpByYear(period('2026-03-01', '2026-05-01'), 20)).toEqual([{ year: 2026, jp: 20 }]);
    const parts = splitJpByYear(period('2024-07-01', '2026-06-30'), 80);
    expect(parts.map((p) => p.year)).toEqual([2024, 2025, 2026]);
    expect(parts.reduce((a, p) => a + p.jp, 0)).toBeCloseTo(80, 6);
    expect(parts[1]!.jp).toBeGreaterThan(parts[0]!.jp);
  });
});

const isoDay = (n: number) => new Date(Date.UTC(2020, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
const arbPeriod = fc
  .tuple(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 800 }))
  .map(([s, len]) => period(isoDay(s), isoDay(s + len)));
const FORMS = Object.keys(JP_RULES_2018.rows);

describe('property: no claim yields more JP than its dates allow', () => {
  it('accepted claims fit their period, and their JP fits 24 hours a day (or the flat/semester rule)', () => {
    fc.assert(
      fc.property(
        arbPeriod,
        fc.constantFrom(...FORMS),
        fc.record(
          {
            days: fc.integer({ min: 0, max: 1000 }),
            scheduledJp: fc.double({ min: 0, max: 5000, noNaN: true }),
            semesters: fc.integer({ min: 1, max: 20 }),
            sessions: fc.array(fc.integer({ min: 0, max: 3000 }).map(isoDay), { maxLength: 40 }),
            dailyHours: fc.array(fc.double({ min: 0, max: 24, noNaN: true }), { maxLength: 900 }),
          },
          { requiredKeys: [] },
        ),
        (p, form, claim) => {
          if (p.endsOn > today) return;
          const span = calendarDays(p);
          const b = boundClaim(claim, p, today, JP_RULES_2018, form);
          if (!b.ok) return;
          const c = b.claim;
          if (c.days !== undefined) expect(c.days).toBeLessThanOrEqual(span);
          if (c.dailyHours) expect(c.dailyHours.length).toBeLessThanOrEqual(span);
          for (const s of c.sessions ?? []) expect(s >= p.startsOn && s <= p.endsOn).toBe(true);
          if (c.semesters !== undefined)
            expect(c.semesters).toBeLessThanOrEqual(semestersIn(p, DEFAULT_SEMESTER_RULE));
          const out = computeJp({ ...c, form, scope: 'nasional' }, JP_RULES_2018);
          if (!out.ok) return;
          const rule = JP_RULES_2018.rows[form as 'B6']!.nasional;
          const byHours = (span * 24 * 60) / JP_RULES_2018.minutesPerJp;
          const allowed =
            rule.kind === 'perSemester'
              ? semestersIn(p, DEFAULT_SEMESTER_RULE) * rule.jp
              : rule.kind === 'perEvent'
                ? rule.jp
                : rule.kind === 'dailyCap'
                  ? span * rule.maxJpPerDay
                  : rule.kind === 'perDay'
                    ? span * rule.jp
                    : rule.kind === 'perSession'
                      ? span * rule.jp
                      : byHours;
          expect(out.jp).toBeLessThanOrEqual(allowed + 0.01);
        },
      ),
      { numRuns: 400 },
    );
  });
});
