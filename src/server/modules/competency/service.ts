import {
  DEFAULT_RULE,
  oldestCounted,
  reconcile,
  type AssessmentSource,
  type ReconcileRule,
} from '../../../domain/competency/reconcile.js';
import {
  DEFAULT_JPM_FORMULA,
  gaps,
  jpm,
  JPM_FORMULAS,
  type JpmFormula,
  type Requirement,
} from '../../../domain/competency/gaps.js';
import type { Db, Tx } from '../../db/client.js';
import { hasRole, type AuthContext } from '../../http/auth.js';
import { forbidden, notFound } from '../../http/errors.js';
import { reportCache, type ReportCache } from '../../http/report-cache.js';
import { employeeReadScope } from '../employees/policy.js';
import * as repo from './repository.js';
import {
  ReconcileRuleSetting,
  type CompetencyDtoT,
  type CompetencyProfileT,
  type GapPeopleT,
  type HeatmapT,
} from './schemas.js';
import { fullName } from '../../../domain/org.js';
import { todayIn } from '../../../domain/time.js';
import { pathIsInOperatorOpd } from '../../http/opd-scope.js';

/** The tenant's rule (settings.competency.reconcileRule), missing or invalid parts from DEFAULT_RULE. */
export function ruleOf(settings: Record<string, unknown> | undefined): ReconcileRule {
  const competency = settings?.competency as Record<string, unknown> | undefined;
  const parsed = ReconcileRuleSetting.safeParse(competency?.reconcileRule);
  if (!parsed.success) return DEFAULT_RULE;
  return {
    order: parsed.data.order ?? DEFAULT_RULE.order,
    maxAgeMonths:
      parsed.data.maxAgeMonths === undefined ? DEFAULT_RULE.maxAgeMonths : parsed.data.maxAgeMonths,
    disagreementThreshold: parsed.data.disagreementThreshold ?? DEFAULT_RULE.disagreementThreshold,
  };
}

/** Below standard among the assessed, 0–1 to four decimals; 0 when nobody is assessed. */
export const shareBelow = (below: number, assessed: number) =>
  assessed > 0 ? Math.round((10_000 * below) / assessed) / 10_000 : 0;

/** The tenant's JPM formula (settings.competency.jpmFormula), the per-competency cap when unset. */
export function jpmFormulaOf(settings: Record<string, unknown> | undefined): JpmFormula {
  const competency = settings?.competency as Record<string, unknown> | undefined;
  const f = competency?.jpmFormula;
  return JPM_FORMULAS.includes(f as JpmFormula) ? (f as JpmFormula) : DEFAULT_JPM_FORMULA;
}

/** The oldest date that still counts: reconcile()'s own month arithmetic. */
const cutoffOf = (today: string, months: number | null): string | null =>
  months === null ? null : oldestCounted(today, months);

/** Today, the reconciliation rule and its SQL form, and the raw settings of the tenant. */
export async function gapContext(db: Tx, tenantId: string) {
  const tenant = await repo.tenantSettings(db, tenantId);
  const today = todayIn(tenant!.time_zone);
  const rule = ruleOf(tenant?.settings);
  const sqlRule: repo.HeatmapRule = { order: rule.order, cutoff: cutoffOf(today, rule.maxAgeMonths) };
  const jpmFormula = jpmFormulaOf(tenant?.settings);
  return { today, rule, sqlRule, jpmFormula, settings: tenant?.settings ?? {} };
}

/**
 * The unit a gap view opens (the top unit when none is asked for; an operator's own OPD), refusing
 * an operator outside their OPD. Admin and pimpinan see the whole tenant.
 */
export async function scopedUnit(db: Db, ctx: AuthContext, unitId: string | undefined) {
  const wide = hasRole(ctx, 'admin', 'pimpinan');
  const wanted = unitId ?? (wide ? null : (ctx.operatorUnitIds[0] ?? null));
  if (!wide && !wanted) throw forbidden();
  const unit = await repo.findUnit(db, ctx.tenantId, wanted);
  if (!unit) throw notFound();
  if (!wide && !pathIsInOperatorOpd(ctx, unit.path)) throw forbidden();
  return unit;
}

export const GAP_PAGE_SIZE = 50;

