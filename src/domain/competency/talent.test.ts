import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_NINE_BOX, nineBox } from './gaps.js';
import { BOX_AXES, validCutoffs } from './talent.js';

const COLUMN = { di_bawah: 0, sesuai: 1, di_atas: 2 } as const;
const ROW = { rendah: 0, menengah: 1, tinggi: 2 } as const;
const cutoffs = fc
  .tuple(
    fc.integer({ min: 0, max: 199 }),
    fc.integer({ min: 1, max: 200 }),
    fc.integer({ min: 0, max: 99 }),
    fc.integer({ min: 1, max: 100 }),
  )
  .filter(([a, b, c, d]) => a < b && c < d)
  .map(([a, b, c, d]) => ({ performance: [a, b] as const, potential: [c, d] as const }));

describe('talent 9-box', () => {
  it('places the domain examples with the default cut-offs', () => {
    expect(nineBox(80, 60)).toBe(1);
    expect(nineBox(100, 60)).toBe(2);
    expect(nineBox(80, 70)).toBe(3);
    expect(nineBox(120, 60)).toBe(4);
    expect(nineBox(100, 70)).toBe(5);
    expect(nineBox(80, 85)).toBe(6);
    expect(nineBox(110, 68)).toBe(7);
    expect(nineBox(90, 80)).toBe(8);
    expect(nineBox(110, 80)).toBe(9);
    expect(validCutoffs(DEFAULT_NINE_BOX)).toBe(true);
  });

  it('raising performance never moves a person to a lower-performance column or another potential row', () => {
    fc.assert(
      fc.property(
        cutoffs,
        fc.float({ min: 0, max: 200, noNaN: true }),
        fc.float({ min: 0, max: 200, noNaN: true }),
        fc.float({ min: 0, max: 100, noNaN: true }),
        (c, p1, p2, q) => {
          const [lo, hi] = p1 <= p2 ? [p1, p2] : [p2, p1];
          const a = BOX_AXES[nineBox(lo, q, c)]!;
          const b = BOX_AXES[nineBox(hi, q, c)]!;
          expect(COLUMN[b.kinerja]).toBeGreaterThanOrEqual(COLUMN[a.kinerja]);
          expect(b.potensi).toBe(a.potensi);
        },
      ),
    );
  });

  it('raising potential never moves a person to a lower-potential row', () => {
    fc.assert(
      fc.property(
        cutoffs,
        fc.float({ min: 0, max: 200, noNaN: true }),
        fc.float({ min: 0, max: 100, noNaN: true }),
        fc.float({ min: 0, max: 100, noNaN: true }),
        (c, p, q1, q2) => {
          const [lo, hi] = q1 <= q2 ? [q1, q2] : [q2, q1];
          const a = BOX_AXES[nineBox(p, lo, c)]!;
          const b = BOX_AXES[nineBox(p, hi, c)]!;
          expect(ROW[b.potensi]).toBeGreaterThanOrEqual(ROW[a.potensi]);
          expect(b.kinerja).toBe(a.kinerja);
        },
      ),
    );
  });
});
