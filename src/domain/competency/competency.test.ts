import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gaps, jpm, jpmBand, JPM_BANDS, nineBox, type Requirement } from './gaps.js';
import { DEFAULT_RULE, reconcile, ASSESSMENT_SOURCES, type Assessment } from './reconcile.js';

const a = (id: string, source: Assessment['source'], level: number, assessedOn: string): Assessment => ({
  id,
  source,
  level,
  assessedOn,
});

describe('reconcile', () => {
  it('takes the most trusted source, newest first, and keeps the provenance', () => {
    const r = reconcile(
      [a('1', 'self', 3, '2026-01-10'), a('2', 'atasan', 2, '2025-06-01'), a('3', 'atasan', 3, '2026-02-01')],
      DEFAULT_RULE,
      '2026-11-28',
    );
    expect(r).toMatchObject({
      level: 3,
      source: 'atasan',
      decidedBy: ['3'],
      assessedOn: '2026-02-01',
      needsReview: false,
    });
    expect(r!.bySource).toEqual({ atasan: 3, self: 3 });
  });

  it('flags sources more than one level apart instead of silently resolving them', () => {
    const r = reconcile(
      [a('1', 'self', 5, '2026-01-10'), a('2', 'assessment_center', 2, '2025-06-01')],
      DEFAULT_RULE,
      '2026-11-28',
    );
    expect(r).toMatchObject({ level: 2, source: 'assessment_center', needsReview: true });
  });

  it('uses the median of the latest peer round', () => {
    const r = reconcile(
      [
        a('p1', 'peer', 2, '2026-03-01'),
        a('p2', 'peer', 4, '2026-03-01'),
        a('p3', 'peer', 4, '2026-03-01'),
        a('p0', 'peer', 1, '2025-01-01'),
      ],
      { ...DEFAULT_RULE, order: ['peer', 'self'] },
      '2026-11-28',
    );
    expect(r).toMatchObject({ level: 4, source: 'peer', decidedBy: ['p1', 'p2', 'p3'] });
  });

  it('ignores assessments older than the rule allows, and sources the rule leaves out', () => {
    expect(reconcile([a('1', 'atasan', 3, '2020-01-01')], DEFAULT_RULE, '2026-11-28')).toBeNull();
    expect(
      reconcile([a('1', 'self', 3, '2026-01-01')], { ...DEFAULT_RULE, order: ['atasan'] }, '2026-11-28'),
    ).toBeNull();
  });

  it('always answers a level that one of the counted assessments gave (or a peer median), within 1–5', () => {
    const arb = fc.array(
      fc.record({
        id: fc.uuid(),
        source: fc.constantFrom(...ASSESSMENT_SOURCES),
        level: fc.integer({ min: 1, max: 5 }),
        assessedOn: fc.constantFrom('2025-01-01', '2025-06-15', '2026-03-01', '2026-11-01'),
      }),
      { minLength: 1, maxLength: 12 },
    );
    fc.assert(
      fc.property(arb, (list) => {
        const r = reconcile(list, DEFAULT_RULE, '2026-11-28')!;
        expect(r.level).toBeGreaterThanOrEqual(1);
        expect(r.level).toBeLessThanOrEqual(5);
        expect(r.decidedBy.every((id) => list.some((x) => x.id === id && x.source === r.source))).toBe(true);
        const spread = Math.max(...Object.values(r.bySource)) - Math.min(...Object.values(r.bySource));
        expect(r.needsReview).toBe(spread > 1);
      }),
    );
  });
});

const reqArb = fc.uniqueArray(
  fc.record({
    competencyId: fc.constantFrom('M1', 'M2', 'M3', 'M4', 'M5', 'SK1', 'T1'),
    required: fc.integer({ min: 1, max: 5 }),
  }),
  {
    selector: (r) => r.competencyId,
    minLength: 1,
  },
);
const levelsArb = fc.dictionary(
  fc.constantFrom('M1', 'M2', 'M3', 'M4', 'M5', 'SK1', 'T1'),
  fc.integer({ min: 1, max: 5 }),
);

describe('gaps and JPM', () => {
  const req: Requirement[] = [
    { competencyId: 'M1', required: 3 },
    { competencyId: 'M2', required: 3 },
    { competencyId: 'SK1', required: 2 },
  ];

  it('computes gaps per competency, unassessed as the whole requirement', () => {
    const g = gaps(
      req,
      new Map([
        ['M1', 2],
        ['M2', 4],
      ]),
    );
    expect(g).toEqual([
      { competencyId: 'M1', required: 3, current: 2, gap: 1, met: false },
      { competencyId: 'M2', required: 3, current: 4, gap: 0, met: true },
      { competencyId: 'SK1', required: 2, current: null, gap: 2, met: false },
    ]);
  });

  it('JPM counts each competency up to its requirement', () => {
    expect(
      jpm(
        req,
        new Map([
          ['M1', 3],
          ['M2', 5],
          ['SK1', 2],
        ]),
      ),
    ).toBe(100);
    expect(
      jpm(
        req,
        new Map([
          ['M1', 2],
          ['M2', 5],
          ['SK1', 1],
        ]),
      ),
    ).toBe(75);
    expect(jpm([], new Map())).toBeNull();
  });

  it('JPM stays within 0–100 and raising a level never widens a gap nor lowers JPM', () => {
    fc.assert(
      fc.property(
        reqArb,
        levelsArb,
        fc.constantFrom('M1', 'M2', 'SK1', 'T1'),
        (requirements, levels, raised) => {
          const before = new Map(Object.entries(levels));
          const after = new Map(before);
          after.set(raised, Math.min(5, (before.get(raised) ?? 0) + 1));
          const j0 = jpm(requirements, before)!;
          const j1 = jpm(requirements, after)!;
          expect(j0).toBeGreaterThanOrEqual(0);
          expect(j0).toBeLessThanOrEqual(100);
          expect(j1).toBeGreaterThanOrEqual(j0);
          const g0 = gaps(requirements, before);
          const g1 = gaps(requirements, after);
          g1.forEach((row, i) => expect(row.gap).toBeLessThanOrEqual(g0[i]!.gap));
        },
      ),
    );
  });

  it('places JPM in bands per purpose', () => {
    expect(jpmBand(85, JPM_BANDS.selection).code).toBe('MS');
    expect(jpmBand(68, JPM_BANDS.selection).code).toBe('MMS');
    expect(jpmBand(67.9, JPM_BANDS.selection).code).toBe('KMS');
    expect(jpmBand(90, JPM_BANDS.mapping).code).toBe('optimal');
  });

  it('places people in the 9-box as Manajemen Talenta numbers it', () => {
    expect(nineBox(80, 60)).toBe(1);
    expect(nineBox(100, 60)).toBe(2);
    expect(nineBox(80, 70)).toBe(3);
    expect(nineBox(120, 60)).toBe(4);
    expect(nineBox(100, 70)).toBe(5);
    expect(nineBox(80, 85)).toBe(6);
    expect(nineBox(120, 70)).toBe(7);
    expect(nineBox(100, 85)).toBe(8);
    expect(nineBox(120, 85)).toBe(9);
  });
});
