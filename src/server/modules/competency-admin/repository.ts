import { sql, type SQL } from 'drizzle-orm';
import { sqlArray, type Tx } from '../../db/client.js';
import type { CompetencyLevelText } from '../../db/schema/index.js';

export type Group = 'M' | 'SK' | 'T';

export type VersionRow = {
  competency_id: string;
  code: string;
  group: Group;
  active: boolean;
  version_id: string;
  version: number;
  name: string;
  definition: string;
  levels: CompetencyLevelText[];
  effective_from: string;
};

const versionColumns = sql`c.id as competency_id, c.code, c."group", c.active, v.id as version_id, v.version,
  v.name, v.definition, v.levels, v.effective_from::text as effective_from`;
const groupOrder = sql`array_position(array['M', 'SK', 'T'], c."group"),
  nullif(regexp_replace(c.code, '[^0-9]', '', 'g'), '')::int nulls last, c.code`;

/**
 * Every competency of the tenant (active or not) with one version each: the one in effect on `today`
 * (or the first one when none is yet), or with `today` null the newest one.
 */
export async function competencyVersions(db: Tx, tenantId: string, today: string | null, id?: string) {
  const pick = today
    ? sql`order by (v.effective_from <= ${today}::date) desc, case when v.effective_from <= ${today}::date then -v.version else v.version end`
    : sql`order by v.version desc`;
  const one = id ? sql`and c.id = ${id}` : sql``;
  const res = await db.execute<VersionRow>(sql`
    select ${versionColumns} from competencies c
    join lateral (select * from competency_versions v where v.tenant_id = c.tenant_id and v.competency_id = c.id
      ${pick} limit 1) v on true
    where c.tenant_id = ${tenantId} ${one}
    order by ${groupOrder}`);
  return res.rows;
}

/** Locks the competency for an edit and returns its newest version. */
export async function lockNewest(tx: Tx, tenantId: string, id: string): Promise<VersionRow | null> {
  await tx.execute(sql`select id from competencies where tenant_id = ${tenantId} and id = ${id} for update`);
  return (await competencyVersions(tx, tenantId, null, id))[0] ?? null;
}

export async function codeTaken(tx: Tx, tenantId: string, code: string): Promise<boolean> {
  const res = await tx.execute(
    sql`select 1 from competencies where tenant_id = ${tenantId} and lower(code) = lower(${code})`,
  );
  return res.rows.length > 0;
}

export interface Wording {
  name: string;
  definition: string;
  levels: CompetencyLevelText[];
}

export async function insertCompetency(
  tx: Tx,
  tenantId: string,
  c: Wording & { code: string; group: Group; effectiveFrom: string },
): Promise<string> {
  const res = await tx.execute<{ id: string }>(sql`
    insert into competencies (tenant_id, code, "group") values (${tenantId}, ${c.code}, ${c.group}) returning id`);
  const id = res.rows[0]!.id;
  await insertVersion(tx, tenantId, id, 1, c);
  return id;
}

export async function insertVersion(
  tx: Tx,
  tenantId: string,
  competencyId: string,
  version: number,
  w: Wording & { effectiveFrom: string },
) {
  await tx.execute(sql`
    insert into competency_versions (tenant_id, competency_id, version, name, definition, levels, effective_from)
    values (${tenantId}, ${competencyId}, ${version}, ${w.name}, ${w.definition},
      ${JSON.stringify(w.levels)}::jsonb, ${w.effectiveFrom}::date)`);
}

export async function setActive(tx: Tx, tenantId: string, id: string, active: boolean) {
  await tx.execute(
    sql`update competencies set active = ${active} where tenant_id = ${tenantId} and id = ${id}`,
  );
}

export async function versionHistory(db: Tx, tenantId: string, id: string) {
  const res = await db.execute<{
    id: string;
    version: number;
    name: string;
    definition: string;
    levels: CompetencyLevelText[];
    effective_from: string;
    created_at: string;
    assessments: number;
  }>(sql`
    select v.id, v.version, v.name, v.definition, v.levels, v.effective_from::text as effective_from,
      v.created_at, (select count(*)::int from assessments a where a.competency_version_id = v.id) as assessments
    from competency_versions v where v.tenant_id = ${tenantId} and v.competency_id = ${id}
    order by v.version desc`);
  return res.rows;
}

