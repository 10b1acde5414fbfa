import { sql, type SQL } from 'drizzle-orm';
import { sqlArray, type Tx } from '../../db/client.js';

export type EmployeeRef = {
  id: string;
  nip: string;
  name: string;
  unit_id: string;
  supervisor_id: string | null;
};

/** The employee by NIP within a scope (a condition on alias `e`). */
export async function employeeByNip(db: Tx, tenantId: string, nip: string, scope: SQL) {
  const res = await db.execute<EmployeeRef>(sql`
    select e.id, e.nip, e.name, e.unit_id, e.supervisor_id from employees e
    where e.tenant_id = ${tenantId} and e.nip = ${nip} and ${scope}`);
  return res.rows[0] ?? null;
}

export async function employeeById(db: Tx, tenantId: string, id: string, scope: SQL) {
  const res = await db.execute<EmployeeRef>(sql`
    select e.id, e.nip, e.name, e.unit_id, e.supervisor_id from employees e
    where e.tenant_id = ${tenantId} and e.id = ${id} and ${scope}`);
  return res.rows[0] ?? null;
}

/** Whether `employeeId` is below `supervisorId` in the supervisor chain. */
export async function isBelow(db: Tx, tenantId: string, supervisorId: string, employeeId: string) {
  const res = await db.execute<{ ok: boolean }>(sql`
    with recursive up(id, supervisor_id, depth) as (
      select id, supervisor_id, 0 from employees where tenant_id = ${tenantId} and id = ${employeeId}
      union all select s.id, s.supervisor_id, up.depth + 1 from employees s join up on s.id = up.supervisor_id
      where s.tenant_id = ${tenantId} and up.depth < 50
    ) select exists (select 1 from up where supervisor_id = ${supervisorId}) as ok`);
  return res.rows[0]?.ok ?? false;
}

/** Open campaign tasks of the assessor for the employee and source (optionally one campaign). */
export async function openTasks(
  db: Tx,
  tenantId: string,
  q: { employeeId: string; assessorId: string; source: string; campaignId?: string | null },
) {
  const campaign = q.campaignId ? sql`and c.id = ${q.campaignId}` : sql``;
  const res = await db.execute<{ id: string; campaign_id: string; completed_at: string | null }>(sql`
    select a.id, a.campaign_id, a.completed_at from campaign_assignments a
    join assessment_campaigns c on c.id = a.campaign_id and c.status = 'open'
    where a.tenant_id = ${tenantId} and a.employee_id = ${q.employeeId}
      and a.assessor_employee_id = ${q.assessorId} and a.source = ${q.source} ${campaign}
    order by a.completed_at nulls first, c.due_on, c.created_at`);
  return res.rows;
}

export async function completeTasks(db: Tx, ids: string[]) {
  if (ids.length === 0) return;
  await db.execute(sql`update campaign_assignments set completed_at = now()
    where id = any(${sqlArray(ids)}::uuid[]) and completed_at is null`);
}

export async function fileOf(db: Tx, tenantId: string, id: string) {
  const res = await db.execute<{
    id: string;
    employee_id: string | null;
    uploaded_by: string | null;
    purpose: string;
    name: string;
    content_type: string;
    size: number;
  }>(sql`select id, employee_id, uploaded_by, purpose, name, content_type, size from files
    where tenant_id = ${tenantId} and id = ${id}`);
  return res.rows[0] ?? null;
}

export async function fileData(db: Tx, tenantId: string, id: string) {
  const res = await db.execute<{ data: Buffer; name: string; content_type: string }>(
    sql`select data, name, content_type from files where tenant_id = ${tenantId} and id = ${id}`,
  );
  return res.rows[0] ?? null;
}

export interface NewAssessment {
  employeeId: string;
  competencyId: string;
  versionId: string;
  source: string;
  level: number;
  assessedOn: string;
  assessorUserId: string | null;
  assessorEmployeeId: string | null;
  note: string | null;
  fileId: string | null;
  campaignId: string | null;
}

export async function insertAssessments(db: Tx, tenantId: string, rows: NewAssessment[]) {
  if (rows.length === 0) return [];
  const col = <K extends keyof NewAssessment>(k: K) => sqlArray(rows.map((r) => r[k]));
  const res = await db.execute<{ id: string }>(sql`
    insert into assessments (tenant_id, employee_id, competency_id, competency_version_id, source, level,
      assessed_on, assessor_user_id, assessor_employee_id, evidence_note, evidence_file_id, campaign_id)
    select ${tenantId}::uuid, * from unnest(${col('employeeId')}::uuid[], ${col('competencyId')}::uuid[],
      ${col('versionId')}::uuid[], ${col('source')}::text[], ${col('level')}::int[], ${col('assessedOn')}::date[],
      ${col('assessorUserId')}::uuid[], ${col('assessorEmployeeId')}::uuid[], ${col('note')}::text[],
      ${col('fileId')}::uuid[], ${col('campaignId')}::uuid[])
    returning id`);
  return res.rows.map((r) => r.id);
}

/** Every assessment of the employee with its assessor and evidence, newest first. */
export async function history(db: Tx, tenantId: string, employeeId: string) {
  const res = await db.execute<{
    id: string;
    competency_id: string;
    code: string;
    name: string;
    version: number;
    source: string;
    level: number;
    assessed_on: string;
    assessor_name: string | null;
    note: string | null;
    evidence_file_id: string | null;
    evidence_file_name: string | null;
    campaign_id: string | null;
  }>(sql`
    select a.id, a.competency_id, c.code, v.name, v.version, a.source, a.level, a.assessed_on::text,
      coalesce(ae.name, u.display_name) as assessor_name, a.evidence_note as note,
      a.evidence_file_id, f.name as evidence_file_name, a.campaign_id
    from assessments a
    join competencies c on c.id = a.competency_id
    join competency_versions v on v.id = a.competency_version_id
    left join employees ae on ae.id = a.assessor_employee_id
    left join users u on u.id = a.assessor_user_id
    left join files f on f.id = a.evidence_file_id
    where a.tenant_id = ${tenantId} and a.employee_id = ${employeeId}
    order by a.assessed_on desc, a.created_at desc, c.code
    limit 500`);
  return res.rows;
}

/** Active competencies with the id and number of their current version, by id and code. */
export async function currentVersions(db: Tx, tenantId: string, today: string) {
  const res = await db.execute<{ id: string; code: string; version_id: string; version: number }>(sql`
    select c.id, c.code, v.id as version_id, v.version from competencies c
    join lateral (
      select v.id, v.version from competency_versions v
      where v.tenant_id = c.tenant_id and v.competency_id = c.id and v.effective_from <= ${today}::date
      order by v.version desc limit 1
    ) v on true
    where c.tenant_id = ${tenantId} and c.active`);
  return res.rows;
}
