import { sql, type SQL } from 'drizzle-orm';
import { sqlArray, type Tx } from '../../db/client.js';
import type { CompetencyLevelText } from '../../db/schema/index.js';

export type CompetencyRow = {
  id: string;
  code: string;
  group: 'M' | 'SK' | 'T';
  name: string;
  definition: string;
  version: number;
  levels: CompetencyLevelText[];
};

/** Active competencies with their current version (the newest one in effect by `today`). */
export async function listCompetencies(db: Tx, tenantId: string, today: string): Promise<CompetencyRow[]> {
  const res = await db.execute<CompetencyRow>(sql`
    select c.id, c.code, c."group", v.name, v.definition, v.version, v.levels
    from competencies c
    join lateral (
      select * from competency_versions v
      where v.tenant_id = c.tenant_id and v.competency_id = c.id and v.effective_from <= ${today}::date
      order by v.version desc limit 1
    ) v on true
    where c.tenant_id = ${tenantId} and c.active
    order by array_position(array['M', 'SK', 'T'], c."group"),
      nullif(regexp_replace(c.code, '[^0-9]', '', 'g'), '')::int nulls last, c.code`);
  return res.rows;
}

export async function tenantSettings(db: Tx, tenantId: string) {
  const res = await db.execute<{ time_zone: string; settings: Record<string, unknown> }>(
    sql`select time_zone, settings from tenants where id = ${tenantId}`,
  );
  return res.rows[0] ?? null;
}

/** The employee by NIP within the caller's read scope (a condition on alias `e`). */
export async function findEmployee(db: Tx, tenantId: string, nip: string, scope: SQL) {
  const res = await db.execute<{
    id: string;
    nip: string;
    position_id: string | null;
    position_name: string | null;
  }>(sql`select e.id, e.nip, e.position_id, p.name as position_name
    from employees e left join positions p on p.id = e.position_id
    where e.tenant_id = ${tenantId} and e.nip = ${nip} and ${scope}`);
  return res.rows[0] ?? null;
}

export async function standardsOf(db: Tx, tenantId: string, positionId: string) {
  const res = await db.execute<{ competency_id: string; required_level: number }>(sql`
    select ps.competency_id, ps.required_level from position_standards ps
    join competencies c on c.id = ps.competency_id and c.active
    where ps.tenant_id = ${tenantId} and ps.position_id = ${positionId}`);
  return res.rows;
}

/** Every assessment of the employee, newest first (ties: latest recorded first). */
export async function assessmentsOf(db: Tx, tenantId: string, employeeId: string) {
  const res = await db.execute<{
    id: string;
    competency_id: string;
    source: string;
    level: number;
    assessed_on: string;
  }>(sql`select id, competency_id, source, level, assessed_on from assessments
    where tenant_id = ${tenantId} and employee_id = ${employeeId}
    order by assessed_on desc, created_at desc`);
  return res.rows;
}

export async function findUnit(db: Tx, tenantId: string, unitId: string | null) {
  const where = unitId ? sql`id = ${unitId}` : sql`parent_id is null`;
  const res = await db.execute<{ id: string; path: string; name: string }>(
    sql`select id, path, name from org_units where tenant_id = ${tenantId} and ${where} order by code limit 1`,
  );
  return res.rows[0] ?? null;
}

export type HeatmapUnit = { id: string; code: string; name: string; employees: number };
export type HeatmapCell = {
  unit_id: string;
  competency_id: string;
  required: number;
  below: number;
  not_assessed: number;
};

/** Direct child units of `unitId` with the number of active employees in each subtree. */
export async function childUnits(db: Tx, tenantId: string, unitId: string): Promise<HeatmapUnit[]> {
  const res = await db.execute<HeatmapUnit>(sql`
    select k.id, k.code, k.name, (select count(*)::int from employees e
      join org_units s on s.id = e.unit_id
      where e.tenant_id = ${tenantId} and e.active and s.tenant_id = ${tenantId} and s.path like k.path || '%'
    ) as employees
    from org_units k where k.tenant_id = ${tenantId} and k.parent_id = ${unitId} and k.active
    order by k.code`);
  return res.rows;
}

export interface HeatmapRule {
  order: readonly string[];
  /** Oldest assessment date that still counts, or null for no limit. */
  cutoff: string | null;
}

/**
 * The one definition of "required versus current" in SQL, shared by the heatmap, its drill-down and
 * the talent 9-box. `emp` selects the employees (columns `id`, `position_id`, `grp`); the result is
 * the CTEs `emp`, `req` (employee × required competency) and `cur` (reconciled current level and its
 * source per employee × competency), ready for `with ${gapCtes(...)} select ...`.
 *
 * The current level is the reconciled one, the same as reconcile() in domain/competency/reconcile.ts
 * gives one person (a test compares them on random data): among the sources of the rule, the newest
 * assessment of the most trusted source present within the maximum age; when that source is peer, the
 * median of the latest peer round (every peer assessment on the newest date), rounded half up. The
 * disagreement flag is not needed here.
 */
