import { sql, type SQL } from 'drizzle-orm';
import { fullName } from '../../../domain/org.js';
import { sqlArray, type Db, type Tx } from '../../db/client.js';
import { audit, type AuditActor } from '../../http/audit.js';
import { hasRole, type AuthContext } from '../../http/auth.js';
import { AppError, forbidden, notFound, type RowError } from '../../http/errors.js';
import type { Lang } from '../../http/messages.js';
import { offsetOf } from '../../http/pagination.js';
import { bkpsdmOperatorSql, myPartnerIds } from '../programs/policy.js';
import type { PROJECT_STATUSES, ProjectBodyT, ProjectDetailT } from './schemas.js';
import { text, type ProjectTextKey } from './texts.js';
import { unitInOperatorOpd } from '../../http/opd-scope.js';

type Status = (typeof PROJECT_STATUSES)[number];

/** Allowed status moves: open → running → done; open or running → cancelled; cancelled → open. */
const MOVES: Record<Status, readonly Status[]> = {
  open: ['running', 'cancelled'],
  running: ['done', 'cancelled', 'open'],
  done: [],
  cancelled: ['open'],
};

const refuse = (
  lang: Lang,
  field: string,
  key: ProjectTextKey,
  params: Record<string, string | number> = {},
) => new AppError('validation', {}, [{ field, message: text(lang, key, params) } satisfies RowError]);

/** Units within an operator's OPD subtrees, as a condition on a unit id expression. */
const inOperatorOpd = unitInOperatorOpd;

/** Projects the caller manages (post, edit, close), as a condition on alias `sp`. */
function manageScope(ctx: AuthContext): SQL {
  if (hasRole(ctx, 'admin')) return sql`sp.tenant_id = ${ctx.tenantId}`;
  if (hasRole(ctx, 'operator') && ctx.operatorUnitIds.length)
    return sql`(sp.tenant_id = ${ctx.tenantId} and (${bkpsdmOperatorSql(ctx)} or ${inOperatorOpd(ctx, sql`sp.unit_id`)}))`;
  return sql`false`;
}

/**
 * Projects the caller may read, as a condition on alias `sp`: managers theirs; pimpinan all; a
 * mitra the projects open to their partner and those their students work on; the supervising
 * employee theirs.
 */
function readScope(ctx: AuthContext): SQL {
  if (hasRole(ctx, 'admin', 'pimpinan')) return sql`sp.tenant_id = ${ctx.tenantId}`;
  const parts: SQL[] = [manageScope(ctx)];
  if (hasRole(ctx, 'mitra')) {
    parts.push(
      sql`(sp.status in ('open', 'running') and (sp.partner_id is null or sp.partner_id in ${myPartnerIds(ctx)}))`,
    );
    parts.push(
      sql`exists (select 1 from student_project_members m where m.project_id = sp.id and m.partner_id in ${myPartnerIds(ctx)})`,
    );
  }
  if (ctx.employeeId) parts.push(sql`sp.supervisor_employee_id = ${ctx.employeeId}`);
  return sql`(sp.tenant_id = ${ctx.tenantId} and (${sql.join(parts, sql` or `)}))`;
}

type Row = {
  id: string;
  title: string;
  unit_id: string;
  unit_name: string;
  skills_wanted: string[];
  starts_on: string;
  ends_on: string;
  status: Status;
  seats: number;
  members: number;
  partner_id: string | null;
  partner_name: string | null;
  progress_pct: number | null;
  problem: string;
  final_output: string | null;
  supervisor_employee_id: string | null;
};

const SELECT = sql`
  select sp.id, sp.title, sp.unit_id, u.name as unit_name, sp.skills_wanted, sp.starts_on::text, sp.ends_on::text,
    sp.status, sp.seats, sp.partner_id, pa.name as partner_name, sp.problem, sp.final_output, sp.supervisor_employee_id,
    (select count(*)::int from student_project_members m where m.project_id = sp.id) as members,
    (select up.progress_pct from student_project_updates up where up.project_id = sp.id
      order by up.created_at desc limit 1) as progress_pct
  from student_projects sp
  join org_units u on u.id = sp.unit_id
  left join partners pa on pa.id = sp.partner_id`;

const item = (r: Row) => ({
  id: r.id,
  title: r.title,
  unitId: r.unit_id,
  unitName: r.unit_name,
  skillsWanted: r.skills_wanted,
  startsOn: r.starts_on,
  endsOn: r.ends_on,
  status: r.status,
  seats: r.seats,
  members: r.members,
  partnerName: r.partner_name,
  progressPct: r.status === 'done' ? 100 : (r.progress_pct ?? 0),
});

