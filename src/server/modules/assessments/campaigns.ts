/** Assessment campaigns: creation (who assesses whom), progress per unit, reminders, the caller's tasks. */
import { sql, type SQL } from 'drizzle-orm';
import {
  isOverdue,
  planTasks,
  progressOf,
  type CampaignMember,
  type CampaignSource,
} from '../../../domain/competency/campaign.js';
import { sqlArray, type Db, type Tx } from '../../db/client.js';
import { audit, type AuditActor } from '../../http/audit.js';
import { hasRole, type AuthContext } from '../../http/auth.js';
import { AppError, forbidden, notFound } from '../../http/errors.js';
import type { Lang } from '../../http/messages.js';
import type { AssessmentTaskT, CampaignCreateT, CampaignDetailT, CampaignSummaryT } from './schemas.js';
import { tenantToday } from './service.js';
import { fieldErrors, text } from './texts.js';
import { pathInOperatorOpd } from '../../http/opd-scope.js';

const DEFAULT_PEERS = 2;
const REMIND_GAP_HOURS = 24;

type CampaignRow = {
  id: string;
  name: string;
  unit_id: string;
  unit_name: string;
  unit_path: string;
  sources: string[];
  starts_on: string;
  due_on: string;
  status: 'open' | 'closed';
  assigned: number;
  done: number;
};

/** Campaigns the caller may run, as a condition on the unit alias `u`. */
function campaignScope(ctx: AuthContext): SQL {
  if (hasRole(ctx, 'admin')) return sql`true`;
  if (hasRole(ctx, 'operator') && ctx.operatorUnitIds.length) return pathInOperatorOpd(ctx, sql`u.path`);
  return sql`false`;
}

async function campaigns(db: Tx, tenantId: string, where: SQL) {
  const res = await db.execute<CampaignRow>(sql`
    select c.id, c.name, c.unit_id, u.name as unit_name, u.path as unit_path, c.sources,
      c.starts_on::text, c.due_on::text, c.status,
      (select count(*)::int from campaign_assignments a where a.campaign_id = c.id) as assigned,
      (select count(*)::int from campaign_assignments a where a.campaign_id = c.id and a.completed_at is not null) as done
    from assessment_campaigns c join org_units u on u.id = c.unit_id
    where c.tenant_id = ${tenantId} and ${where}
    order by c.status, c.due_on desc, c.created_at desc`);
  return res.rows;
}

function summary(c: CampaignRow, today: string): CampaignSummaryT {
  const progress = progressOf(c.assigned, c.done);
  return {
    id: c.id,
    name: c.name,
    unitId: c.unit_id,
    unitName: c.unit_name,
    sources: c.sources as CampaignSource[],
    startsOn: c.starts_on,
    dueOn: c.due_on,
    status: c.status,
    overdue: isOverdue(c.due_on, today, c.status === 'open', progress),
    progress,
  };
}

