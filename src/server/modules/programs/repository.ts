import { sql, type SQL } from 'drizzle-orm';
import { formsOfPath } from '../../../domain/learning/forms.js';
import { sqlArray, type Tx } from '../../db/client.js';
import type { ProgramListQueryT } from './schemas.js';

export type ProgramRow = {
  id: string;
  tenant_id: string;
  code: string;
  title: string;
  description: string;
  form: string;
  scope: string;
  partner_id: string | null;
  partner_name: string | null;
  provider_name: string;
  organiser_unit_id: string | null;
  organiser_unit_name: string | null;
  city: string;
  jp: string | number;
  jp_basis: string;
  jp_basis_en: string;
  jp_rule_set_id: string | null;
  rule_code: string | null;
  rule_regulation: string | null;
  scheduled_jp: string | number | null;
  status: string;
  capacity: number;
  cost_fee: string | number;
  cost_travel: string | number;
  cost_lodging: string | number;
  eligible_position_types: string[];
  eligible_golongan: string[];
  min_attendance_pct: number;
  post_test_pass_mark: string | number | null;
  session_count: number;
  first_at: Date | null;
  last_at: Date | null;
};

const SELECT = sql`
  select p.id, p.tenant_id, p.code, p.title, p.description, p.form, p.scope, p.partner_id, pa.name as partner_name,
    p.provider_name, p.organiser_unit_id, u.name as organiser_unit_name, p.city, p.jp, p.jp_basis, p.jp_basis_en,
    p.jp_rule_set_id, r.code as rule_code, r.regulation as rule_regulation, p.scheduled_jp, p.status,
    p.capacity, p.cost_fee, p.cost_travel, p.cost_lodging, p.eligible_position_types, p.eligible_golongan,
    p.min_attendance_pct, p.post_test_pass_mark, coalesce(s.n, 0) as session_count, s.first_at, s.last_at
  from programs p
  left join partners pa on pa.id = p.partner_id
  left join org_units u on u.id = p.organiser_unit_id
  left join jp_rule_sets r on r.id = p.jp_rule_set_id
  left join lateral (select count(*)::int as n, min(x.starts_at) as first_at, max(x.ends_at) as last_at
    from program_sessions x where x.tenant_id = p.tenant_id and x.program_id = p.id) s on true`;

const tz = (tenantId: string) => sql`(select time_zone from tenants where id = ${tenantId})`;

/** Sessions on local dates between `from` and `to` (inclusive), as a condition on `p`. */
const sessionBetween = (tenantId: string, from: string | undefined, to: string | undefined) =>
  sql`exists (select 1 from program_sessions y where y.tenant_id = p.tenant_id and y.program_id = p.id
    ${from ? sql`and (y.ends_at at time zone ${tz(tenantId)})::date >= ${from}::date` : sql``}
    ${to ? sql`and (y.starts_at at time zone ${tz(tenantId)})::date <= ${to}::date` : sql``})`;

export const monthRange = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
};

export function listFilter(
  tenantId: string,
  scope: SQL,
  q: Omit<ProgramListQueryT, 'page' | 'pageSize' | 'sort'>,
): SQL {
  const where: SQL[] = [sql`p.tenant_id = ${tenantId}`, scope];
  if (q.q) {
    const like = '%' + q.q.toLowerCase().replace(/[%_\\]/g, '\\$&') + '%';
    where.push(
      sql`(lower(p.title) like ${like} or lower(p.code) like ${like} or lower(p.provider_name) like ${like})`,
    );
  }
  if (q.form) where.push(sql`p.form = ${q.form}`);
  if (q.path) where.push(sql`p.form = any(${sqlArray(formsOfPath(q.path).map((f) => f.code))}::text[])`);
  if (q.scope) where.push(sql`p.scope = ${q.scope}`);
  if (q.partnerId) where.push(sql`p.partner_id = ${q.partnerId}`);
  if (q.status) where.push(sql`p.status = ${q.status}`);
  if (q.organiserUnitId) where.push(sql`p.organiser_unit_id = ${q.organiserUnitId}`);
  if (q.competencyId)
    where.push(
      sql`exists (select 1 from program_competencies c where c.tenant_id = p.tenant_id and c.program_id = p.id and c.competency_id = ${q.competencyId})`,
    );
  if (q.month) {
    const r = monthRange(q.month);
    where.push(sessionBetween(tenantId, r.from, r.to));
  }
  if (q.from || q.to) where.push(sessionBetween(tenantId, q.from, q.to));
  return sql.join(where, sql` and `);
}