export function studentProjectService(db: Db) {
  async function list(ctx: AuthContext, q: { status?: Status; q?: string; page: number; pageSize: number }) {
    const where = sql`${readScope(ctx)}
      ${q.status ? sql`and sp.status = ${q.status}` : sql``}
      ${q.q ? sql`and (sp.title ilike ${'%' + q.q + '%'} or ${q.q} ilike any(sp.skills_wanted))` : sql``}`;
    const [rows, total] = await Promise.all([
      db.execute<Row>(sql`${SELECT} where ${where}
        order by array_position(array['open', 'running', 'done', 'cancelled'], sp.status), sp.starts_on desc, sp.title
        limit ${q.pageSize} offset ${offsetOf(q)}`),
      db.execute<{ n: number }>(sql`select count(*)::int as n from student_projects sp where ${where}`),
    ]);
    return { items: rows.rows.map(item), total: total.rows[0]!.n };
  }

  /** What the caller may do on a project they can read. */
  async function abilities(tx: Tx, ctx: AuthContext, p: Row) {
    const manage = await tx.execute<{ ok: boolean }>(
      sql`select exists (select 1 from student_projects sp where sp.id = ${p.id} and ${manageScope(ctx)}) as ok`,
    );
    const mitra = hasRole(ctx, 'mitra')
      ? await tx.execute<{ open: boolean; member: boolean }>(sql`select
          (${p.partner_id}::uuid is null or ${p.partner_id}::uuid in ${myPartnerIds(ctx)}) as open,
          exists (select 1 from student_project_members m where m.project_id = ${p.id} and m.partner_id in ${myPartnerIds(ctx)}) as member`)
      : null;
    const m = !!manage.rows[0]?.ok;
    const live = p.status === 'open' || p.status === 'running';
    return {
      manage: m,
      assign: live && (m || !!mitra?.rows[0]?.open),
      report:
        live &&
        (m || !!mitra?.rows[0]?.member || (!!ctx.employeeId && ctx.employeeId === p.supervisor_employee_id)),
    };
  }

  async function load(tx: Tx, ctx: AuthContext, id: string, lock = false) {
    const res = await tx.execute<Row>(
      sql`${SELECT} where sp.id = ${id} and ${readScope(ctx)} ${lock ? sql`for update of sp` : sql``}`,
    );
    const p = res.rows[0];
    if (!p) throw notFound();
    return p;
  }

  async function detail(ctx: AuthContext, id: string, tx: Tx = db): Promise<ProjectDetailT> {
    const p = await load(tx, ctx, id);
    // One after another: `tx` may be a transaction's single connection, which runs one query at a time.
    const sup = p.supervisor_employee_id
      ? await tx.execute<{
          nip: string;
          name: string;
          front_title: string | null;
          back_title: string | null;
        }>(
          sql`select nip, name, front_title, back_title from employees where id = ${p.supervisor_employee_id}`,
        )
      : null;
    const members = await tx.execute<{
      id: string;
      student_name: string;
      student_number: string;
      study_program: string;
      partner_name: string;
    }>(sql`
        select m.id, m.student_name, m.student_number, m.study_program, pa.name as partner_name
        from student_project_members m join partners pa on pa.id = m.partner_id
        where m.project_id = ${id} order by m.created_at, m.student_name`);
    const updates = await tx.execute<{
      id: string;
      note: string;
      progress_pct: number;
      by: string | null;
      at: string;
    }>(sql`
        select up.id, up.note, up.progress_pct, us.display_name as by, up.created_at as at
        from student_project_updates up left join users us on us.id = up.created_by
        where up.project_id = ${id} order by up.created_at desc`);
    const can = await abilities(tx, ctx, p);
    const s = sup?.rows[0];
    return {
      ...item(p),
      problem: p.problem,
      partnerId: p.partner_id,
      supervisor: s ? { nip: s.nip, name: fullName(s.name, s.front_title, s.back_title) } : null,
      finalOutput: p.final_output,
      membersList: members.rows.map((m) => ({
        id: m.id,
        studentName: m.student_name,
        studentNumber: m.student_number,
        studyProgram: m.study_program,
        partnerName: m.partner_name,
      })),
      updates: updates.rows.map((u) => ({
        id: u.id,
        note: u.note,
        progressPct: u.progress_pct,
        by: u.by,
        at: new Date(u.at).toISOString(),
      })),
      can,
    };
  }

  /** Checks the unit, supervisor and partner of a project body; returns the supervisor's id. */
  async function resolve(tx: Tx, ctx: AuthContext, lang: Lang, body: ProjectBodyT) {
    const unit = await tx.execute<{ id: string; ok: boolean }>(sql`
      select u.id, ${
        hasRole(ctx, 'admin')
          ? sql`true`
          : sql`(${bkpsdmOperatorSql(ctx)} or ${ctx.operatorUnitIds.length ? inOperatorOpd(ctx, sql`u.id`) : sql`false`})`
      } as ok
      from org_units u where u.tenant_id = ${ctx.tenantId} and u.id = ${body.unitId}`);
    if (!unit.rows[0]) throw refuse(lang, 'unitId', 'unitOutside');
    if (!unit.rows[0].ok) throw refuse(lang, 'unitId', 'unitOutside');
    let supervisorId: string | null = null;
    if (body.supervisorNip) {
      // The supervisor works in the same OPD (the project's unit's top-level ancestor below the root).
      const sup = await tx.execute<{ id: string }>(sql`
        select e.id from employees e join org_units eu on eu.id = e.unit_id, org_units pu
        where e.tenant_id = ${ctx.tenantId} and e.nip = ${body.supervisorNip} and e.active and pu.id = ${body.unitId}
          and split_part(eu.path, '/', 3) = split_part(pu.path, '/', 3)`);
      if (!sup.rows[0]) throw refuse(lang, 'supervisorNip', 'supervisorUnknown', { nip: body.supervisorNip });
      supervisorId = sup.rows[0].id;
    }
    if (body.partnerId) {
      const pa = await tx.execute(
        sql`select 1 from partners where tenant_id = ${ctx.tenantId} and id = ${body.partnerId} and active`,
      );
      if (!pa.rows.length) throw refuse(lang, 'partnerId', 'partnerUnknown');
    }
    return supervisorId;
  }

  async function create(ctx: AuthContext, actor: AuditActor, lang: Lang, body: ProjectBodyT) {
    return db.transaction(async (tx) => {
      const supervisorId = await resolve(tx, ctx, lang, body);
      const res = await tx.execute<{ id: string }>(sql`
        insert into student_projects (tenant_id, unit_id, title, problem, skills_wanted, starts_on, ends_on,
          supervisor_employee_id, partner_id, seats, created_by)
        values (${ctx.tenantId}, ${body.unitId}, ${body.title}, ${body.problem}, ${sqlArray(body.skillsWanted)}::text[],
          ${body.startsOn}::date, ${body.endsOn}::date, ${supervisorId}, ${body.partnerId ?? null}, ${body.seats}, ${ctx.userId})
        returning id`);
      const id = res.rows[0]!.id;
      await audit(tx, actor, {
        action: 'create',
        entity: 'student_project',
        entityId: id,
        after: { ...body },
      });
      return detail(ctx, id, tx);
    });
  }

  async function update(ctx: AuthContext, actor: AuditActor, lang: Lang, id: string, body: ProjectBodyT) {
    return db.transaction(async (tx) => {
      const before = await load(tx, ctx, id, true);
      if (!(await abilities(tx, ctx, before)).manage) throw forbidden();
      if (body.seats < before.members)
        throw refuse(lang, 'seats', 'seatsBelowMembers', { members: before.members });
      const supervisorId = await resolve(tx, ctx, lang, body);
      await tx.execute(sql`update student_projects set unit_id = ${body.unitId}, title = ${body.title},
          problem = ${body.problem}, skills_wanted = ${sqlArray(body.skillsWanted)}::text[],
          starts_on = ${body.startsOn}::date, ends_on = ${body.endsOn}::date, supervisor_employee_id = ${supervisorId},
          partner_id = ${body.partnerId ?? null}, seats = ${body.seats}, updated_at = now()
        where id = ${id}`);
      await audit(tx, actor, {
        action: 'update',
        entity: 'student_project',
        entityId: id,
        before: { title: before.title, seats: before.seats, partnerId: before.partner_id },
        after: { ...body },
      });
      return detail(ctx, id, tx);
    });
  }

  async function setStatus(
    ctx: AuthContext,
    actor: AuditActor,
    lang: Lang,
    id: string,
    body: { status: Status; finalOutput?: string },
  ) {
    return db.transaction(async (tx) => {
      const p = await load(tx, ctx, id, true);
      if (!(await abilities(tx, ctx, p)).manage) throw forbidden();
      if (p.status === body.status) return detail(ctx, id, tx);
      if (!MOVES[p.status].includes(body.status))
        throw refuse(lang, 'status', 'statusMove', { from: p.status, to: body.status });
      if (body.status === 'done' && !body.finalOutput) throw refuse(lang, 'finalOutput', 'finalOutput');
      await tx.execute(sql`update student_projects set status = ${body.status},
          final_output = ${body.status === 'done' ? body.finalOutput! : p.final_output}, updated_at = now()
        where id = ${id}`);
      await audit(tx, actor, {
        action: 'update',
        entity: 'student_project',
        entityId: id,
        before: { status: p.status },
        after: { status: body.status, finalOutput: body.finalOutput ?? null },
      });
      return detail(ctx, id, tx);
    });
  }

  async function addMember(
    ctx: AuthContext,
    actor: AuditActor,
    lang: Lang,
    id: string,
    body: {
      studentName: string;
      studentNumber: string;
      studyProgram: string;
      email?: string | null;
      partnerId?: string;
    },
  ) {
    return db.transaction(async (tx) => {
      const p = await load(tx, ctx, id, true);
      const can = await abilities(tx, ctx, p);
      if (!can.assign) {
        if (p.status !== 'open' && p.status !== 'running') throw refuse(lang, 'studentName', 'notOpen');
        throw forbidden();
      }
      // A mitra assigns for their own partner; managers name the partner (default: the reserved one).
      let partnerId: string | null;
      if (can.manage) partnerId = body.partnerId ?? p.partner_id;
      else {
        const mine = await tx.execute<{ partner_id: string }>(sql`${myPartnerIds(ctx)}`);
        const ids = mine.rows.map((r) => r.partner_id);
        partnerId = p.partner_id && ids.includes(p.partner_id) ? p.partner_id : (ids[0] ?? null);
      }
      if (!partnerId) throw refuse(lang, 'partnerId', 'partnerUnknown');
      if (p.partner_id && partnerId !== p.partner_id) throw refuse(lang, 'partnerId', 'reserved');
      const pa = await tx.execute(
        sql`select 1 from partners where tenant_id = ${ctx.tenantId} and id = ${partnerId}`,
      );
      if (!pa.rows.length) throw refuse(lang, 'partnerId', 'partnerUnknown');
      if (p.members >= p.seats) throw refuse(lang, 'studentName', 'seatsFull', { seats: p.seats });
      const dup = await tx.execute(sql`select 1 from student_project_members
        where project_id = ${id} and lower(student_number) = lower(${body.studentNumber})`);
      if (dup.rows.length)
        throw refuse(lang, 'studentNumber', 'duplicateStudent', { number: body.studentNumber });
      const res = await tx.execute<{ id: string }>(sql`
        insert into student_project_members (tenant_id, project_id, partner_id, student_name, student_number,
          study_program, email, assigned_by)
        values (${ctx.tenantId}, ${id}, ${partnerId}, ${body.studentName}, ${body.studentNumber}, ${body.studyProgram},
          ${body.email ?? null}, ${ctx.userId})
        returning id`);
      await audit(tx, actor, {
        action: 'create',
        entity: 'student_project_member',
        entityId: res.rows[0]!.id,
        after: { projectId: id, partnerId, studentNumber: body.studentNumber },
      });
      return detail(ctx, id, tx);
    });
  }

  async function removeMember(ctx: AuthContext, actor: AuditActor, id: string, memberId: string) {
    return db.transaction(async (tx) => {
      const p = await load(tx, ctx, id, true);
      const can = await abilities(tx, ctx, p);
      const scope = can.manage
        ? sql`true`
        : hasRole(ctx, 'mitra')
          ? sql`partner_id in ${myPartnerIds(ctx)}`
          : sql`false`;
      const res = await tx.execute<{
        id: string;
        student_number: string;
      }>(sql`delete from student_project_members
        where id = ${memberId} and project_id = ${id} and ${scope} returning id, student_number`);
      if (!res.rows[0]) throw notFound();
      await audit(tx, actor, {
        action: 'delete',
        entity: 'student_project_member',
        entityId: memberId,
        before: { projectId: id, studentNumber: res.rows[0].student_number },
      });
      return detail(ctx, id, tx);
    });
  }

  async function addUpdate(
    ctx: AuthContext,
    actor: AuditActor,
    id: string,
    body: { note: string; progressPct: number },
  ) {
    return db.transaction(async (tx) => {
      const p = await load(tx, ctx, id, true);
      if (!(await abilities(tx, ctx, p)).report) throw forbidden();
      const res = await tx.execute<{ id: string }>(sql`
        insert into student_project_updates (tenant_id, project_id, note, progress_pct, created_by)
        values (${ctx.tenantId}, ${id}, ${body.note}, ${body.progressPct}, ${ctx.userId}) returning id`);
      // The first progress note starts an open project.
      if (p.status === 'open')
        await tx.execute(sql`update student_projects set status = 'running' where id = ${id}`);
      await audit(tx, actor, {
        action: 'create',
        entity: 'student_project_update',
        entityId: res.rows[0]!.id,
        after: { projectId: id, progressPct: body.progressPct },
      });
      return detail(ctx, id, tx);
    });
  }

  return { list, detail, create, update, setStatus, addMember, removeMember, addUpdate };
}
export type StudentProjectService = ReturnType<typeof studentProjectService>;
