/**
 * Gaps between what a position requires and what a person has, and the Job-Person Match (JPM).
 */

export interface Requirement {
  competencyId: string;
  required: number;
}

export interface GapRow {
  competencyId: string;
  required: number;
  /** null: not assessed yet. */
  current: number | null;
  /** required − current when short, 0 when met or exceeded; the whole requirement when unassessed. */
  gap: number;
  met: boolean;
}

export function gaps(requirements: readonly Requirement[], current: ReadonlyMap<string, number>): GapRow[] {
  return requirements.map((r) => {
    const c = current.get(r.competencyId) ?? null;
    const gap = Math.max(0, r.required - (c ?? 0));
    return {
      competencyId: r.competencyId,
      required: r.required,
      current: c,
      gap,
      met: c !== null && c >= r.required,
    };
  });
}

/**
 * How the JPM totals levels (a tenant setting, competency.jpmFormula). No official formula exists
 * (domain facts §12.4); assessment centres use one of two:
 * - 'per_competency' (default): Σ min(current, required) / Σ required — a level above the
 *   requirement does not make up for a shortfall elsewhere;
 * - 'total': min(100 %, Σ current / Σ required) — only the total is capped, so a surplus in one
 *   competency offsets a shortfall in another.
 * An unassessed competency counts as level 0 in both.
 */
export type JpmFormula = 'per_competency' | 'total';
export const JPM_FORMULAS: readonly JpmFormula[] = ['per_competency', 'total'];
export const DEFAULT_JPM_FORMULA: JpmFormula = 'per_competency';

/** JPM in percent, 0–100, to one decimal. Null when nothing is required. */
export function jpm(
  requirements: readonly Requirement[],
  current: ReadonlyMap<string, number>,
  formula: JpmFormula = DEFAULT_JPM_FORMULA,
): number | null {
  const total = requirements.reduce((s, r) => s + r.required, 0);
  if (total <= 0) return null;
  const level = (r: Requirement) => current.get(r.competencyId) ?? 0;
  const met =
    formula === 'total'
      ? Math.min(
          total,
          requirements.reduce((s, r) => s + level(r), 0),
        )
      : requirements.reduce((s, r) => s + Math.min(r.required, level(r)), 0);
  return Math.round((1000 * met) / total) / 10;
}

export interface JpmBand {
  code: string;
  label: string;
  /** Lowest JPM (inclusive) of the band. */
  min: number;
}

/** Categories as data, per purpose (domain facts, marked unverified: keep them as settings). */
export const JPM_BANDS: Record<'selection' | 'mapping', readonly JpmBand[]> = {
  selection: [
    { code: 'MS', label: 'Memenuhi Syarat', min: 80 },
    { code: 'MMS', label: 'Masih Memenuhi Syarat', min: 68 },
    { code: 'KMS', label: 'Kurang Memenuhi Syarat', min: 0 },
  ],
  mapping: [
    { code: 'optimal', label: 'Optimal', min: 90 },
    { code: 'cukup', label: 'Cukup Optimal', min: 78 },
    { code: 'kurang', label: 'Kurang Optimal', min: 0 },
  ],
};

export function jpmBand(value: number, bands: readonly JpmBand[]): JpmBand {
  const sorted = [...bands].sort((a, b) => b.min - a.min);
  return sorted.find((b) => value >= b.min) ?? sorted[sorted.length - 1]!;
}

/** 9-box of Manajemen Talenta: performance (SKP) × potential (JPM), with configurable cut-offs. */
export interface NineBoxCutoffs {
  /** [lower bound of "sesuai", lower bound of "di atas"] on the performance score. */
  performance: readonly [number, number];
  /** [lower bound of "menengah", lower bound of "tinggi"] on JPM. */
  potential: readonly [number, number];
}

export const DEFAULT_NINE_BOX: NineBoxCutoffs = { performance: [90, 110], potential: [68, 80] };

const BOX = [
  // potential rendah, menengah, tinggi (columns) for performance di bawah, sesuai, di atas (rows)
  [1, 3, 6],
  [2, 5, 8],
  [4, 7, 9],
] as const;

export function nineBox(
  performance: number,
  potential: number,
  c: NineBoxCutoffs = DEFAULT_NINE_BOX,
): number {
  const band = (v: number, [lo, hi]: readonly [number, number]) => (v >= hi ? 2 : v >= lo ? 1 : 0);
  return BOX[band(performance, c.performance)][band(potential, c.potential)];
}
