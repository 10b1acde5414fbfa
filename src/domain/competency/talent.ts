/**
 * Talent 9-box labels and the succession pool (Manajemen Talenta, domain facts §11.4). The placement
 * itself is nineBox() in gaps.ts; cut-offs are tenant settings.
 */
import type { NineBoxCutoffs } from './gaps.js';

export type Band = 'rendah' | 'menengah' | 'tinggi';
export type PerformanceBand = 'di_bawah' | 'sesuai' | 'di_atas';

/** Box number → its performance (kinerja) and potential (potensi) bands. */
export const BOX_AXES: Record<number, { kinerja: PerformanceBand; potensi: Band }> = {
  1: { kinerja: 'di_bawah', potensi: 'rendah' },
  2: { kinerja: 'sesuai', potensi: 'rendah' },
  3: { kinerja: 'di_bawah', potensi: 'menengah' },
  4: { kinerja: 'di_atas', potensi: 'rendah' },
  5: { kinerja: 'sesuai', potensi: 'menengah' },
  6: { kinerja: 'di_bawah', potensi: 'tinggi' },
  7: { kinerja: 'di_atas', potensi: 'menengah' },
  8: { kinerja: 'sesuai', potensi: 'tinggi' },
  9: { kinerja: 'di_atas', potensi: 'tinggi' },
};

/** Boxes 7–9: the succession pool. */
export const SUCCESSION_BOXES: readonly number[] = [7, 8, 9];

/** Cut-offs are usable when each axis has a lower bound below its upper bound, within the scale. */
export function validCutoffs(c: NineBoxCutoffs): boolean {
  const [pl, ph] = c.performance;
  const [ql, qh] = c.potential;
  return pl >= 0 && pl < ph && ph <= 200 && ql >= 0 && ql < qh && qh <= 100;
}
