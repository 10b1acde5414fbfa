/** SQL of enrolments: the item view, the programme lock, the people involved. */
import { sql, type SQL } from 'drizzle-orm';
import { sqlArray, type Tx } from '../../db/client.js';
import type { AuthContext } from '../../http/auth.js';
import { hasRole } from '../../http/auth.js';
import type { EnrolmentItemT } from './schemas.js';
import { isoInstant } from '../../../domain/time.js';

export type ItemRow = {
  id: string;
  program_id: string;
  program_code: string;
  program_title: string;
  employee_id: string;
  nip: string;
  name: string;
  unit_name: string | null;
  status: EnrolmentItemT['status'];
  origin: EnrolmentItemT['origin'];
  reason: string | null;
  decision_note: string | null;
  waitlist_position: number | null;
  cost: string | number;
  first_at: Date | null;
  pre_test_score: string | number | null;
  post_test_score: string | number | null;
  completed_at: Date | null;
  created_at: Date;
};

const iso = isoInstant;
const num = (v: string | number | null) => (v === null ? null : Number(v));

export const presentItem = (r: ItemRow): EnrolmentItemT => ({
  id: r.id,
  programId: r.program_id,
  programCode: r.program_code,
  programTitle: r.program_title,
  employeeId: r.employee_id,
  nip: r.nip,
  name: r.name,
  unitName: r.unit_name,
  status: r.status,
  origin: r.origin,
  reason: r.reason,
  decisionNote: r.decision_note,
  waitlistPosition: r.waitlist_position,
  cost: Number(r.cost),
  firstSessionAt: iso(r.first_at),
  preTestScore: num(r.pre_test_score),
  postTestScore: num(r.post_test_score),
  completedAt: iso(r.completed_at),
  createdAt: iso(r.created_at)!,
});

/** Enrolments (alias en) joined with programme (p) and employee (e), filtered by `where`. */
export const itemSelect = (where: SQL) => sql`
  select en.id, en.program_id, p.code as program_code, p.title as program_title, en.employee_id, e.nip,
    concat_ws(' ', nullif(e.front_title, ''), e.name || coalesce(', ' || nullif(e.back_title, ''), '')) as name,
    u.name as unit_name, en.status, en.origin, en.reason, en.decision_note,
    case when en.status = 'waitlisted' then (select count(*)::int from enrollments w
      where w.program_id = en.program_id and w.status = 'waitlisted'
        and (w.waitlisted_at, w.id) <= (en.waitlisted_at, en.id)) end as waitlist_position,
    (p.cost_fee + p.cost_travel + p.cost_lodging) as cost,
    (select min(s.starts_at) from program_sessions s where s.program_id = p.id) as first_at,
    en.pre_test_score, en.post_test_score, en.completed_at, en.created_at
  from enrollments en
  join programs p on p.id = en.program_id
  join employees e on e.id = en.employee_id
  left join org_units u on u.id = e.unit_id
  where ${where}`;

export async function findItem(tx: Tx, tenantId: string, id: string): Promise<EnrolmentItemT | null> {
  const res = await tx.execute<ItemRow>(itemSelect(sql`en.tenant_id = ${tenantId} and en.id = ${id}`));
  return res.rows[0] ? presentItem(res.rows[0]) : null;
}

export type ProgrammeRow = {
  id: string;
  title: string;
  capacity: number;
  status: string;
};

/** Locks the programme row: every enrolment change of one programme runs one after the other. */
export async function lockProgramme(tx: Tx, tenantId: string, programId: string) {
  const res = await tx.execute<ProgrammeRow>(sql`select id, title, capacity, status from programs
    where tenant_id = ${tenantId} and id = ${programId} for update`);
  return res.rows[0] ?? null;
}

export type EnrolmentRow = {
  id: string;
  employee_id: string;
  status: EnrolmentItemT['status'];
  origin: EnrolmentItemT['origin'];
  waitlisted_at: Date | null;
  replaces_enrollment_id: string | null;
};

export async function enrolmentsOf(tx: Tx, programId: string) {
  const res = await tx.execute<EnrolmentRow>(sql`select id, employee_id, status, origin, waitlisted_at,
    replaces_enrollment_id from enrollments where program_id = ${programId} order by created_at, id`);
  return res.rows;
}

/** The recursive subordinates of the caller (as atasan), as a subquery of employee ids. */
export const subordinatesOf = (ctx: AuthContext): SQL =>
  ctx.employeeId && hasRole(ctx, 'atasan')
    ? sql`(with recursive sub(id) as (
        select id from employees where tenant_id = ${ctx.tenantId} and supervisor_id = ${ctx.employeeId}
        union select c.id from employees c join sub on c.supervisor_id = sub.id where c.tenant_id = ${ctx.tenantId}
      ) select id from sub)`
    : sql`(select null::uuid where false)`;

/** Whether the caller's employee is in the supervisor chain above the employee. */
export async function isInChainAbove(tx: Tx, ctx: AuthContext, employeeId: string) {
  if (!ctx.employeeId || !hasRole(ctx, 'atasan')) return false;
  const res = await tx.execute<{ ok: boolean }>(sql`with recursive up(id, sup, depth) as (
      select id, supervisor_id, 0 from employees where tenant_id = ${ctx.tenantId} and id = ${employeeId}
      union all select e.id, e.supervisor_id, up.depth + 1 from employees e join up on e.id = up.sup
      where up.depth < 30
    ) select exists (select 1 from up where sup = ${ctx.employeeId}) as ok`);
  return !!res.rows[0]?.ok;
}

/** Active users of the direct supervisor of each employee. */
export async function supervisorUsers(tx: Tx, tenantId: string, employeeIds: readonly string[]) {
  if (employeeIds.length === 0) return [];
  const res = await tx.execute<{ id: string }>(sql`select u.id from employees e
    join users u on u.employee_id = e.supervisor_id and u.active
    where e.tenant_id = ${tenantId} and e.id = any(${sqlArray([...employeeIds])}::uuid[])`);
  return res.rows.map((r) => r.id);
}

/** Sessions of the person's other approved programmes (for clash warnings). */
export async function otherApprovedSessions(tx: Tx, tenantId: string, employeeId: string, programId: string) {
  const res = await tx.execute<{ title: string; starts_at: Date; ends_at: Date }>(sql`
    select p.title, s.starts_at, s.ends_at from enrollments en
    join programs p on p.id = en.program_id
    join program_sessions s on s.program_id = p.id
    where en.tenant_id = ${tenantId} and en.employee_id = ${employeeId} and en.program_id <> ${programId}
      and en.status = 'approved'`);
  return res.rows;
}

export async function sessionsOf(tx: Tx, programId: string) {
  const res = await tx.execute<{ id: string; title: string; starts_at: Date; ends_at: Date }>(
    sql`select id, title, starts_at, ends_at from program_sessions where program_id = ${programId} order by starts_at, id`,
  );
  return res.rows;
}