// ------------------------------------------------------------------------------------- templates

export async function storedTemplates(db: Tx, tenantId: string) {
  const res = await db.execute<{
    position_type: string;
    position_level: string;
    competency_id: string;
    required_level: number;
  }>(sql`select t.position_type, t.position_level, t.competency_id, t.required_level
    from competency_templates t join competencies c on c.id = t.competency_id and c.active
    where t.tenant_id = ${tenantId}`);
  return res.rows;
}

/** Active positions per type and functional level. */
export async function positionCounts(db: Tx, tenantId: string) {
  const res = await db.execute<{ type: string; level: string; n: number }>(sql`
    select type, coalesce(level, '') as level, count(*)::int as n from positions
    where tenant_id = ${tenantId} and active group by 1, 2`);
  return res.rows;
}

export async function replaceTemplate(
  tx: Tx,
  tenantId: string,
  type: string,
  level: string,
  cells: { competencyId: string; requiredLevel: number }[],
) {
  await tx.execute(sql`delete from competency_templates
    where tenant_id = ${tenantId} and position_type = ${type} and position_level = ${level}`);
  if (cells.length === 0) return;
  await tx.execute(sql`
    insert into competency_templates (tenant_id, position_type, position_level, competency_id, required_level)
    select ${tenantId}::uuid, ${type}, ${level}, * from unnest(
      ${sqlArray(cells.map((c) => c.competencyId))}::uuid[], ${sqlArray(cells.map((c) => c.requiredLevel))}::int[])`);
}

export async function activeCompetencyIds(db: Tx, tenantId: string, ids: string[]): Promise<Set<string>> {
  const res = await db.execute<{ id: string }>(sql`select id from competencies
    where tenant_id = ${tenantId} and active and id = any(${sqlArray(ids)}::uuid[])`);
  return new Set(res.rows.map((r) => r.id));
}

/**
 * Applies cells to every active position of the type (and functional level, '' = all levels):
 * `fill_missing` adds only cells a position lacks, `overwrite` also sets existing cells of the
 * template's competencies to the template's level. Other competencies are left alone.
 */
export async function applyCells(
  tx: Tx,
  tenantId: string,
  type: string,
  level: string,
  cells: { competencyId: string; requiredLevel: number }[],
  overwrite: boolean,
) {
  const levelCond = level === '' ? sql`` : sql`and p.level = ${level}`;
  const res = await tx.execute<{
    positions: number;
    inserted: number;
    updated: number;
    unchanged: number;
  }>(sql`
    with pos as (
      select p.id from positions p where p.tenant_id = ${tenantId} and p.active and p.type = ${type} ${levelCond}
    ), tpl as (
      select * from unnest(${sqlArray(cells.map((c) => c.competencyId))}::uuid[],
        ${sqlArray(cells.map((c) => c.requiredLevel))}::int[]) as t(competency_id, required_level)
    ), want as (
      select pos.id as position_id, tpl.competency_id, tpl.required_level, ps.required_level as old
      from pos cross join tpl
      left join position_standards ps on ps.tenant_id = ${tenantId} and ps.position_id = pos.id
        and ps.competency_id = tpl.competency_id
    ), ins as (
      insert into position_standards (tenant_id, position_id, competency_id, required_level)
      select ${tenantId}::uuid, position_id, competency_id, required_level from want where old is null
      returning 1
    ), upd as (
      update position_standards ps set required_level = w.required_level from want w
      where ${overwrite} and ps.tenant_id = ${tenantId} and ps.position_id = w.position_id
        and ps.competency_id = w.competency_id and w.old is not null and w.old <> w.required_level
      returning 1
    )
    select (select count(*)::int from pos) as positions, (select count(*)::int from ins) as inserted,
      (select count(*)::int from upd) as updated,
      (select count(*)::int from want where old is not null) - (select count(*)::int from upd) as unchanged`);
  return res.rows[0]!;
}

// ------------------------------------------------------------------------------------- matrix

export type PositionRow = {
  id: string;
  code: string;
  name: string;
  type: string;
  level: string | null;
};