const ORDER: Record<ProgramListQueryT['sort'], SQL> = {
  // Running and upcoming first (soonest first), then the past (latest first), then unscheduled.
  start: sql`(s.last_at is null), (s.last_at < now()), case when s.last_at >= now() then s.first_at end asc,
    s.first_at desc, lower(p.title)`,
  title: sql`lower(p.title)`,
  code: sql`p.code`,
};

export async function listPrograms(
  db: Tx,
  where: SQL,
  sort: ProgramListQueryT['sort'],
  limit: number,
  offset: number,
) {
  const res = await db.execute<ProgramRow>(
    sql`${SELECT} where ${where} order by ${ORDER[sort]}, p.id limit ${limit} offset ${offset}`,
  );
  return res.rows;
}

export async function countPrograms(db: Tx, where: SQL) {
  const res = await db.execute<{ n: number }>(sql`select count(*)::int as n from programs p where ${where}`);
  return res.rows[0]?.n ?? 0;
}

export async function findProgram(db: Tx, tenantId: string, id: string, scope: SQL) {
  const res = await db.execute<ProgramRow>(
    sql`${SELECT} where p.tenant_id = ${tenantId} and p.id = ${id} and ${scope}`,
  );
  return res.rows[0] ?? null;
}

export type SessionRow = {
  id: string;
  title: string;
  starts_at: Date;
  ends_at: Date;
  starts_local: string;
  ends_local: string;
  venue: string | null;
  online_url: string | null;
};

export async function sessionsOf(db: Tx, tenantId: string, programId: string) {
  const res = await db.execute<SessionRow>(sql`
    select s.id, s.title, s.starts_at, s.ends_at,
      to_char(s.starts_at at time zone t.time_zone, 'YYYY-MM-DD"T"HH24:MI') as starts_local,
      to_char(s.ends_at at time zone t.time_zone, 'YYYY-MM-DD"T"HH24:MI') as ends_local, s.venue, s.online_url
    from program_sessions s join tenants t on t.id = s.tenant_id
    where s.tenant_id = ${tenantId} and s.program_id = ${programId} order by s.starts_at, s.id`);
  return res.rows;
}

export async function competenciesOf(db: Tx, tenantId: string, programId: string) {
  const res = await db.execute<{
    competency_id: string;
    code: string;
    name: string;
    expected_gain: number;
  }>(sql`
    select c.competency_id, k.code, coalesce(v.name, k.code) as name, c.expected_gain
    from program_competencies c join competencies k on k.id = c.competency_id
    left join lateral (select name from competency_versions cv where cv.competency_id = k.id
      order by cv.effective_from desc, cv.version desc limit 1) v on true
    where c.tenant_id = ${tenantId} and c.program_id = ${programId} order by k.code`);
  return res.rows;
}

/** A timestamp from a form's local date-time (tenant time zone) or an ISO string with offset. */
export const toTimestamp = (tenantId: string, value: string) =>
  /(Z|[+-]\d{2}:\d{2})$/.test(value)
    ? sql`${value}::timestamptz`
    : sql`(${value}::timestamp at time zone ${tz(tenantId)})`;

export async function calendar(db: Tx, tenantId: string, where: SQL, from: string, to: string) {
  const res = await db.execute<{
    session_id: string;
    program_id: string;
    code: string;
    title: string;
    form: string;
    status: string;
    session_title: string;
    date: string;
    starts_local: string;
    ends_local: string;
    venue: string | null;
    online: boolean;
  }>(sql`
    select y.id as session_id, p.id as program_id, p.code, p.title, p.form, p.status, y.title as session_title,
      to_char(y.starts_at at time zone ${tz(tenantId)}, 'YYYY-MM-DD') as date,
      to_char(y.starts_at at time zone ${tz(tenantId)}, 'YYYY-MM-DD"T"HH24:MI') as starts_local,
      to_char(y.ends_at at time zone ${tz(tenantId)}, 'YYYY-MM-DD"T"HH24:MI') as ends_local,
      y.venue, y.online_url is not null as online
    from program_sessions y join programs p on p.id = y.program_id
    where y.tenant_id = ${tenantId} and ${where}
      and (y.ends_at at time zone ${tz(tenantId)})::date >= ${from}::date
      and (y.starts_at at time zone ${tz(tenantId)})::date <= ${to}::date
    order by y.starts_at, p.title limit 2000`);
  return res.rows;
}
