import { sql } from 'drizzle-orm';
import { BUILT_IN_JP_RULE_SETS, ruleSetOn } from '../../../domain/learning/jp-rules.js';
import { fullName } from '../../../domain/org.js';
import type { Db, Tx } from '../../db/client.js';
import { hasRole, type AuthContext } from '../../http/auth.js';
import { notFound } from '../../http/errors.js';
import { reportCache, type ReportCache } from '../../http/report-cache.js';
import type { Lang } from '../../http/messages.js';
import { basisIn } from '../programs/jp.js';
import { scopedUnit } from '../competency/service.js';
import { tenantToday } from '../tenant/service.js';
import { employeeReadScope } from '../employees/policy.js';
import * as repo from './repository.js';
import type { CompliancePeopleT, ComplianceReportT, LearningRecordsT, MyLearningT } from './schemas.js';
import { pathIsInOperatorOpd } from '../../http/opd-scope.js';

export const COMPLIANCE_PAGE_SIZE = 50;
const round2 = (n: number) => Math.round(n * 100) / 100;
const share = (part: number, whole: number) => (whole ? Math.round((10_000 * part) / whole) / 10_000 : 0);

/** The tenant's current year (its own time zone) and the JP target of a year's rule set. */
export async function learningContext(db: Tx, tenantId: string, year?: number) {
  const today = await tenantToday(db, tenantId);
  const y = year ?? Number(today.slice(0, 4));
  const stored = await repo.storedTargetJp(db, tenantId, y);
  return { today, year: y, targetJp: stored ?? defaultTargetJp(y) };
}

