import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeJp } from './jp.js';
import { minutesByLocalDay, programmeJpInput } from './jp-programme.js';
import { JP_RULES_2018 } from './jp-rules.js';

const s = (start: string, end: string) => ({ start, end });
const input = (form: string, scheduledJp: number | null, sessions: { start: string; end: string }[]) =>
  programmeJpInput({ form, scope: 'nasional', scheduledJp }, sessions, JP_RULES_2018);
const jp = (form: string, scheduledJp: number | null, sessions: { start: string; end: string }[]) => {
  const o = computeJp(input(form, scheduledJp, sessions), JP_RULES_2018);
  return o.ok ? o.jp : o.code;
};

describe('programme JP input from sessions', () => {
  it('counts every local day a session covers, once', () => {
    const i = input('B7', null, [
      s('2026-03-02T08:00', '2026-03-04T16:00'),
      s('2026-03-03T09:00', '2026-03-03T11:00'),
    ]);
    expect(i.days).toBe(3);
    expect(jp('B7', null, [s('2026-03-02T08:00', '2026-03-04T16:00')])).toBe(15);
  });

  it('a multi-day session gives its hours to each local day it covers', () => {
    const byDay = minutesByLocalDay([s('2026-02-01T20:00', '2026-02-03T02:00')]);
    expect([...byDay.entries()]).toEqual([
      ['2026-02-01', 240],
      ['2026-02-02', 1440],
      ['2026-02-03', 120],
    ]);
    // E-learning capped per day: 4 h → 3, 24 h → 3, 2 h → 2.67; before, all 30 h went to the first day (3 JP).
    expect(jp('C3', null, [s('2026-02-01T20:00', '2026-02-03T02:00')])).toBe(8.67);
  });

  it('a scheduled JP counts at most the sessions’ time', () => {
    // One 2-hour session with a scheduled 30 JP: 120 ÷ 45 = 2.67 JP.
    expect(jp('B3', 30, [s('2026-01-05T09:00', '2026-01-05T11:00')])).toBe(2.67);
    expect(jp('B3', 2, [s('2026-01-05T09:00', '2026-01-05T11:00')])).toBe(2);
    expect(jp('B3', null, [s('2026-01-05T09:00', '2026-01-05T10:30')])).toBe(2);
    // Without sessions the planned JP stands; nothing planned → missing.
    expect(jp('B3', 24, [])).toBe(24);
    expect(jp('B3', null, [])).toBe('missingInput');
  });

  it('semesters follow the rule set’s semester rule', () => {
    expect(input('A1', null, [s('2026-01-05T09:00', '2026-01-05T11:00')]).semesters).toBe(1);
    expect(
      input('A1', null, [
        s('2024-08-01T08:00', '2024-08-01T10:00'),
        s('2026-07-31T08:00', '2026-07-31T10:00'),
      ]).semesters,
    ).toBe(4);
    expect(
      programmeJpInput(
        { form: 'A1', scope: 'nasional', scheduledJp: null },
        [s('2026-01-05T09:00', '2026-12-20T10:00')],
        {
          ...JP_RULES_2018,
          semester: { months: 4, basis: { id: 'x', en: 'x' } },
        },
      ).semesters,
    ).toBe(3);
  });

  it('property: split minutes never exceed the sessions’ time, each day ≤ 24 h, JP ≤ the sessions’ time', () => {
    const base = Date.UTC(2026, 0, 1);
    const iso = (ms: number) => new Date(ms).toISOString().slice(0, 19);
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.integer({ min: 0, max: 60 * 24 * 60 }), fc.integer({ min: 0, max: 4 * 24 * 60 })),
          {
            minLength: 1,
            maxLength: 8,
          },
        ),
        fc.constantFrom('B3', 'C3', 'C9', 'B2', 'C4'),
        fc.option(fc.integer({ min: 1, max: 500 }), { nil: null }),
        (raw, form, scheduled) => {
          const sessions = raw.map(([a, len]) => s(iso(base + a * 60_000), iso(base + (a + len) * 60_000)));
          const byDay = minutesByLocalDay(sessions);
          const total = raw.reduce((acc, [, len]) => acc + len, 0);
          expect([...byDay.values()].reduce((a, m) => a + m, 0)).toBeLessThanOrEqual(total + 1e-6);
          for (const m of byDay.values()) expect(m).toBeLessThanOrEqual(1440);
          const o = computeJp(input(form, scheduled, sessions), JP_RULES_2018);
          if (o.ok) expect(o.jp).toBeLessThanOrEqual(total / 45 + 0.01);
        },
      ),
      { numRuns: 300 },
    );
  });
});