/** `read`: where the heavy report reads go (the read replica when there is one). */
export function competencyService(db: Db, read: Db = db, reports: ReportCache = reportCache(0)) {
  const context = (tenantId: string) => gapContext(db, tenantId);
  const readContext = (tenantId: string) => gapContext(read, tenantId);

  async function list(ctx: AuthContext): Promise<CompetencyDtoT[]> {
    const { today } = await context(ctx.tenantId);
    return repo.listCompetencies(db, ctx.tenantId, today);
  }

  async function profile(
    ctx: AuthContext,
    nip: string,
    targetPositionId?: string,
  ): Promise<CompetencyProfileT> {
    const employee = await repo.findEmployee(db, ctx.tenantId, nip, employeeReadScope(ctx));
    if (!employee) throw notFound();
    const { today, rule, jpmFormula } = await context(ctx.tenantId);
    const [competencies, standards, assessments] = await Promise.all([
      repo.listCompetencies(db, ctx.tenantId, today),
      employee.position_id ? repo.standardsOf(db, ctx.tenantId, employee.position_id) : [],
      repo.assessmentsOf(db, ctx.tenantId, employee.id),
    ]);
    const requirements: Requirement[] = standards.map((s) => ({
      competencyId: s.competency_id,
      required: s.required_level,
    }));
    const required = new Map(requirements.map((r) => [r.competencyId, r.required]));
    const byCompetency = new Map<string, typeof assessments>();
    for (const a of assessments) {
      const list = byCompetency.get(a.competency_id) ?? [];
      list.push(a);
      byCompetency.set(a.competency_id, list);
    }
    const current = new Map<string, number>();
    const items: CompetencyProfileT['items'] = [];
    for (const c of competencies) {
      const own = (byCompetency.get(c.id) ?? []).map((a) => ({
        id: a.id,
        source: a.source as AssessmentSource,
        level: a.level,
        assessedOn: a.assessed_on,
      }));
      const r = reconcile(own, rule, today);
      if (r) current.set(c.id, r.level);
      const req = required.get(c.id) ?? null;
      if (req === null && own.length === 0) continue;
      items.push({
        competencyId: c.id,
        code: c.code,
        name: c.name,
        group: c.group,
        required: req,
        current: r?.level ?? null,
        source: r?.source ?? null,
        assessedOn: r?.assessedOn ?? null,
        gap: null,
        needsReview: r?.needsReview ?? false,
        bySource: r?.bySource ?? {},
      });
    }
    const gapOf = new Map(gaps(requirements, current).map((g) => [g.competencyId, g.gap]));
    for (const item of items) item.gap = gapOf.get(item.competencyId) ?? null;
    const out: CompetencyProfileT = {
      nip: employee.nip,
      positionId: employee.position_id,
      positionName: employee.position_name,
      jpm: jpm(requirements, current, jpmFormula),
      jpmFormula,
      items,
    };
    if (targetPositionId) {
      const position = await repo.findPosition(db, ctx.tenantId, targetPositionId);
      if (!position) throw notFound();
      const target: Requirement[] = (await repo.standardsOf(db, ctx.tenantId, position.id)).map((s) => ({
        competencyId: s.competency_id,
        required: s.required_level,
      }));
      const rows = new Map(gaps(target, current).map((g) => [g.competencyId, g]));
      out.target = {
        positionId: position.id,
        positionName: position.name,
        jpm: jpm(target, current, jpmFormula),
        items: competencies
          .filter((c) => rows.has(c.id))
          .map((c) => {
            const g = rows.get(c.id)!;
            return {
              competencyId: c.id,
              code: c.code,
              name: c.name,
              required: g.required,
              current: g.current,
              gap: g.gap,
            };
          }),
      };
    }
    return out;
  }

  async function heatmap(ctx: AuthContext, unitId: string | undefined): Promise<HeatmapT> {
    // An operator without a unit asked for starts at their own OPD.
    const unit = await scopedUnit(read, ctx, unitId);
    const { today, sqlRule } = await readContext(ctx.tenantId);
    const [units, competencies, cells] = await Promise.all([
      repo.childUnits(read, ctx.tenantId, unit.id),
      repo.listCompetencies(read, ctx.tenantId, today),
      // The unit is in the caller's scope (scopedUnit): its figures are the same for every caller.
      reports.get(`heatmap:${ctx.tenantId}:${unit.id}:${JSON.stringify(sqlRule)}`, () =>
        repo.heatmapCells(read, ctx.tenantId, unit.id, sqlRule),
      ),
    ]);
    return {
      unitId: unit.id,
      unitName: unit.name,
      units,
      competencies: competencies.map((c) => ({ id: c.id, code: c.code, name: c.name })),
      cells: cells.map((c) => ({
        unitId: c.unit_id,
        competencyId: c.competency_id,
        required: c.required,
        below: c.below,
        notAssessed: c.not_assessed,
        share: shareBelow(c.below, c.required - c.not_assessed),
      })),
    };
  }

  /** The people behind a heatmap cell; `page` null: all of them (download). */
  async function gapPeople(
    ctx: AuthContext,
    q: { unitId: string; competencyId: string; page: number | null },
  ): Promise<GapPeopleT> {
    const unit = await scopedUnit(read, ctx, q.unitId);
    const competency = await repo.findCompetency(read, ctx.tenantId, q.competencyId);
    if (!competency) throw notFound();
    const { sqlRule } = await readContext(ctx.tenantId);
    const page = q.page ?? 1;
    const rows = await repo.gapPeople(
      read,
      ctx.tenantId,
      unit,
      competency.id,
      sqlRule,
      q.page === null ? null : GAP_PAGE_SIZE,
      (page - 1) * GAP_PAGE_SIZE,
    );
    let total = rows[0]?.total ?? 0;
    let below = rows[0]?.below ?? 0;
    let notAssessed = rows[0]?.not_assessed ?? 0;
    if (rows.length === 0 && page > 1) {
      const first = await repo.gapPeople(read, ctx.tenantId, unit, competency.id, sqlRule, 1, 0);
      total = first[0]?.total ?? 0;
      below = first[0]?.below ?? 0;
      notAssessed = first[0]?.not_assessed ?? 0;
    }
    return {
      unit: { id: unit.id, name: unit.name },
      competency,
      total,
      below,
      notAssessed,
      page,
      pageSize: q.page === null ? total : GAP_PAGE_SIZE,
      items: rows.map((r) => ({
        nip: r.nip,
        name: fullName(r.name, r.front_title, r.back_title),
        positionName: r.position_name,
        unitName: r.unit_name,
        required: r.required,
        current: r.current,
        source: (r.source as AssessmentSource | null) ?? null,
        gap: r.gap,
      })),
    };
  }

  return { list, profile, heatmap, gapPeople };
}
export type CompetencyService = ReturnType<typeof competencyService>;