/** `read`: where the heavy report reads go (the read replica when there is one). */
export function learningService(db: Db, read: Db = db, reports: ReportCache = reportCache(0)) {
  async function findReadable(ctx: AuthContext, nip: string) {
    const res = await db.execute<{
      id: string;
      nip: string;
      name: string;
      front_title: string | null;
      back_title: string | null;
    }>(sql`select e.id, e.nip, e.name, e.front_title, e.back_title from employees e
      where e.tenant_id = ${ctx.tenantId} and e.nip = ${nip} and ${employeeReadScope(ctx)}`);
    const e = res.rows[0];
    if (!e) throw notFound();
    return e;
  }

  async function summaryOf(
    tenantId: string,
    e: { id: string; nip: string; name: string; front_title: string | null; back_title: string | null },
    year: number,
    targetJp: number,
    lang: Lang,
  ): Promise<LearningRecordsT> {
    const rows = await repo.recordsOf(db, tenantId, e.id, year);
    const totalJp = round2(rows.reduce((s, r) => s + r.jp, 0));
    return {
      nip: e.nip,
      name: fullName(e.name, e.front_title, e.back_title),
      year,
      targetJp,
      totalJp,
      remainingJp: round2(Math.max(0, targetJp - totalJp)),
      compliant: totalJp >= targetJp,
      records: rows.map((r) => ({
        id: r.id,
        title: r.title,
        form: r.form,
        scope: r.scope,
        source: r.source,
        startsOn: r.starts_on,
        endsOn: r.ends_on,
        jp: r.jp,
        jpBasis: basisIn(lang, r),
      })),
    };
  }

  async function records(
    ctx: AuthContext,
    lang: Lang,
    nip: string,
    year?: number,
  ): Promise<LearningRecordsT> {
    const e = await findReadable(ctx, nip);
    const c = await learningContext(db, ctx.tenantId, year);
    return summaryOf(ctx.tenantId, e, c.year, c.targetJp, lang);
  }

  async function mine(ctx: AuthContext, lang: Lang, year?: number): Promise<MyLearningT> {
    if (!ctx.employeeId) throw notFound();
    const res = await db.execute<{
      id: string;
      nip: string;
      name: string;
      front_title: string | null;
      back_title: string | null;
    }>(sql`select id, nip, name, front_title, back_title from employees
      where tenant_id = ${ctx.tenantId} and id = ${ctx.employeeId}`);
    const e = res.rows[0];
    if (!e) throw notFound();
    const c = await learningContext(db, ctx.tenantId, year);
    const [summary, history, upcoming, certificates] = await Promise.all([
      summaryOf(ctx.tenantId, e, c.year, c.targetJp, lang),
      repo.jpByYear(db, ctx.tenantId, e.id, c.year - 3, c.year),
      repo.upcomingSessions(db, ctx.tenantId, e.id),
      repo.certificatesOf(db, ctx.tenantId, e.id),
    ]);
    return {
      summary,
      history: history.map((h) => ({ year: h.year, totalJp: round2(h.total) })),
      upcoming: upcoming.map((s) => ({
        sessionId: s.session_id,
        programId: s.program_id,
        programTitle: s.program_title,
        title: s.title,
        startsAt: new Date(s.starts_at).toISOString(),
        endsAt: new Date(s.ends_at).toISOString(),
        venue: s.venue,
        onlineUrl: s.online_url,
      })),
      certificates: certificates.map((x) => ({
        id: x.id,
        kind: x.kind,
        title: x.title,
        number: x.number,
        verificationCode: x.verification_code,
        issuedOn: x.issued_on,
        jp: x.jp,
        status: x.status,
      })),
    };
  }

  async function compliance(
    ctx: AuthContext,
    q: { year?: number; unitId?: string },
  ): Promise<ComplianceReportT> {
    const unit = await scopedUnit(read, ctx, q.unitId);
    const c = await learningContext(read, ctx.tenantId, q.year);
    // The way up, only as far as the caller may look (an operator stops at their OPD).
    const parent = await read.execute<{ id: string; name: string; path: string }>(sql`
      select p.id, p.name, p.path from org_units u join org_units p on p.id = u.parent_id where u.id = ${unit.id}`);
    const up = parent.rows[0];
    const mayGoUp = up && (hasRole(ctx, 'admin', 'pimpinan') || pathIsInOperatorOpd(ctx, up.path));
    // The unit is in the caller's scope (scopedUnit): its figures are the same for every caller.
    const { groups, units } = await reports.get(
      `jp:${ctx.tenantId}:${unit.id}:${unit.path}:${c.year}:${c.targetJp}`,
      () => repo.complianceByChild(read, ctx.tenantId, unit, c.year, c.targetJp),
    );
    const byUnit = new Map(groups.map((g) => [g.grp, g]));
    const sum = (k: 'employees' | 'compliant' | 'jp_sum') => groups.reduce((s, g) => s + g[k], 0);
    const figures = (r: { employees: number; compliant: number; jp_sum: number } | undefined) => ({
      employees: r?.employees ?? 0,
      compliant: r?.compliant ?? 0,
      share: share(r?.compliant ?? 0, r?.employees ?? 0),
      averageJp: r?.employees ? round2(r.jp_sum / r.employees) : 0,
    });
    return {
      year: c.year,
      targetJp: c.targetJp,
      unit: { id: unit.id, name: unit.name, parent: mayGoUp ? { id: up.id, name: up.name } : null },
      total: figures({ employees: sum('employees'), compliant: sum('compliant'), jp_sum: sum('jp_sum') }),
      units: units.map((u) => ({
        unitId: u.id,
        code: u.code,
        name: u.name,
        hasChildren: u.has_children,
        ...figures(byUnit.get(u.id)),
      })),
    };
  }

  /** The people of a unit with their JP for the year; `page` null: all of them (download). */
  async function people(
    ctx: AuthContext,
    q: { year?: number; unitId?: string; show: 'behind' | 'all'; page: number | null },
  ): Promise<CompliancePeopleT> {
    const unit = await scopedUnit(read, ctx, q.unitId);
    const c = await learningContext(read, ctx.tenantId, q.year);
    const page = q.page ?? 1;
    const limit = q.page === null ? null : COMPLIANCE_PAGE_SIZE;
    const behind = q.show === 'behind';
    let rows = await repo.compliancePeople(
      read,
      ctx.tenantId,
      unit.path,
      c.year,
      c.targetJp,
      behind,
      limit,
      (page - 1) * COMPLIANCE_PAGE_SIZE,
    );
    let total = rows[0]?.total ?? 0;
    if (rows.length === 0 && page > 1) {
      const first = await repo.compliancePeople(read, ctx.tenantId, unit.path, c.year, c.targetJp, behind, 1);
      total = first[0]?.total ?? 0;
      rows = [];
    }
    return {
      year: c.year,
      targetJp: c.targetJp,
      unit: { id: unit.id, name: unit.name },
      total,
      page,
      pageSize: limit ?? total,
      items: rows.map((r) => ({
        nip: r.nip,
        name: fullName(r.name, r.front_title, r.back_title),
        unitName: r.unit_name,
        positionName: r.position_name,
        totalJp: round2(r.total_jp),
        remainingJp: round2(Math.max(0, c.targetJp - r.total_jp)),
        records: r.records,
      })),
    };
  }

  return { records, mine, compliance, people };
}
export type LearningService = ReturnType<typeof learningService>;

/**
 * The annual target when the tenant has no stored rule set for the year: the built-in rule set in
 * effect then (or the earliest one, for years before it).
 */
function defaultTargetJp(year: number): number {
  return (ruleSetOn(BUILT_IN_JP_RULE_SETS, `${year}-12-31`) ?? BUILT_IN_JP_RULE_SETS[0]!).annualTargetJp;
}
