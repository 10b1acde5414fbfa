/**
 * Reconciling assessments from several sources into one current level per competency.
 *
 * The rule is per-tenant data: an order of sources (most trusted first), an optional maximum age,
 * and how far apart sources may be before a person must look at it. The result keeps its
 * provenance (which source and assessment decided) and flags disagreements instead of silently
 * resolving them.
 */

export const ASSESSMENT_SOURCES = ['assessment_center', 'test', 'atasan', 'peer', 'self'] as const;
export type AssessmentSource = (typeof ASSESSMENT_SOURCES)[number];

export interface Assessment {
  id: string;
  source: AssessmentSource;
  /** Level 1–5. */
  level: number;
  /** yyyy-mm-dd */
  assessedOn: string;
}

export interface ReconcileRule {
  /** Most trusted first; sources not listed are ignored. */
  order: readonly AssessmentSource[];
  /** Assessments older than this (in months, counted back from `today`) do not count; null: no limit. */
  maxAgeMonths: number | null;
  /** Sources whose latest levels differ by more than this are flagged for review. */
  disagreementThreshold: number;
}

export const DEFAULT_RULE: ReconcileRule = {
  order: ['assessment_center', 'test', 'atasan', 'peer', 'self'],
  maxAgeMonths: 36,
  disagreementThreshold: 1,
};

export interface Reconciled {
  level: number;
  source: AssessmentSource;
  /** The assessments that decided the level (one, or the peers of the latest round). */
  decidedBy: string[];
  assessedOn: string;
  /** Latest level per source that counted, for showing the disagreement. */
  bySource: Partial<Record<AssessmentSource, number>>;
  needsReview: boolean;
}

/** The oldest assessment date that still counts under a maximum age of `months`, counted back from `today`. */
export function oldestCounted(today: string, months: number): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  const yy = Math.floor(total / 12);
  const mm = (total % 12) + 1;
  return `${yy}-${String(mm).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * One competency's assessments → its current level, or null when none counts.
 * Peers: the median of the latest peer round (every peer assessment on the newest date), rounded half up.
 */
export function reconcile(
  assessments: readonly Assessment[],
  rule: ReconcileRule,
  today: string,
): Reconciled | null {
  const cutoff = rule.maxAgeMonths === null ? null : oldestCounted(today, rule.maxAgeMonths);
  const usable = assessments.filter(
    (a) =>
      rule.order.includes(a.source) &&
      a.level >= 1 &&
      a.level <= 5 &&
      (cutoff === null || a.assessedOn >= cutoff),
  );
  if (usable.length === 0) return null;

  const latest = new Map<AssessmentSource, { level: number; ids: string[]; on: string }>();
  for (const source of rule.order) {
    const of = usable
      .filter((a) => a.source === source)
      .sort((a, b) => b.assessedOn.localeCompare(a.assessedOn));
    if (of.length === 0) continue;
    if (source === 'peer') {
      // The latest round: each assessment on the newest date, one per assessment id.
      const newest = of[0]!.assessedOn;
      const round = of.filter((a) => a.assessedOn === newest);
      const levels = round.map((a) => a.level).sort((a, b) => a - b);
      const mid = levels.length / 2;
      const median = levels.length % 2 ? levels[Math.floor(mid)]! : (levels[mid - 1]! + levels[mid]!) / 2;
      latest.set(source, { level: Math.floor(median + 0.5), ids: round.map((a) => a.id), on: newest });
    } else {
      latest.set(source, { level: of[0]!.level, ids: [of[0]!.id], on: of[0]!.assessedOn });
    }
  }
  const winner = rule.order.find((s) => latest.has(s))!;
  const chosen = latest.get(winner)!;
  const levels = [...latest.values()].map((v) => v.level);
  const spread = Math.max(...levels) - Math.min(...levels);
  return {
    level: chosen.level,
    source: winner,
    decidedBy: chosen.ids,
    assessedOn: chosen.on,
    bySource: Object.fromEntries([...latest].map(([s, v]) => [s, v.level])),
    needsReview: spread > rule.disagreementThreshold,
  };
}