export function campaignService(db: Db) {
  /** The campaign within the caller's scope; 404 when it does not exist, 403 when it is not theirs. */
  async function find(tx: Tx, ctx: AuthContext, id: string) {
    const [row] = await campaigns(tx, ctx.tenantId, sql`c.id = ${id}`);
    if (!row) throw notFound();
    const [mine] = await campaigns(tx, ctx.tenantId, sql`c.id = ${id} and ${campaignScope(ctx)}`);
    if (!mine) throw forbidden();
    return row;
  }

  async function list(ctx: AuthContext): Promise<CampaignSummaryT[]> {
    const today = await tenantToday(db, ctx.tenantId);
    return (await campaigns(db, ctx.tenantId, campaignScope(ctx))).map((c) => summary(c, today));
  }

  async function detail(ctx: AuthContext, id: string): Promise<CampaignDetailT> {
    const c = await find(db, ctx, id);
    const today = await tenantToday(db, ctx.tenantId);
    const open = c.status === 'open';
    // Each task counts for the child unit of the campaign's unit that holds the assessed employee.
    const units = await db.execute<{
      id: string;
      code: string;
      name: string;
      assigned: number;
      done: number;
    }>(sql`
      with t as (
        select a.completed_at, nullif(split_part(substr(eu.path, length(${c.unit_path}) + 1), '/', 1), '') as kid
        from campaign_assignments a
        join employees e on e.id = a.employee_id
        join org_units eu on eu.id = e.unit_id
        where a.campaign_id = ${c.id}
      )
      select k.id, k.code, k.name, count(*)::int as assigned, count(t.completed_at)::int as done
      from t join org_units k on k.id = coalesce(t.kid::uuid, ${c.unit_id}::uuid)
      group by k.id, k.code, k.name order by k.code`);
    const bySource = await db.execute<{ source: CampaignSource; assigned: number; done: number }>(sql`
      select source, count(*)::int as assigned, count(completed_at)::int as done
      from campaign_assignments where campaign_id = ${c.id} group by source order by source`);
    return {
      ...summary(c, today),
      bySource: bySource.rows.map((s) => ({ source: s.source, ...progressOf(s.assigned, s.done) })),
      units: units.rows.map((u) => {
        const p = progressOf(u.assigned, u.done);
        return {
          unitId: u.id,
          code: u.code,
          name: u.name,
          ...p,
          overdue: isOverdue(c.due_on, today, open, p),
        };
      }),
    };
  }

  async function create(ctx: AuthContext, actor: AuditActor, lang: Lang, body: CampaignCreateT) {
    if (body.dueOn < body.startsOn)
      throw fieldErrors([{ field: 'body.dueOn', message: text(lang, 'dueBeforeStart') }]);
    const id = await db.transaction(async (tx) => {
      const unit = await tx.execute<{ id: string; path: string; allowed: boolean }>(sql`
        select u.id, u.path, ${campaignScope(ctx)} as allowed from org_units u
        where u.tenant_id = ${ctx.tenantId} and u.id = ${body.unitId}`);
      const u = unit.rows[0];
      if (!u) throw fieldErrors([{ field: 'body.unitId', message: text(lang, 'unitOutOfScope') }]);
      if (!u.allowed) throw forbidden();
      const members = await tx.execute<{
        id: string;
        nip: string;
        unit_id: string;
        supervisor_id: string | null;
      }>(sql`
        -- An inactive supervisor gets no task.
        select e.id, e.nip, e.unit_id, sup.id as supervisor_id from employees e
        join org_units s on s.id = e.unit_id
        left join employees sup on sup.id = e.supervisor_id and sup.active
        where e.tenant_id = ${ctx.tenantId} and e.active and s.tenant_id = ${ctx.tenantId}
          and s.path like ${u.path} || '%'`);
      const list: CampaignMember[] = members.rows.map((m) => ({
        id: m.id,
        key: m.nip,
        unitId: m.unit_id,
        supervisorId: m.supervisor_id,
      }));
      const sources = [...new Set(body.sources)];
      const tasks = planTasks(list, sources, body.peersPerEmployee ?? DEFAULT_PEERS);
      const inserted = await tx.execute<{ id: string }>(sql`
        insert into assessment_campaigns (tenant_id, name, unit_id, sources, starts_on, due_on, created_by)
        values (${ctx.tenantId}, ${body.name}, ${u.id}, ${sqlArray(sources)}::text[], ${body.startsOn}, ${body.dueOn}, ${ctx.userId})
        returning id`);
      const id = inserted.rows[0]!.id;
      await insertTasks(tx, ctx.tenantId, id, tasks);
      await audit(tx, actor, {
        action: 'create',
        entity: 'assessment_campaign',
        entityId: id,
        after: { ...body, sources, employees: list.length, assignments: tasks.length },
      });
      return id;
    });
    return detail(ctx, id);
  }

  async function remind(ctx: AuthContext, actor: AuditActor, id: string) {
    return db.transaction(async (tx) => {
      const c = await find(tx, ctx, id);
      // One reminder run per campaign at a time, across all Asah processes: a second run waits and
      // then sees the first one's reminded_at.
      await tx.execute(sql`select id from assessment_campaigns where id = ${c.id} for update`);
      if (c.status !== 'open') throw new AppError('conflict', { what: c.name });
      const pending = await tx.execute<{ assessor: string; count: number; recent: boolean }>(sql`
        select assessor_employee_id as assessor, count(*)::int as count,
          bool_or(reminded_at > now() - make_interval(hours => ${REMIND_GAP_HOURS})) as recent
        from campaign_assignments where campaign_id = ${c.id} and completed_at is null
        group by assessor_employee_id`);
      const due = pending.rows.filter((p) => !p.recent);
      const skipped = pending.rows.length - due.length;
      const users = await tx.execute<{ user_id: string; employee_id: string; locale: string }>(sql`
        select id as user_id, employee_id, locale from users
        where tenant_id = ${ctx.tenantId} and active and employee_id = any(${sqlArray(due.map((d) => d.assessor))}::uuid[])`);
      const countOf = new Map(due.map((d) => [d.assessor, d.count]));
      const notes = users.rows.map((u) => {
        const l: Lang = u.locale === 'en' ? 'en' : 'id';
        return {
          user: u.user_id,
          title: text(l, 'remindTitle', { campaign: c.name }),
          body: text(l, 'remindBody', { count: countOf.get(u.employee_id) ?? 0, due: c.due_on }),
        };
      });
      if (notes.length) {
        await tx.execute(sql`
          insert into notifications (tenant_id, user_id, kind, title, body, link)
          select ${ctx.tenantId}::uuid, n.u, 'assessment.reminder', n.t, n.b, '/penilaian'
          from unnest(${sqlArray(notes.map((n) => n.user))}::uuid[], ${sqlArray(notes.map((n) => n.title))}::text[],
            ${sqlArray(notes.map((n) => n.body))}::text[]) as n(u, t, b)`);
      }
      await tx.execute(sql`update campaign_assignments set reminded_at = now()
        where campaign_id = ${c.id} and completed_at is null
          and assessor_employee_id = any(${sqlArray(due.map((d) => d.assessor))}::uuid[])`);
      await audit(tx, actor, {
        action: 'remind',
        entity: 'assessment_campaign',
        entityId: c.id,
        after: { notified: notes.length, assessors: due.length, skipped },
      });
      return { notified: notes.length, skipped };
    });
  }

  async function close(ctx: AuthContext, actor: AuditActor, id: string) {
    await db.transaction(async (tx) => {
      const c = await find(tx, ctx, id);
      if (c.status === 'closed') return;
      await tx.execute(sql`update assessment_campaigns set status = 'closed' where id = ${c.id}`);
      await audit(tx, actor, {
        action: 'update',
        entity: 'assessment_campaign',
        entityId: c.id,
        before: { status: c.status },
        after: { status: 'closed' },
      });
    });
    return detail(ctx, id);
  }

  /** The caller's own tasks: pending in open campaigns that have started, and the done ones. */
  async function myTasks(ctx: AuthContext): Promise<{ pending: AssessmentTaskT[]; done: AssessmentTaskT[] }> {
    if (!ctx.employeeId) return { pending: [], done: [] };
    const today = await tenantToday(db, ctx.tenantId);
    const res = await db.execute<{
      id: string;
      campaign_id: string;
      campaign_name: string;
      source: CampaignSource;
      nip: string;
      name: string;
      position_name: string | null;
      due_on: string;
      status: string;
      completed_at: Date | string | null;
    }>(sql`
      select a.id, c.id as campaign_id, c.name as campaign_name, a.source, e.nip, e.name,
        p.name as position_name, c.due_on::text, c.status, a.completed_at
      from campaign_assignments a
      join assessment_campaigns c on c.id = a.campaign_id
      join employees e on e.id = a.employee_id
      left join positions p on p.id = e.position_id
      where a.tenant_id = ${ctx.tenantId} and a.assessor_employee_id = ${ctx.employeeId}
        and c.starts_on <= ${today}::date and (c.status = 'open' or a.completed_at is not null)
      order by c.due_on, array_position(array['self', 'atasan', 'peer'], a.source), e.name
      limit 500`);
    const out = { pending: [] as AssessmentTaskT[], done: [] as AssessmentTaskT[] };
    for (const r of res.rows) {
      const task: AssessmentTaskT = {
        id: r.id,
        campaignId: r.campaign_id,
        campaignName: r.campaign_name,
        source: r.source,
        nip: r.nip,
        name: r.name,
        positionName: r.position_name,
        dueOn: r.due_on,
        overdue: !r.completed_at && r.due_on < today,
        completedAt: r.completed_at ? new Date(r.completed_at).toISOString() : null,
      };
      (r.completed_at ? out.done : out.pending).push(task);
    }
    return out;
  }

  return { list, detail, create, remind, close, myTasks };
}
export type CampaignService = ReturnType<typeof campaignService>;

export async function insertTasks(
  tx: Tx,
  tenantId: string,
  campaignId: string,
  tasks: { employeeId: string; assessorId: string; source: string }[],
) {
  for (let i = 0; i < tasks.length; i += 20_000) {
    const chunk = tasks.slice(i, i + 20_000);
    await tx.execute(sql`
      insert into campaign_assignments (tenant_id, campaign_id, employee_id, assessor_employee_id, source)
      select ${tenantId}::uuid, ${campaignId}::uuid, * from unnest(${sqlArray(chunk.map((t) => t.employeeId))}::uuid[],
        ${sqlArray(chunk.map((t) => t.assessorId))}::uuid[], ${sqlArray(chunk.map((t) => t.source))}::text[])
      on conflict do nothing`);
  }
}
