/** A small factory of programmes, sessions and enrolments written straight into the test database. */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { sqlArray, type Db } from '../../src/server/db/client.js';

let seq = 0;

export interface ProgrammeSpec {
  capacity?: number;
  /** Sessions as offsets from now in minutes: [startMin, endMin]. */
  sessions?: [number, number][];
  eligibleGolongan?: string[];
  organiserUnitCode?: string;
  partnerName?: string;
  fee?: number;
  travel?: number;
  lodging?: number;
  minAttendancePct?: number;
  postTestPassMark?: number | null;
}

export async function tenantId(db: Db): Promise<string> {
  return (await db.execute<{ id: string }>(sql`select id from tenants where code = 'ambon'`)).rows[0]!.id;
}

export async function createProgramme(db: Db, spec: ProgrammeSpec = {}) {
  const t = await tenantId(db);
  const id = randomUUID();
  const n = ++seq;
  const title = `Program uji pendaftaran ${n} ${id.slice(0, 4)}`;
  await db.execute(sql`insert into programs (id, tenant_id, code, title, form, capacity, status, organiser_unit_id,
      partner_id, eligible_golongan, cost_fee, cost_travel, cost_lodging, min_attendance_pct, post_test_pass_mark, jp)
    values (${id}, ${t}, ${`UJI-EN-${n}-${id.slice(0, 6)}`}, ${title}, 'B7', ${spec.capacity ?? 10}, 'published',
      (select id from org_units where tenant_id = ${t} and code = ${spec.organiserUnitCode ?? 'BKPSDM'}),
      (select id from partners where tenant_id = ${t} and name = ${spec.partnerName ?? ''}),
      ${sqlArray(spec.eligibleGolongan ?? [])}::text[], ${spec.fee ?? 1_000_000}, ${spec.travel ?? 0}, ${spec.lodging ?? 0},
      ${spec.minAttendancePct ?? 80}, ${spec.postTestPassMark ?? null}, 8)`);
  const sessionIds: string[] = [];
  for (const [a, b] of spec.sessions ?? [[60 * 24 * 10, 60 * 24 * 10 + 360]]) {
    const sid = randomUUID();
    await db.execute(sql`insert into program_sessions (id, tenant_id, program_id, title, starts_at, ends_at, venue)
      values (${sid}, ${t}, ${id}, ${`Sesi ${sessionIds.length + 1}`}, now() + make_interval(mins => ${a}),
        now() + make_interval(mins => ${b}), 'Aula uji')`);
    sessionIds.push(sid);
  }
  return { id, title, sessionIds };
}

/** An enrolment in a given status (e.g. already approved), skipping the approval steps. */
export async function enrol(db: Db, programId: string, employeeId: string, status = 'approved') {
  const t = await tenantId(db);
  const id = randomUUID();
  await db.execute(sql`insert into enrollments (id, tenant_id, program_id, employee_id, status, origin)
    values (${id}, ${t}, ${programId}, ${employeeId}, ${status}, 'operator')`);
  return id;
}

export async function employeeOf(db: Db, username: string): Promise<string> {
  return (
    await db.execute<{ employee_id: string }>(sql`select employee_id from users where username = ${username}`)
  ).rows[0]!.employee_id;
}
