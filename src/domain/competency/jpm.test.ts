import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jpm, type Requirement } from './gaps.js';

const req = (...levels: number[]): Requirement[] =>
  levels.map((required, i) => ({ competencyId: `c${i}`, required }));
const cur = (...levels: (number | null)[]) =>
  new Map(levels.flatMap((l, i) => (l === null ? [] : [[`c${i}`, l] as const])));

describe('JPM formula', () => {
  // Required 3, 3, 2 (Σ 8); current 4, 2, 2.
  const r = req(3, 3, 2);
  const c = cur(4, 2, 2);

  it('per-competency cap (default): Σ min(current, required) / Σ required', () => {
    // min(4,3) + min(2,3) + min(2,2) = 3 + 2 + 2 = 7; 7 / 8 = 87.5 %
    expect(jpm(r, c)).toBe(87.5);
    expect(jpm(r, c, 'per_competency')).toBe(87.5);
  });

  it('cap on the total: min(100 %, Σ current / Σ required), a surplus offsets a shortfall', () => {
    // 4 + 2 + 2 = 8; 8 / 8 = 100 %
    expect(jpm(r, c, 'total')).toBe(100);
    // Required 3, 3 (Σ 6); current 5, 4 → 9 / 6 = 150 %, capped at 100 %; per competency 6 / 6.
    expect(jpm(req(3, 3), cur(5, 4), 'total')).toBe(100);
    // Required 4, 3, 3 (Σ 10); current 5, 1, 2 → total 8 / 10 = 80 %; per competency 4+1+2 = 70 %.
    expect(jpm(req(4, 3, 3), cur(5, 1, 2), 'total')).toBe(80);
    expect(jpm(req(4, 3, 3), cur(5, 1, 2), 'per_competency')).toBe(70);
  });

  it('counts an unassessed competency as 0 in both, and is null when nothing is required', () => {
    // Required 2, 3 (Σ 5); current 4, not assessed: per competency 2 / 5 = 40 %, total 4 / 5 = 80 %.
    expect(jpm(req(2, 3), cur(4, null), 'per_competency')).toBe(40);
    expect(jpm(req(2, 3), cur(4, null), 'total')).toBe(80);
    expect(jpm([], new Map(), 'total')).toBeNull();
  });

  it('the total cap is never below the per-competency cap, and both stay within 0–100', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 5 }), fc.option(fc.integer({ min: 1, max: 5 }))), {
          minLength: 1,
          maxLength: 9,
        }),
        (rows) => {
          const r = req(...rows.map(([q]) => q));
          const c = cur(...rows.map(([, l]) => l));
          const per = jpm(r, c, 'per_competency')!;
          const total = jpm(r, c, 'total')!;
          expect(total).toBeGreaterThanOrEqual(per);
          expect(per).toBeGreaterThanOrEqual(0);
          expect(total).toBeLessThanOrEqual(100);
        },
      ),
    );
  });
});
