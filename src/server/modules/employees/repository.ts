import { sql, type SQL } from 'drizzle-orm';
import { sqlArray, type Tx } from '../../db/client.js';
import type { EmployeeListQueryT } from './schemas.js';

export type EmployeeRow = {
  id: string;
  nip: string;
  name: string;
  front_title: string | null;
  back_title: string | null;
  status: string;
  golongan: string | null;
  gender: string;
  birth_date: string;
  appointment: string;
  unit_id: string;
  unit_name: string;
  unit_path: string;
  position_id: string | null;
  position_name: string | null;
  position_type: string | null;
  supervisor_id: string | null;
  email: string | null;
  phone: string | null;
  active: boolean;
};

const SELECT = sql`
  select e.id, e.nip, e.name, e.front_title, e.back_title, e.status, e.golongan, e.gender, e.birth_date,
         e.appointment, e.unit_id, u.name as unit_name, u.path as unit_path, e.position_id,
         p.name as position_name, p.type as position_type, e.supervisor_id, e.email, e.phone, e.active
  from employees e
  join org_units u on u.id = e.unit_id
  left join positions p on p.id = e.position_id`;

const SORTS: Record<EmployeeListQueryT['sort'], SQL> = {
  name: sql`e.name`,
  nip: sql`e.nip`,
  golongan: sql`e.golongan`,
  unit: sql`u.name`,
};

/** Filters of the employee list; `scope` is the caller's read scope (see policy.ts). */
export function listFilter(
  tenantId: string,
  scope: SQL,
  q: Omit<EmployeeListQueryT, 'page' | 'pageSize' | 'sort' | 'order'>,
): SQL {
  const where: SQL[] = [sql`e.tenant_id = ${tenantId}`, scope];
  if (q.includeInactive !== 'true') where.push(sql`e.active`);
  if (q.q) {
    const term = q.q.replace(/[\s.-]/g, '');
    if (/^\d+$/.test(term)) where.push(sql`e.nip like ${term + '%'}`);
    else where.push(sql`lower(e.name) like ${'%' + q.q.toLowerCase().replace(/[%_\\]/g, '\\$&') + '%'}`);
  }
  if (q.unitId) {
    where.push(sql`e.unit_id in (select s.id from org_units s where s.tenant_id = ${tenantId}
      and s.path like '%/' || ${q.unitId}::text || '/%')`);
  }
  if (q.status) where.push(sql`e.status = ${q.status}`);
  if (q.golongan) where.push(sql`e.golongan = ${q.golongan}`);
  if (q.positionType) where.push(sql`p.type = ${q.positionType}`);
  return sql.join(where, sql` and `);
}

export async function listEmployees(
  db: Tx,
  where: SQL,
  q: EmployeeListQueryT,
  limit: number,
  offset: number,
) {
  const dir = q.order === 'desc' ? sql`desc` : sql`asc`;
  const res = await db.execute<EmployeeRow>(
    sql`${SELECT} where ${where} order by ${SORTS[q.sort]} ${dir}, e.nip limit ${limit} offset ${offset}`,
  );
  return res.rows;
}

/** Counts the filtered list; joins positions only when a filter reads them (`p.…`). */
export async function countEmployees(db: Tx, where: SQL, joinPositions: boolean): Promise<number> {
  const join = joinPositions ? sql`left join positions p on p.id = e.position_id` : sql``;
  const res = await db.execute<{ n: number }>(
    sql`select count(*)::int as n from employees e ${join} where ${where}`,
  );
  return Number(res.rows[0]?.n ?? 0);
}

export async function findByNip(
  db: Tx,
  tenantId: string,
  nip: string,
  scope: SQL,
): Promise<EmployeeRow | null> {
  const res = await db.execute<EmployeeRow>(
    sql`${SELECT} where e.tenant_id = ${tenantId} and e.nip = ${nip} and ${scope}`,
  );
  return res.rows[0] ?? null;
}

export async function findIdByNip(
  db: Tx,
  tenantId: string,
  nip: string,
): Promise<{ id: string; name: string } | null> {
  const res = await db.execute<{ id: string; name: string }>(
    sql`select id, name from employees where tenant_id = ${tenantId} and nip = ${nip}`,
  );
  return res.rows[0] ?? null;
}

export async function unitPath(db: Tx, tenantId: string, path: string) {
  const ids = path.split('/').filter(Boolean);
  const res = await db.execute<{ id: string; name: string }>(
    sql`select id, name from org_units where tenant_id = ${tenantId} and id = any(${sqlArray(ids)}::uuid[])`,
  );
  const byId = new Map(res.rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is { id: string; name: string } => !!r);
}

export async function supervisorOf(db: Tx, supervisorId: string | null) {
  if (!supervisorId) return null;
  const res = await db.execute<{
    nip: string;
    name: string;
    front_title: string | null;
    back_title: string | null;
  }>(sql`select nip, name, front_title, back_title from employees where id = ${supervisorId}`);
  return res.rows[0] ?? null;
}

export async function subordinateCount(db: Tx, employeeId: string): Promise<number> {
  const res = await db.execute<{ n: number }>(
    sql`select count(*)::int as n from employees where supervisor_id = ${employeeId} and active`,
  );
  return Number(res.rows[0]?.n ?? 0);
}

export async function history(db: Tx, tenantId: string, employeeId: string) {
  const res = await db.execute<{
    unit_id: string;
    unit_name: string;
    position_id: string | null;
    position_name: string | null;
    golongan: string | null;
    effective_from: string;
    effective_to: string | null;
    note: string | null;
  }>(sql`select a.unit_id, u.name as unit_name, a.position_id, p.name as position_name, a.golongan,
      a.effective_from, a.effective_to, a.note
    from employee_assignments a join org_units u on u.id = a.unit_id left join positions p on p.id = a.position_id
    where a.tenant_id = ${tenantId} and a.employee_id = ${employeeId}
    order by a.effective_from desc, a.created_at desc`);
  return res.rows;
}

/** Whether making `supervisorId` the supervisor of `employeeId` would close a loop. */
export async function wouldCycle(db: Tx, employeeId: string, supervisorId: string): Promise<boolean> {
  const res = await db.execute(sql`
    with recursive up(id, depth) as (
      select ${supervisorId}::uuid, 0
      union select e.supervisor_id, up.depth + 1 from employees e join up on e.id = up.id
      where e.supervisor_id is not null and up.depth < 50
    ) select 1 from up where id = ${employeeId}::uuid limit 1`);
  return (res.rowCount ?? 0) > 0;
}
