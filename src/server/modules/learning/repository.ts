import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';

/** The annual JP target of the rule set in effect at the end of `year`, or null when none is stored. */
export async function storedTargetJp(db: Tx, tenantId: string, year: number): Promise<number | null> {
  const res = await db.execute<{ target: number }>(sql`
    select annual_target_jp as target from jp_rule_sets
    where tenant_id = ${tenantId} and effective_from <= make_date(${year}::int, 12, 31)
    order by effective_from desc limit 1`);
  return res.rows[0]?.target ?? null;
}

export type RecordRow = {
  id: string;
  title: string;
  form: string;
  scope: 'nasional' | 'internasional';
  source: 'program' | 'external' | 'import';
  starts_on: string;
  ends_on: string;
  jp: number;
  jp_basis: string;
  jp_basis_en: string;
};

export async function recordsOf(db: Tx, tenantId: string, employeeId: string, year: number) {
  const res = await db.execute<RecordRow>(sql`
    select id, title, form, scope, source, starts_on::text, ends_on::text, jp::float8 as jp, jp_basis, jp_basis_en
    from learning_records
    where tenant_id = ${tenantId} and employee_id = ${employeeId} and year = ${year}
    order by ends_on desc, title`);
  return res.rows;
}

/** JP per year for one employee, for the years given (missing years count 0). */
export async function jpByYear(db: Tx, tenantId: string, employeeId: string, from: number, to: number) {
  const res = await db.execute<{ year: number; total: number }>(sql`
    select y.year, coalesce(sum(r.jp), 0)::float8 as total
    from generate_series(${from}::int, ${to}::int) y(year)
    left join learning_records r on r.tenant_id = ${tenantId} and r.employee_id = ${employeeId} and r.year = y.year
    group by y.year order by y.year`);
  return res.rows;
}

export type ComplianceRow = {
  grp: string;
  employees: number;
  compliant: number;
  jp_sum: number;
};

/**
 * Compliance of each direct child unit of `unit` (its whole subtree), plus a row for the people
 * placed in the unit itself (`grp` = the unit). One pass: each employee's child unit is read from
 * the materialised path, the year's JP summed per employee once.
 */
export async function complianceByChild(
  db: Tx,
  tenantId: string,
  unit: { id: string; path: string },
  year: number,
  target: number,
) {
  const [groups, units] = await Promise.all([
    db.execute<ComplianceRow>(sql`
      with emp as (
        select e.id, coalesce(nullif(split_part(substr(s.path, length(${unit.path}) + 1), '/', 1), '')::uuid,
          ${unit.id}::uuid) as grp
        from org_units s
        join employees e on e.tenant_id = ${tenantId} and e.unit_id = s.id and e.active
        where s.tenant_id = ${tenantId} and s.path like ${unit.path} || '%'
      ), tot as (
        select r.employee_id, sum(r.jp) as jp from learning_records r
        where r.tenant_id = ${tenantId} and r.year = ${year}
        group by r.employee_id
      )
      select emp.grp, count(*)::int as employees,
        (count(*) filter (where coalesce(tot.jp, 0) >= ${target}))::int as compliant,
        coalesce(sum(tot.jp), 0)::float8 as jp_sum
      from emp left join tot on tot.employee_id = emp.id
      group by emp.grp`),
    db.execute<{ id: string; code: string; name: string; has_children: boolean }>(sql`
      select k.id, k.code, k.name,
        exists (select 1 from org_units c where c.tenant_id = ${tenantId} and c.parent_id = k.id and c.active) as has_children
      from org_units k where k.tenant_id = ${tenantId} and k.parent_id = ${unit.id} and k.active
      order by k.code`),
  ]);
  return { groups: groups.rows, units: units.rows };
}

export type CompliancePersonRow = {
  nip: string;
  name: string;
  front_title: string | null;
  back_title: string | null;
  unit_name: string;
  position_name: string | null;
  total_jp: number;
  records: number;
  total: number;
};

/** The employees of a unit's subtree with their JP for the year, fewest JP first. */
export async function compliancePeople(
  db: Tx,
  tenantId: string,
  unitPath: string,
  year: number,
  target: number,
  behindOnly: boolean,
  limit: number | null,
  offset = 0,
) {
  const page = limit === null ? sql`` : sql`limit ${limit} offset ${offset}`;
  const res = await db.execute<CompliancePersonRow>(sql`
    with tot as (
      select r.employee_id, sum(r.jp) as jp, count(*)::int as n from learning_records r
      where r.tenant_id = ${tenantId} and r.year = ${year}
      group by r.employee_id
    ), rows as (
      select e.id, e.nip, e.name, e.front_title, e.back_title, e.unit_id, e.position_id,
        coalesce(tot.jp, 0)::float8 as total_jp, coalesce(tot.n, 0) as records
      from org_units s
      join employees e on e.tenant_id = ${tenantId} and e.unit_id = s.id and e.active
      left join tot on tot.employee_id = e.id
      where s.tenant_id = ${tenantId} and s.path like ${unitPath} || '%'
    )
    select r.nip, r.name, r.front_title, r.back_title, u.name as unit_name, p.name as position_name,
      r.total_jp, r.records, (count(*) over ())::int as total
    from rows r join org_units u on u.id = r.unit_id left join positions p on p.id = r.position_id
    where ${behindOnly ? sql`r.total_jp < ${target}` : sql`true`}
    order by r.total_jp, r.name, r.nip
    ${page}`);
  return res.rows;
}

export async function upcomingSessions(db: Tx, tenantId: string, employeeId: string, limit = 10) {
  const res = await db.execute<{
    session_id: string;
    program_id: string;
    program_title: string;
    title: string;
    starts_at: string;
    ends_at: string;
    venue: string | null;
    online_url: string | null;
  }>(sql`
    select s.id as session_id, p.id as program_id, p.title as program_title, s.title,
      s.starts_at, s.ends_at, s.venue, s.online_url
    from enrollments en
    join programs p on p.id = en.program_id
    join program_sessions s on s.program_id = p.id and s.ends_at >= now()
    where en.tenant_id = ${tenantId} and en.employee_id = ${employeeId} and en.status = 'approved'
    order by s.starts_at limit ${limit}`);
  return res.rows;
}

export async function certificatesOf(db: Tx, tenantId: string, employeeId: string) {
  const res = await db.execute<{
    id: string;
    kind: 'asah' | 'external';
    title: string;
    number: string | null;
    verification_code: string | null;
    issued_on: string;
    jp: number | null;
    status: 'valid' | 'revoked' | 'submitted' | 'verified' | 'rejected';
  }>(sql`
    select c.id, 'asah' as kind, c.program_title as title, c.number, c.verification_code,
      c.issued_on::text, c.jp::float8 as jp,
      case when c.revoked_at is null then 'valid' else 'revoked' end as status
    from certificates c where c.tenant_id = ${tenantId} and c.employee_id = ${employeeId}
    union all
    select x.id, 'external', x.title, null, null, x.ends_on::text,
      (select sum(r.jp)::float8 from learning_records r where r.external_certificate_id = x.id), x.status
    from external_certificates x where x.tenant_id = ${tenantId} and x.employee_id = ${employeeId}
    order by issued_on desc`);
  return res.rows;
}
