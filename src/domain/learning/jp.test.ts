import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEVELOPMENT_FORMS,
  FORM_CODES,
  formByCode,
  formBySiasnId,
  formsOfPath,
  isFormCode,
} from './forms.js';
import {
  JP_RULES_2018,
  formsWithoutRule,
  parseJpRuleSet,
  ruleSetOn,
  type JpRuleSet,
  type JpScope,
} from './jp-rules.js';
import {
  annualJpStatus,
  computeJp,
  jpClaimFrom,
  roundJp,
  type JpComputed,
  type JpInput,
  type JpOutcome,
} from './jp.js';

const R = JP_RULES_2018;

function ok(outcome: JpOutcome): JpComputed {
  if (!outcome.ok) throw new Error(`expected JP, got ${outcome.code}: ${outcome.message.en}`);
  return outcome;
}
const jpOf = (input: JpInput, set: JpRuleSet = R) => ok(computeJp(input, set)).jp;

describe('development forms', () => {
  it('lists every form of domain.md §1.2 once, on its path, with both labels', () => {
    expect(DEVELOPMENT_FORMS.map((f) => f.code)).toEqual([...FORM_CODES]);
    expect(formsOfPath('pendidikan').map((f) => f.code)).toEqual(['A1', 'A2']);
    expect(formsOfPath('pelatihan_klasikal')).toHaveLength(12);
    expect(formsOfPath('pelatihan_nonklasikal')).toHaveLength(13);
    for (const f of DEVELOPMENT_FORMS) {
      expect(f.label.id.length).toBeGreaterThan(3);
      expect(f.label.en.length).toBeGreaterThan(3);
    }
  });

  it('treats magang as nonklasikal and maps the SIASN ids one to one', () => {
    expect(formByCode('C11')).toMatchObject({ path: 'pelatihan_nonklasikal', siasnJenisDiklatId: 10 });
    const ids = DEVELOPMENT_FORMS.flatMap((f) =>
      f.siasnJenisDiklatId === null ? [] : [f.siasnJenisDiklatId],
    );
    expect([...ids].sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(formBySiasnId(24)?.code).toBe('C12');
    expect(formBySiasnId(13)?.code).toBe('B12');
    expect(isFormCode('B7')).toBe(true);
    expect(isFormCode('B13')).toBe(false);
    expect(isFormCode(7)).toBe(false);
  });
});

describe('the 2018 rule set, row by row (domain.md §1.3)', () => {
  const scheduledForms = ['B2', 'B3', 'B4', 'B5', 'B8', 'B9', 'B10', 'C4', 'C6'];

  it('A1/A2: 1 semester = 20 JP, national and international', () => {
    for (const form of ['A1', 'A2'])
      for (const scope of ['nasional', 'internasional'] as const) {
        expect(jpOf({ form, scope, semesters: 1 })).toBe(20);
        expect(jpOf({ form, scope, semesters: 4 })).toBe(80);
      }
  });

  it('B1 struktural kepemimpinan: as scheduled, no international row', () => {
    expect(jpOf({ form: 'B1', scope: 'nasional', scheduledJp: 153 })).toBe(153);
    const intl = computeJp({ form: 'B1', scope: 'internasional', scheduledJp: 153 }, R);
    expect(intl).toMatchObject({ ok: false, code: 'noInternationalRule', field: 'scope' });
    if (!intl.ok) expect(intl.message.id).toContain('tidak punya konversi JP internasional');
  });

  it.each(scheduledForms)('%s: as scheduled JP, +20%% international', (form) => {
    expect(jpOf({ form, scope: 'nasional', scheduledJp: 30 })).toBe(30);
    expect(jpOf({ form, scope: 'internasional', scheduledJp: 30 })).toBe(36);
    expect(jpOf({ form, scope: 'nasional', scheduledMinutes: 1350 })).toBe(30);
    expect(jpOf({ form, scope: 'internasional', scheduledMinutes: 1350 })).toBe(36);
  });

  it.each([
    ['B6', 4, 6],
    ['B7', 5, 7],
    ['B11', 4, 6],
  ])('%s: 1 day = %i JP national, %i JP international', (form, nas, intl) => {
    expect(jpOf({ form, scope: 'nasional', days: 1 })).toBe(nas);
    expect(jpOf({ form, scope: 'internasional', days: 1 })).toBe(intl);
    expect(jpOf({ form, scope: 'nasional', days: 3 })).toBe(3 * nas);
    expect(jpOf({ form, scope: 'internasional', days: 3 })).toBe(3 * intl);
  });

  it.each(['C1', 'C2'])('%s: 2 JP per session national, 4 JP international, max 2 per month', (form) => {
    expect(jpOf({ form, scope: 'nasional', sessions: ['2026-03-02'] })).toBe(2);
    expect(jpOf({ form, scope: 'internasional', sessions: ['2026-03-02'] })).toBe(4);
    expect(jpOf({ form, scope: 'nasional', sessions: ['2026-03-02', '2026-03-09'] })).toBe(4);
    expect(jpOf({ form, scope: 'internasional', sessions: ['2026-03-02', '2026-03-09'] })).toBe(8);
  });

  it('C3 e-learning: max 3 JP per day national, 4 international', () => {
    expect(jpOf({ form: 'C3', scope: 'nasional', dailyHours: [1.5] })).toBe(2);
    expect(jpOf({ form: 'C3', scope: 'nasional', dailyHours: [10] })).toBe(3);
    expect(jpOf({ form: 'C3', scope: 'internasional', dailyHours: [10] })).toBe(4);
    expect(jpOf({ form: 'C3', scope: 'internasional', dailyHours: [2.25] })).toBe(3);
  });

  it.each([
    ['C5', 20, 24],
    ['C7', 10, 20],
    ['C8', 20, 24],
    ['C11', 20, 24],
  ])('%s: one event = %i JP national, %i JP international', (form, nas, intl) => {
    expect(jpOf({ form, scope: 'nasional', days: 30 })).toBe(nas);
    expect(jpOf({ form, scope: 'internasional', days: 30 })).toBe(intl);
    expect(jpOf({ form, scope: 'nasional' })).toBe(nas);
  });

  it.each(['C9', 'C10'])('%s: max 2 JP per day national, +20%% international', (form) => {
    expect(jpOf({ form, scope: 'nasional', dailyHours: [0.75] })).toBe(1);
    expect(jpOf({ form, scope: 'nasional', dailyHours: [3] })).toBe(2);
    expect(jpOf({ form, scope: 'internasional', dailyHours: [3] })).toBe(2.4);
    expect(jpOf({ form, scope: 'internasional', dailyHours: [0.75, 3] })).toBe(3.6);
  });

  it('B12, C12, C13 (no row in the source): as scheduled, marked unverified', () => {
    for (const form of ['B12', 'C12', 'C13']) {
      const r = ok(computeJp({ form, scope: 'nasional', scheduledJp: 8 }, R));
      expect(r.jp).toBe(8);
      expect(r.ruleRef).toMatchObject({ kind: 'asScheduled', unverified: true });
      expect(ok(computeJp({ form, scope: 'internasional', scheduledJp: 8 }, R)).ruleRef.unverified).toBe(
        true,
      );
    }
    expect(ok(computeJp({ form: 'B7', scope: 'nasional', days: 1 }, R)).ruleRef.unverified).toBe(false);
  });

  it('has a row for every form', () => {
    expect(formsWithoutRule(R)).toEqual([]);
    expect(R).toMatchObject({ annualTargetJp: 20, minutesPerJp: 45 });
  });
});

describe('caps', () => {
  it('coaching: 3 sessions in one month count 2', () => {
    const r = ok(
      computeJp({ form: 'C1', scope: 'nasional', sessions: ['2026-05-04', '2026-05-11', '2026-05-18'] }, R),
    );
    expect(r).toMatchObject({ jp: 4, capped: true });
    expect(r.basis.id).toContain('3 sesi');
    expect(r.basis.id).toContain('dihitung 2');
    expect(r.basis.en).toContain('max 2 per month');
  });

  it('coaching: sessions across two months are capped per calendar month', () => {
    const sessions = ['2026-05-04', '2026-05-11', '2026-05-18', '2026-05-31', '2026-06-01', '2026-06-15'];
    expect(ok(computeJp({ form: 'C2', scope: 'nasional', sessions }, R))).toMatchObject({
      jp: 8,
      capped: true,
    });
    expect(jpOf({ form: 'C2', scope: 'internasional', sessions })).toBe(16);
    // Same month number in another year is another month.
    expect(
      jpOf({ form: 'C1', scope: 'nasional', sessions: ['2025-05-04', '2026-05-04', '2026-05-05'] }),
    ).toBe(6);
    // A timestamp counts by its date part.
    expect(
      jpOf({ form: 'C1', scope: 'nasional', sessions: ['2026-05-04T09:00:00+09:00', '2026-06-04'] }),
    ).toBe(4);
  });

  it('e-learning: 5 hours claimed in one day count 3 JP', () => {
    const r = ok(computeJp({ form: 'C3', scope: 'nasional', dailyHours: [5] }, R));
    expect(r).toMatchObject({ jp: 3, capped: true });
    expect(r.basis.id).toContain('maks. 3 JP per hari');
    expect(ok(computeJp({ form: 'C3', scope: 'nasional', dailyHours: [1] }, R))).toMatchObject({
      jp: 1.33,
      capped: false,
    });
  });

  it('e-learning with a stated total: capped at days × the daily maximum', () => {
    expect(ok(computeJp({ form: 'C3', scope: 'nasional', scheduledJp: 20, days: 10 }, R))).toMatchObject({
      jp: 20,
      capped: false,
    });
    expect(ok(computeJp({ form: 'C3', scope: 'nasional', scheduledJp: 20, days: 5 }, R))).toMatchObject({
      jp: 15,
      capped: true,
    });
    expect(jpOf({ form: 'C3', scope: 'internasional', scheduledJp: 20, days: 5 })).toBe(20);
    expect(computeJp({ form: 'C3', scope: 'nasional', scheduledJp: 20 }, R)).toMatchObject({
      ok: false,
      code: 'missingInput',
      field: 'days',
    });
  });

  it('belajar mandiri international: the daily cap, then +20%', () => {
    const r = ok(computeJp({ form: 'C9', scope: 'internasional', dailyHours: [4, 4, 1.5] }, R));
    // 5.33 + 5.33 + 2 JP claimed, 2 + 2 + 2 counted, × 1.2
    expect(r.jp).toBe(7.2);
    expect(r.capped).toBe(true);
    expect(r.ruleRef).toMatchObject({ kind: 'dailyCap', upliftPct: 20 });
    expect(r.basis.id).toContain('+ 20%');
  });
});

describe('explanations, rounding and problems', () => {
  it('explains in both languages', () => {
    const r = ok(computeJp({ form: 'B7', scope: 'nasional', days: 2 }, R));
    expect(r.basis).toEqual({
      id: '2 hari × 5 JP (Workshop/lokakarya, nasional)',
      en: '2 day(s) × 5 JP (Workshop, national)',
    });
    expect(r.ruleRef).toEqual({
      ruleSet: 'PERLAN-10-2018',
      form: 'B7',
      scope: 'nasional',
      kind: 'perDay',
      upliftPct: 0,
      unverified: false,
    });
  });

  it('rounds once, at the end, to 2 decimals half up', () => {
    const r = ok(computeJp({ form: 'B3', scope: 'nasional', scheduledMinutes: 100 }, R));
    expect(r.jp).toBe(2.22);
    expect(r.basis.id).toContain('100 menit ÷ 45 = 2,22 JP');
    // 100/45 × 1.2 = 2.666… → 2.67 (not 2.22 × 1.2 = 2.66)
    expect(jpOf({ form: 'B3', scope: 'internasional', scheduledMinutes: 100 })).toBe(2.67);
    expect(roundJp(1.005)).toBe(1.01);
    expect(roundJp(-3)).toBe(0);
    expect(roundJp(Number.NaN)).toBe(0);
  });

  it('prefers the given JP over minutes', () => {
    expect(jpOf({ form: 'B3', scope: 'nasional', scheduledJp: 10, scheduledMinutes: 45 })).toBe(10);
  });

  it('names the missing or wrong input', () => {
    const cases: [JpInput, string, string][] = [
      [{ form: 'B7', scope: 'nasional' }, 'missingInput', 'days'],
      [{ form: 'A1', scope: 'nasional' }, 'missingInput', 'semesters'],
      [{ form: 'B3', scope: 'nasional' }, 'missingInput', 'scheduledJp'],
      [{ form: 'C1', scope: 'nasional' }, 'missingInput', 'sessions'],
      [{ form: 'C9', scope: 'nasional' }, 'missingInput', 'dailyHours'],
      [{ form: 'B7', scope: 'nasional', days: -1 }, 'invalidInput', 'days'],
      [{ form: 'B7', scope: 'nasional', days: 1.5 }, 'invalidInput', 'days'],
      [{ form: 'B3', scope: 'nasional', scheduledJp: -2 }, 'invalidInput', 'scheduledJp'],
      [{ form: 'B3', scope: 'nasional', scheduledMinutes: Number.NaN }, 'invalidInput', 'scheduledMinutes'],
      [{ form: 'C1', scope: 'nasional', sessions: ['2026-02-30'] }, 'invalidInput', 'sessions'],
      [{ form: 'C3', scope: 'nasional', dailyHours: [25] }, 'invalidInput', 'dailyHours'],
      [{ form: 'X9', scope: 'nasional' }, 'unknownForm', 'form'],
      [{ form: 'B7', scope: 'lokal' as JpScope, days: 1 }, 'invalidInput', 'scope'],
    ];
    for (const [input, code, field] of cases)
      expect(computeJp(input, R)).toMatchObject({ ok: false, code, field });
  });

  it('answers noRule for a form the rule set does not cover', () => {
    const { B7: _dropped, ...rows } = R.rows;
    const partial: JpRuleSet = { ...R, code: 'PARTIAL', rows };
    expect(computeJp({ form: 'B7', scope: 'nasional', days: 1 }, partial)).toMatchObject({
      ok: false,
      code: 'noRule',
    });
    expect(formsWithoutRule(partial)).toEqual(['B7']);
  });

  it('uses the rule set given (rules are data): another target and minutes per JP', () => {
    const set: JpRuleSet = {
      ...R,
      code: 'NEW',
      minutesPerJp: 60,
      rows: { ...R.rows, B7: { nasional: { kind: 'perDay', jp: 6 }, internasional: null } },
    };
    expect(jpOf({ form: 'B7', scope: 'nasional', days: 2 }, set)).toBe(12);
    expect(jpOf({ form: 'B3', scope: 'nasional', scheduledMinutes: 120 }, set)).toBe(2);
    expect(computeJp({ form: 'B7', scope: 'internasional', days: 2 }, set)).toMatchObject({
      ok: false,
      code: 'noInternationalRule',
    });
  });
});

describe('rule sets as data', () => {
  it('round-trips through JSON and validates', () => {
    const parsed = parseJpRuleSet(JSON.parse(JSON.stringify(R)));
    expect(parsed).toEqual({ ok: true, value: R });
  });

  it('names every problem in a broken rule set', () => {
    const broken = {
      code: '',
      regulation: 'X',
      effectiveFrom: '2024-02-30',
      annualTargetJp: 0,
      minutesPerJp: 45,
      rows: {
        B6: { nasional: { kind: 'perDay', jp: -1 }, internasional: { kind: 'perDay', jp: 6 } },
        B7: { nasional: { kind: 'uplift', pct: 20 }, internasional: null },
        C1: { nasional: { kind: 'perSession', jp: 2, maxSessionsPerMonth: 1.5 }, internasional: null },
        C3: { nasional: { kind: 'perWeek' }, internasional: null },
        Z1: { nasional: { kind: 'asScheduled' }, internasional: null },
        C4: 'as scheduled',
      },
    };
    const parsed = parseJpRuleSet(broken);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map((p) => p.path).sort()).toEqual(
      [
        'annualTargetJp',
        'code',
        'effectiveFrom',
        'rows.B6.nasional.jp',
        'rows.B7.nasional',
        'rows.C1.nasional.maxSessionsPerMonth',
        'rows.C3.nasional.kind',
        'rows.C4',
        'rows.Z1',
      ].sort(),
    );
    for (const p of parsed.problems) expect(p.message.id).not.toBe('');
    expect(parseJpRuleSet(null)).toMatchObject({ ok: false });
    expect(parseJpRuleSet({ ...R, rows: [] })).toMatchObject({ ok: false });
  });

  it('the shipped rule set cannot be changed by accident', () => {
    expect(Object.isFrozen(R.rows.B6)).toBe(true);
    expect(() => {
      (R.rows.B6!.nasional as { jp: number }).jp = 99;
    }).toThrow(TypeError);
    expect(jpOf({ form: 'B6', scope: 'nasional', days: 1 })).toBe(4);
  });

  it('any valid rule set survives JSON and parsing unchanged', () => {
    const ruleArb = fc.oneof(
      fc.record({ kind: fc.constant('perSemester' as const), jp: fc.integer({ min: 0, max: 40 }) }),
      fc.record({ kind: fc.constant('asScheduled' as const) }),
      fc.record({ kind: fc.constant('perDay' as const), jp: fc.integer({ min: 0, max: 24 }) }),
      fc.record({
        kind: fc.constant('perSession' as const),
        jp: fc.integer({ min: 0, max: 10 }),
        maxSessionsPerMonth: fc.integer({ min: 1, max: 31 }),
      }),
      fc.record({ kind: fc.constant('perEvent' as const), jp: fc.integer({ min: 0, max: 100 }) }),
      fc.record({ kind: fc.constant('dailyCap' as const), maxJpPerDay: fc.integer({ min: 0, max: 24 }) }),
    );
    const intlArb = fc.oneof(
      ruleArb,
      fc.constant(null),
      fc.record({ kind: fc.constant('uplift' as const), pct: fc.integer({ min: 0, max: 100 }) }),
    );
    const setArb = fc.record({
      code: fc.constant('X'),
      regulation: fc.constant('Peraturan X'),
      effectiveFrom: dateArb,
      annualTargetJp: fc.integer({ min: 1, max: 1000 }),
      minutesPerJp: fc.integer({ min: 1, max: 600 }),
      rows: fc.dictionary(
        fc.constantFrom(...FORM_CODES),
        fc.record({ nasional: ruleArb, internasional: intlArb }),
      ),
    });
    fc.assert(
      fc.property(setArb, (set) => {
        expect(parseJpRuleSet(JSON.parse(JSON.stringify(set)))).toEqual({ ok: true, value: set });
      }),
    );
  });

  it('ruleSetOn picks the latest set not after the date (property)', () => {
    fc.assert(
      fc.property(fc.array(dateArb, { maxLength: 6 }), dateArb, (froms, day) => {
        const sets = froms.map((effectiveFrom, i) => ({ code: `S${i}`, effectiveFrom }));
        const picked = ruleSetOn(sets, day);
        const eligible = froms.filter((f) => f <= day);
        if (eligible.length === 0) expect(picked).toBeUndefined();
        else expect(picked?.effectiveFrom).toBe(eligible.sort().at(-1));
      }),
    );
  });

  it('picks the set in effect on a date', () => {
    const later: JpRuleSet = { ...R, code: 'LATER', effectiveFrom: '2026-07-01' };
    const sets = [later, R];
    expect(ruleSetOn(sets, '2026-06-30')?.code).toBe('PERLAN-10-2018');
    expect(ruleSetOn(sets, '2026-07-01')?.code).toBe('LATER');
    expect(ruleSetOn(sets, '2027-01-01T03:00:00Z')?.code).toBe('LATER');
    expect(ruleSetOn(sets, '2017-12-31')).toBeUndefined();
    expect(ruleSetOn([], '2026-01-01')).toBeUndefined();
  });
});