/** Active positions matching the filter; `holdersScope` limits them to positions held there. */
export async function positionsPage(
  db: Tx,
  tenantId: string,
  f: { type?: string; q?: string; holdersScope: SQL | null; limit: number | null; offset: number },
) {
  const type = f.type ? sql`and p.type = ${f.type}` : sql``;
  const like = f.q ? `%${f.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const q = like ? sql`and (lower(p.name) like ${like} or lower(p.code) like ${like})` : sql``;
  const held = f.holdersScope
    ? sql`and p.id in (select e.position_id from employees e join org_units s on s.id = e.unit_id
        where e.tenant_id = ${tenantId} and e.active and e.position_id is not null and ${f.holdersScope})`
    : sql``;
  const limit = f.limit === null ? sql`` : sql`limit ${f.limit} offset ${f.offset}`;
  const res = await db.execute<PositionRow & { total: number }>(sql`
    select p.id, p.code, p.name, p.type, p.level, count(*) over()::int as total from positions p
    where p.tenant_id = ${tenantId} and p.active ${type} ${q} ${held}
    order by array_position(array['jpt_utama','jpt_madya','jpt_pratama','administrator','pengawas',
      'fungsional_keahlian','fungsional_keterampilan','pelaksana'], p.type), lower(p.name), p.code
    ${limit}`);
  return res.rows;
}

export async function holders(db: Tx, tenantId: string, positionIds: string[]) {
  const res = await db.execute<{ position_id: string; n: number }>(sql`
    select position_id, count(*)::int as n from employees
    where tenant_id = ${tenantId} and active and position_id = any(${sqlArray(positionIds)}::uuid[])
    group by 1`);
  return new Map(res.rows.map((r) => [r.position_id, r.n]));
}

export async function standardsOfPositions(db: Tx, tenantId: string, positionIds: string[]) {
  const res = await db.execute<{ position_id: string; competency_id: string; required_level: number }>(sql`
    select ps.position_id, ps.competency_id, ps.required_level from position_standards ps
    where ps.tenant_id = ${tenantId} and ps.position_id = any(${sqlArray(positionIds)}::uuid[])`);
  return res.rows;
}

export async function knownPositions(db: Tx, tenantId: string, ids: string[]): Promise<Set<string>> {
  const res = await db.execute<{ id: string }>(sql`select id from positions
    where tenant_id = ${tenantId} and id = any(${sqlArray(ids)}::uuid[])`);
  return new Set(res.rows.map((r) => r.id));
}

export async function positionsByCode(db: Tx, tenantId: string) {
  const res = await db.execute<PositionRow>(
    sql`select id, code, name, type, level from positions where tenant_id = ${tenantId}`,
  );
  return new Map(res.rows.map((r) => [r.code.toLowerCase(), r]));
}

export interface Cell {
  positionId: string;
  competencyId: string;
  requiredLevel: number | null;
}

/** Writes cells (null removes); returns what changed. */
export async function writeCells(tx: Tx, tenantId: string, cells: Cell[]) {
  const set = cells.filter((c) => c.requiredLevel !== null);
  const del = cells.filter((c) => c.requiredLevel === null);
  const res = await tx.execute<{ inserted: number; updated: number; removed: number }>(sql`
    with s as (
      select * from unnest(${sqlArray(set.map((c) => c.positionId))}::uuid[],
        ${sqlArray(set.map((c) => c.competencyId))}::uuid[], ${sqlArray(set.map((c) => c.requiredLevel))}::int[])
        as s(position_id, competency_id, required_level)
    ), d as (
      select * from unnest(${sqlArray(del.map((c) => c.positionId))}::uuid[],
        ${sqlArray(del.map((c) => c.competencyId))}::uuid[]) as d(position_id, competency_id)
    ), removed as (
      delete from position_standards ps using d where ps.tenant_id = ${tenantId}
        and ps.position_id = d.position_id and ps.competency_id = d.competency_id returning 1
    ), up as (
      insert into position_standards (tenant_id, position_id, competency_id, required_level)
      select ${tenantId}::uuid, s.position_id, s.competency_id, s.required_level from s
      on conflict (tenant_id, position_id, competency_id) do update set required_level = excluded.required_level
        where position_standards.required_level <> excluded.required_level
      returning (xmax = 0) as inserted
    )
    select (select count(*)::int from up where inserted) as inserted,
      (select count(*)::int from up where not inserted) as updated,
      (select count(*)::int from removed) as removed`);
  return res.rows[0]!;
}