export function gapCtes(tenantId: string, emp: SQL, rule: HeatmapRule, competencyId?: string): SQL {
  const order = sqlArray([...rule.order]);
  const cutoff = rule.cutoff ? sql`and a.assessed_on >= ${rule.cutoff}::date` : sql``;
  const onlyReq = competencyId ? sql`and ps.competency_id = ${competencyId}` : sql``;
  const onlyCur = competencyId ? sql`and a.competency_id = ${competencyId}` : sql``;
  return sql`emp as (${emp}), req as (
      select emp.id as employee_id, emp.grp, ps.competency_id, ps.required_level from emp
      join position_standards ps on ps.tenant_id = ${tenantId} and ps.position_id = emp.position_id ${onlyReq}
      join competencies c on c.id = ps.competency_id and c.active
    ), top as (
      select distinct on (a.employee_id, a.competency_id) a.employee_id, a.competency_id, a.level, a.source,
        a.assessed_on
      from assessments a join emp on emp.id = a.employee_id
      where a.tenant_id = ${tenantId} and a.source = any(${order}::text[]) ${cutoff} ${onlyCur}
      order by a.employee_id, a.competency_id, array_position(${order}::text[], a.source),
        a.assessed_on desc, a.created_at desc
    ), cur as (
      select top.employee_id, top.competency_id, top.source,
        case when top.source <> 'peer' then top.level else (
          select floor(percentile_cont(0.5) within group (order by p.level) + 0.5)::int from assessments p
          where p.tenant_id = ${tenantId} and p.employee_id = top.employee_id
            and p.competency_id = top.competency_id and p.source = 'peer' and p.assessed_on = top.assessed_on
        ) end as level
      from top
    )`;
}

/** Active employees with a position in the subtree of the unit at `path`, grouped by `grp` = the unit id. */
export const subtreeEmployees = (tenantId: string, unitId: string, path: string): SQL =>
  sql`select e.id, e.position_id, ${unitId}::uuid as grp from org_units s
    join employees e on e.tenant_id = ${tenantId} and e.unit_id = s.id and e.active
    where s.tenant_id = ${tenantId} and s.path like ${path} || '%' and e.position_id is not null`;

/**
 * Per child unit × competency: employees whose position requires it, how many of the assessed ones
 * are below the requirement, and how many are not assessed yet (never counted as below). One
 * set-based query over the child units' subtrees.
 */
export async function heatmapCells(
  db: Tx,
  tenantId: string,
  unitId: string,
  rule: HeatmapRule,
): Promise<HeatmapCell[]> {
  const emp = sql`select e.id, e.position_id, kids.id as grp from org_units kids
      join org_units s on s.tenant_id = ${tenantId} and s.path like kids.path || '%'
      join employees e on e.tenant_id = ${tenantId} and e.unit_id = s.id and e.active
      where kids.tenant_id = ${tenantId} and kids.parent_id = ${unitId} and kids.active
        and e.position_id is not null`;
  const res = await db.execute<HeatmapCell>(sql`
    with ${gapCtes(tenantId, emp, rule)}
    select req.grp as unit_id, req.competency_id, count(*)::int as required,
      (count(*) filter (where cur.level < req.required_level))::int as below,
      (count(*) filter (where cur.level is null))::int as not_assessed
    from req left join cur on cur.employee_id = req.employee_id and cur.competency_id = req.competency_id
    group by req.grp, req.competency_id`);
  return res.rows;
}

export type GapPerson = {
  nip: string;
  name: string;
  front_title: string | null;
  back_title: string | null;
  position_name: string | null;
  unit_name: string;
  required: number;
  current: number | null;
  source: string | null;
  gap: number;
  total: number;
  below: number;
  not_assessed: number;
};

/**
 * The people behind one heatmap cell: the employees of the unit's subtree whose position requires
 * the competency, widest gap first. `limit` null: all of them (for the download).
 */
export async function gapPeople(
  db: Tx,
  tenantId: string,
  unit: { id: string; path: string },
  competencyId: string,
  rule: HeatmapRule,
  limit: number | null,
  offset = 0,
): Promise<GapPerson[]> {
  const emp = subtreeEmployees(tenantId, unit.id, unit.path);
  const page = limit === null ? sql`` : sql`limit ${limit} offset ${offset}`;
  const res = await db.execute<GapPerson>(sql`
    with ${gapCtes(tenantId, emp, rule, competencyId)}, rows as (
      select req.employee_id, req.required_level as required, cur.level as current, cur.source,
        greatest(0, req.required_level - coalesce(cur.level, 0))::int as gap,
        coalesce(cur.level < req.required_level, false) as short, cur.level is null as unassessed
      from req left join cur on cur.employee_id = req.employee_id and cur.competency_id = req.competency_id
    )
    select e.nip, e.name, e.front_title, e.back_title, p.name as position_name, u.name as unit_name,
      r.required, r.current, r.source, r.gap,
      (count(*) over ())::int as total, (count(*) filter (where r.short) over ())::int as below,
      (count(*) filter (where r.unassessed) over ())::int as not_assessed
    from rows r join employees e on e.id = r.employee_id
    join org_units u on u.id = e.unit_id
    left join positions p on p.id = e.position_id
    order by r.gap desc, e.name, e.nip
    ${page}`);
  return res.rows;
}

export async function findCompetency(db: Tx, tenantId: string, id: string) {
  const res = await db.execute<{ id: string; code: string; name: string }>(sql`
    select c.id, c.code, v.name from competencies c
    join lateral (select v.name from competency_versions v where v.competency_id = c.id
      order by v.version desc limit 1) v on true
    where c.tenant_id = ${tenantId} and c.id = ${id}`);
  return res.rows[0] ?? null;
}

export async function findPosition(db: Tx, tenantId: string, id: string) {
  const res = await db.execute<{ id: string; name: string }>(
    sql`select id, name from positions where tenant_id = ${tenantId} and id = ${id}`,
  );
  return res.rows[0] ?? null;
}