describe('claims for certificates earned elsewhere', () => {
  it('keeps the known fields of the right type only', () => {
    expect(
      jpClaimFrom({
        scheduledJp: 20,
        days: 5,
        sessions: ['2026-01-02'],
        dailyHours: [1, 2],
        note: 'x',
        semesters: '2',
      }),
    ).toEqual({ scheduledJp: 20, days: 5, sessions: ['2026-01-02'], dailyHours: [1, 2] });
    expect(jpClaimFrom({ sessions: ['2026-01-02', 3], dailyHours: 'a' })).toEqual({});
    expect(jpClaimFrom(null)).toBeNull();
    expect(jpClaimFrom([1])).toBeNull();
    const claim = jpClaimFrom({ scheduledJp: 20, days: 5 })!;
    expect(jpOf({ form: 'C3', scope: 'nasional', ...claim })).toBe(15);
  });
});

describe('annual status', () => {
  it('compares the year total with the target', () => {
    expect(annualJpStatus(12.5, 20)).toEqual({
      total: 12.5,
      target: 20,
      remaining: 7.5,
      compliant: false,
      share: 0.625,
    });
    expect(annualJpStatus(20, 20)).toMatchObject({ remaining: 0, compliant: true, share: 1 });
    expect(annualJpStatus(35, 20)).toMatchObject({ total: 35, remaining: 0, compliant: true, share: 1 });
    expect(annualJpStatus(0, 20)).toMatchObject({ remaining: 20, compliant: false, share: 0 });
    expect(annualJpStatus(19.999, 20)).toMatchObject({ total: 20, compliant: true });
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const dateArb = fc
  .date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const inputArb: fc.Arbitrary<Omit<JpInput, 'scope'>> = fc.record(
  {
    form: fc.constantFrom(...FORM_CODES),
    days: fc.integer({ min: 0, max: 60 }),
    scheduledMinutes: fc.double({ min: 0, max: 20_000, noNaN: true }),
    scheduledJp: fc.double({ min: 0, max: 400, noNaN: true }),
    sessions: fc.array(dateArb, { maxLength: 12 }),
    semesters: fc.integer({ min: 0, max: 12 }),
    dailyHours: fc.array(fc.double({ min: 0, max: 24, noNaN: true }), { maxLength: 20 }),
  },
  { requiredKeys: ['form'] },
);
const scopeArb = fc.constantFrom<JpScope>('nasional', 'internasional');

describe('JP properties', () => {
  it('JP is never negative, never above 2 decimals', () => {
    fc.assert(
      fc.property(inputArb, scopeArb, (input, scope) => {
        const r = computeJp({ ...input, scope }, R);
        if (r.ok) {
          expect(r.jp).toBeGreaterThanOrEqual(0);
          expect(Math.abs(r.jp * 100 - Math.round(r.jp * 100))).toBeLessThan(1e-6);
        }
      }),
    );
  });

  it('international ≥ national for the same input where both exist', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const nas = computeJp({ ...input, scope: 'nasional' }, R);
        const intl = computeJp({ ...input, scope: 'internasional' }, R);
        if (nas.ok && intl.ok) expect(intl.jp).toBeGreaterThanOrEqual(nas.jp);
        if (!nas.ok) expect(intl.ok).toBe(false);
      }),
    );
  });

  it('adding a session, a day or a claimed day never lowers JP', () => {
    fc.assert(
      fc.property(
        inputArb,
        scopeArb,
        dateArb,
        fc.double({ min: 0, max: 24, noNaN: true }),
        (input, scope, d, h) => {
          const base = computeJp({ ...input, scope }, R);
          if (!base.ok) return;
          const more: JpInput[] = [
            { ...input, scope, sessions: [...(input.sessions ?? []), d] },
            { ...input, scope, days: (input.days ?? 0) + 1 },
          ];
          // Another claimed day (only where days are claimed: a first claim replaces a stated total).
          if (input.dailyHours) more.push({ ...input, scope, dailyHours: [...input.dailyHours, h] });
          for (const m of more) {
            const r = computeJp(m, R);
            if (r.ok) expect(r.jp).toBeGreaterThanOrEqual(base.jp);
          }
        },
      ),
    );
  });

  it('"+20%" rows: international = national × 1.2, rounded once', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('B2', 'B3', 'B4', 'B5', 'B8', 'B9', 'B10', 'C4', 'C6', 'C9', 'C10'),
        fc.double({ min: 0, max: 400, noNaN: true }),
        fc.array(fc.double({ min: 0, max: 24, noNaN: true }), { maxLength: 10 }),
        (form, scheduledJp, dailyHours) => {
          const input = { form, scheduledJp, dailyHours, days: dailyHours.length };
          const nas = ok(computeJp({ ...input, scope: 'nasional' }, R));
          const intl = ok(computeJp({ ...input, scope: 'internasional' }, R));
          expect(intl.ruleRef.upliftPct).toBe(20);
          const exact =
            form === 'C9' || form === 'C10'
              ? dailyHours.reduce((a, h) => a + Math.min((h * 60) / 45, 2), 0)
              : scheduledJp;
          expect(intl.jp).toBe(roundJp(exact * 1.2));
          expect(Math.abs(intl.jp - nas.jp * 1.2)).toBeLessThanOrEqual(0.013);
        },
      ),
    );
  });

  it('per-day forms are linear in days; per-event forms ignore them', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('B6', 'B7', 'B11', 'C5', 'C7', 'C8', 'C11'),
        scopeArb,
        fc.integer({ min: 0, max: 365 }),
        (form, scope, days) => {
          const one = jpOf({ form, scope, days: 1 });
          const many = jpOf({ form, scope, days });
          if (['B6', 'B7', 'B11'].includes(form)) expect(many).toBe(one * days);
          else expect(many).toBe(one);
        },
      ),
    );
  });

  it('caps are never exceeded', () => {
    fc.assert(
      fc.property(inputArb, scopeArb, (input, scope) => {
        const r = computeJp({ ...input, scope }, R);
        if (!r.ok) return;
        const factor = 1 + r.ruleRef.upliftPct / 100;
        if (r.ruleRef.kind === 'perSession') {
          const months = new Set((input.sessions ?? []).map((s) => s.slice(0, 7))).size;
          const perSession = scope === 'nasional' ? 2 : 4;
          expect(r.jp).toBeLessThanOrEqual(months * 2 * perSession);
          expect(r.jp).toBeLessThanOrEqual((input.sessions ?? []).length * perSession);
        }
        if (r.ruleRef.kind === 'dailyCap') {
          const rule = R.rows[r.ruleRef.form]![scope]!;
          const max =
            rule.kind === 'dailyCap'
              ? rule.maxJpPerDay
              : (R.rows[r.ruleRef.form]!.nasional as { maxJpPerDay: number }).maxJpPerDay;
          const days = input.dailyHours !== undefined ? input.dailyHours.length : (input.days ?? 0);
          expect(r.jp).toBeLessThanOrEqual(roundJp(days * max * factor) + 1e-9);
        }
      }),
    );
  });
});
