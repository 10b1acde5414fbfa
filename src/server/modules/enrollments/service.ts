/**
 * Enrolment: request or nomination, the atasan's and BKPSDM's decisions, seat or FIFO waitlist,
 * cancellation with promotion, replacement. The pure state machine (domain/learning/enrolment.ts)
 * decides every change; the programme row is locked `for update` so two decisions never over-fill
 * it, and the partial unique index `enrollments_active_uq` refuses a second active enrolment.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import {
  applyEnrolment,
  enrolmentProblemText,
  programmeFromRows,
  scheduleClashes,
  STATUS_LABELS,
  type EnrolmentAction,
  type EnrolmentActor,
  type EnrolmentActorRole,
  type EnrolmentChange,
} from '../../../domain/learning/enrolment.js';
import { sqlArray, type Db, type Tx } from '../../db/client.js';
import { audit, type AuditActor } from '../../http/audit.js';
import { hasRole, type AuthContext } from '../../http/auth.js';
import { AppError, forbidden, notFound } from '../../http/errors.js';
import type { Lang } from '../../http/messages.js';
import { localDateTime } from '../../../domain/time.js';
import { offsetOf } from '../../http/pagination.js';
import { tenantTimeZone } from '../tenant/service.js';
import { employeeReadScope } from '../employees/policy.js';
import { checkEligibility } from '../programs/eligibility.js';
import { isBkpsdmOperator, programReadScope, programWriteScope } from '../programs/policy.js';
import { bkpsdmDeciders, notifyUsers, usersOfEmployees, type MailSettings } from '../outbox/notify.js';
import * as repo from './repository.js';
import type { z } from 'zod';
import type { Approvals, EnrolmentItemT, EnrolmentListQuery } from './schemas.js';
import { refuse, text } from './texts.js';

/** Whether the caller acts as an operator for this employee (their OPD) or this programme (organiser). */
async function operatorReach(tx: Tx, ctx: AuthContext, employeeId: string, programId: string | null) {
  if (!hasRole(ctx, 'operator') || ctx.operatorUnitIds.length === 0)
    return { employee: false, programme: false };
  const res = await tx.execute<{ emp: boolean; prog: boolean }>(sql`select
    exists (select 1 from employees e where e.id = ${employeeId} and ${employeeReadScopeOperatorOnly(ctx)}) as emp,
    exists (select 1 from programs p where p.id = ${programId} and ${programWriteScope(ctx)}) as prog`);
  return { employee: !!res.rows[0]?.emp, programme: !!res.rows[0]?.prog };
}
/** The operator part of the employee scope (an operator who is also atasan counts only as operator here). */
const employeeReadScopeOperatorOnly = (ctx: AuthContext) =>
  employeeReadScope({ ...ctx, roles: ctx.roles.filter((r) => r === 'operator') });

/** The caller as the state machine sees them, for one employee's enrolment in one programme. */
async function actorFor(
  tx: Tx,
  ctx: AuthContext,
  employeeId: string,
  programId: string,
  purpose: 'nominate' | 'other',
): Promise<EnrolmentActor> {
  const roles: EnrolmentActorRole[] = [];
  if (hasRole(ctx, 'admin')) roles.push('admin');
  if (await isBkpsdmOperator(tx, ctx)) roles.push('operator_bkpsdm');
  const op = await operatorReach(tx, ctx, employeeId, programId);
  if (op.employee || (purpose === 'other' && op.programme)) roles.push('operator_opd');
  if (await repo.isInChainAbove(tx, ctx, employeeId)) roles.push('atasan');
  if (ctx.employeeId === employeeId && hasRole(ctx, 'pegawai', 'atasan')) roles.push('pegawai');
  return { roles, employeeId: ctx.employeeId };
}

export interface EnrolmentServiceOptions {
  mail: MailSettings;
}

export function enrollmentService(db: Db, opts: EnrolmentServiceOptions) {
  /** Messages for each change, to the people concerned (bell + e-mail). */
  async function notifyChanges(tx: Tx, ctx: AuthContext, title: string, changes: EnrolmentChange[]) {
    for (const c of changes) {
      const participant = (await usersOfEmployees(tx, ctx.tenantId, [c.employeeId])).filter(
        (u) => u !== ctx.userId,
      );
      const tell = (userIds: string[], kind: string, head: string, body: string, link: string) =>
        notifyUsers(tx, ctx.tenantId, userIds, { kind, title: head, body, link }, opts.mail);
      if (c.to === 'pending_atasan') {
        const sups = await repo.supervisorUsers(tx, ctx.tenantId, [c.employeeId]);
        await tell(
          sups,
          'enrollment.approval',
          'Pendaftaran menunggu persetujuan Anda',
          `Program "${title}": seorang bawahan Anda menunggu persetujuan untuk ikut.`,
          '/persetujuan',
        );
      }
      if (c.to === 'pending_bkpsdm') {
        await tell(
          await bkpsdmDeciders(tx, ctx.tenantId),
          'enrollment.approval',
          'Pendaftaran menunggu persetujuan BKPSDM',
          `Program "${title}": satu pendaftaran menunggu persetujuan BKPSDM.`,
          '/persetujuan',
        );
      }
      if (c.from === null && participant.length)
        await tell(
          participant,
          'enrollment.nominated',
          'Anda diusulkan ikut program',
          `Anda diusulkan ikut program "${title}". Status: ${STATUS_LABELS[c.to].id}.`,
          '/belajar',
        );
      if (c.from !== null && ['approved', 'waitlisted', 'rejected', 'cancelled'].includes(c.to)) {
        const head =
          c.because === 'promoted'
            ? 'Anda mendapat kursi dari daftar tunggu'
            : `Pendaftaran ${STATUS_LABELS[c.to].id}`;
        await tell(
          participant,
          `enrollment.${c.to}`,
          head,
          `Program "${title}": pendaftaran Anda kini ${STATUS_LABELS[c.to].id}.`,
          '/belajar',
        );
      }
    }
  }

  /** Writes the state machine's changes: new rows, new statuses, the waitlist order. */
  async function persist(
    tx: Tx,
    ctx: AuthContext,
    programId: string,
    changes: EnrolmentChange[],
    meta: { origin?: string; reason?: string | null; replaces?: string | null },
  ) {
    for (const c of changes) {
      if (c.from === null) {
        const replaced = meta.replaces ?? null;
        await tx.execute(sql`insert into enrollments (id, tenant_id, program_id, employee_id, status, origin,
            requested_by, reason, replaces_enrollment_id, waitlisted_at, atasan_decided_by, atasan_decided_at)
          values (${c.id}, ${ctx.tenantId}, ${programId}, ${c.employeeId}, ${c.to}, ${meta.origin ?? 'self'},
            ${ctx.userId}, ${meta.reason ?? null}, ${replaced},
            case when ${c.to} = 'waitlisted' then coalesce((select waitlisted_at from enrollments where id = ${replaced}), clock_timestamp()) end,
            case when ${meta.origin ?? ''} = 'atasan' then ${ctx.userId}::uuid end,
            case when ${meta.origin ?? ''} = 'atasan' then now() end)`);
      } else {
        await tx.execute(sql`update enrollments set status = ${c.to}, updated_at = now(),
            waitlisted_at = case when ${c.to} = 'waitlisted' then coalesce(waitlisted_at, clock_timestamp()) end
          where id = ${c.id}`);
      }
    }
  }

  /** Runs one action on one programme under its row lock; refuses with the domain's words. */
  async function act(
    tx: Tx,
    ctx: AuthContext,
    lang: Lang,
    programId: string,
    action: EnrolmentAction,
    actor: EnrolmentActor,
  ) {
    const prog = await repo.lockProgramme(tx, ctx.tenantId, programId);
    if (!prog) throw notFound();
    const state = programmeFromRows(
      prog.capacity,
      (await repo.enrolmentsOf(tx, programId)).map((r) => ({
        id: r.id,
        employeeId: r.employee_id,
        status: r.status,
        origin: r.origin,
        waitlistedAt: r.waitlisted_at,
        replacesId: r.replaces_enrollment_id,
      })),
    );
    const result = applyEnrolment(state, action, actor);
    if (!result.ok) {
      const p = result.problem;
      if (p.code === 'notAllowed' || p.code === 'notSelf') throw forbidden();
      if (p.code === 'notFound') throw notFound();
      if (p.code === 'alreadyEnrolled')
        throw new AppError('conflict', { what: text(lang, 'alreadyEnrolled') });
      throw refuse('body', enrolmentProblemText(p)[lang]);
    }
    return { prog, result };
  }

  async function clashWarnings(tx: Tx, ctx: AuthContext, lang: Lang, employeeId: string, programId: string) {
    const mine = await repo.sessionsOf(tx, programId);
    const others = await repo.otherApprovedSessions(tx, ctx.tenantId, employeeId, programId);
    const seen = new Set<string>();
    const out: string[] = [];
    const zone = await tenantTimeZone(tx, ctx.tenantId);
    for (const { b } of scheduleClashes(
      mine.map((s) => ({ startsAt: s.starts_at, endsAt: s.ends_at })),
      others.map((s) => ({ startsAt: s.starts_at, endsAt: s.ends_at, title: s.title })),
    )) {
      if (seen.has(b.title)) continue;
      seen.add(b.title);
      out.push(text(lang, 'clash', { title: b.title, when: localDateTime(zone, new Date(b.startsAt)) }));
    }
    return out;
  }

  async function employeeByNip(tx: Tx, ctx: AuthContext, lang: Lang, nip: string) {
    const res = await tx.execute<{ id: string }>(
      sql`select id from employees where tenant_id = ${ctx.tenantId} and nip = ${nip.replace(/\s/g, '')}`,
    );
    if (!res.rows[0]) throw refuse('body.nip', text(lang, 'nipUnknown', { value: nip }));
    return res.rows[0].id;
  }

  async function eligible(
    tx: Tx,
    ctx: AuthContext,
    lang: Lang,
    employeeId: string,
    programId: string,
    field: string,
  ) {
    const el = await checkEligibility(tx, ctx.tenantId, employeeId, programId);
    if (!el) throw notFound();
    if (!el.eligible)
      throw new AppError(
        'validation',
        {},
        el.reasons.map((r) => ({ field, message: r.message[lang] })),
        { detail: el.reasons.map((r) => r.message[lang]).join(' ') },
      );
  }

  async function create(
    ctx: AuthContext,
    actorA: AuditActor,
    lang: Lang,
    body: { programId: string; nip?: string | undefined; reason: string },
  ) {
    return db.transaction(async (tx) => {
      const visible = await tx.execute(
        sql`select 1 from programs p where p.id = ${body.programId} and ${programReadScope(ctx)}`,
      );
      if (!visible.rows[0]) throw notFound();
      let employeeId: string;
      let self: boolean;
      if (!body.nip) {
        if (!ctx.employeeId) throw refuse('body.nip', text(lang, 'noEmployee'));
        employeeId = ctx.employeeId;
        self = true;
      } else {
        employeeId = await employeeByNip(tx, ctx, lang, body.nip);
        self = employeeId === ctx.employeeId;
      }
      if (self && !body.reason) throw refuse('body.reason', text(lang, 'reasonRequired'));
      const actor = await actorFor(tx, ctx, employeeId, body.programId, 'nominate');
      if (!self && !actor.roles.some((r) => r !== 'pegawai'))
        throw refuse('body.nip', text(lang, 'notYourEmployee'));
      await eligible(tx, ctx, lang, employeeId, body.programId, self ? 'body.programId' : 'body.nip');
      const id = randomUUID();
      const action: EnrolmentAction = self
        ? { type: 'request', id, employeeId }
        : { type: 'nominate', id, employeeId };
      const { prog, result } = await act(tx, ctx, lang, body.programId, action, actor);
      const added = result.state.enrolments.find((e) => e.id === id)!;
      try {
        await persist(tx, ctx, body.programId, result.changes, {
          origin: added.origin,
          reason: body.reason || null,
        });
      } catch (e) {
        if ((e as { cause?: { code?: string } }).cause?.code === '23505')
          throw new AppError('conflict', { what: text(lang, 'alreadyEnrolled') });
        throw e;
      }
      await notifyChanges(tx, ctx, prog.title, result.changes);
      await audit(tx, actorA, {
        action: 'create',
        entity: 'enrollment',
        entityId: id,
        after: { programId: body.programId, employeeId, status: added.status, origin: added.origin },
      });
      const warnings = await clashWarnings(tx, ctx, lang, employeeId, body.programId);
      return { enrollment: (await repo.findItem(tx, ctx.tenantId, id))!, warnings };
    });
  }

  /** The enrolment (tenant-wide, no scope: the caller's right is checked by actorFor). */
  async function target(tx: Tx, ctx: AuthContext, id: string) {
    const res = await tx.execute<{ program_id: string; employee_id: string; status: string }>(
      sql`select program_id, employee_id, status from enrollments where tenant_id = ${ctx.tenantId} and id = ${id}`,
    );
    const r = res.rows[0];
    if (!r) throw notFound();
    return r;
  }

  async function decide(
    ctx: AuthContext,
    actorA: AuditActor,
    lang: Lang,
    id: string,
    body: {
      decision: 'approve' | 'reject';
      note: string;
      expectedStatus?: 'pending_atasan' | 'pending_bkpsdm' | undefined;
    },
  ) {
    return db.transaction(async (tx) => {
      // The programme row is locked before the status is read: two decisions sent at once are taken
      // one after the other, and the second sees the step the first one left.
      const seen = await target(tx, ctx, id);
      await repo.lockProgramme(tx, ctx.tenantId, seen.program_id);
      const t = await target(tx, ctx, id);
      // One intent decides one step: a second click (or a second tab) sent with the step it saw
      // finds the enrolment already past that step and changes nothing.
      if (body.expectedStatus && t.status !== body.expectedStatus) {
        if ((await actorFor(tx, ctx, t.employee_id, t.program_id, 'other')).roles.length === 0)
          throw notFound();
        throw new AppError('conflict', { what: text(lang, 'alreadyDecided') });
      }
      if (body.decision === 'reject' && !body.note) throw refuse('body.note', text(lang, 'noteRequired'));
      const actor = await actorFor(tx, ctx, t.employee_id, t.program_id, 'other');
      const step = t.status === 'pending_bkpsdm' ? 'bkpsdm' : 'atasan';
      const may =
        step === 'bkpsdm'
          ? actor.roles.some((r) => r === 'admin' || r === 'operator_bkpsdm')
          : actor.roles.some((r) => r === 'admin' || r === 'atasan');
      if (!may) {
        // The atasan step was already decided (by this atasan a moment ago, or another): a conflict.
        if (t.status !== 'pending_atasan' && actor.roles.includes('atasan'))
          throw new AppError('conflict', { what: text(lang, 'alreadyDecided') });
        if (t.status === 'pending_atasan' || t.status === 'pending_bkpsdm') throw forbidden();
      }
      const { prog, result } = await act(
        tx,
        ctx,
        lang,
        t.program_id,
        body.decision === 'approve'
          ? { type: 'approve', enrolmentId: id }
          : { type: 'reject', enrolmentId: id },
        // The decision step's own roles only: an atasan who is also a pegawai decides as atasan.
        { ...actor, roles: actor.roles.filter((r) => r !== 'pegawai') },
      );
      await persist(tx, ctx, t.program_id, result.changes, {});
      await tx.execute(
        step === 'atasan'
          ? sql`update enrollments set atasan_decided_by = ${ctx.userId}, atasan_decided_at = now(), decision_note = ${body.note || null} where id = ${id}`
          : sql`update enrollments set bkpsdm_decided_by = ${ctx.userId}, bkpsdm_decided_at = now(), decision_note = ${body.note || null} where id = ${id}`,
      );
      await notifyChanges(tx, ctx, prog.title, result.changes);
      await audit(tx, actorA, {
        action: 'update',
        entity: 'enrollment',
        entityId: id,
        before: { status: t.status },
        after: { decision: body.decision, step, changes: result.changes },
      });
      const warnings =
        body.decision === 'approve' ? await clashWarnings(tx, ctx, lang, t.employee_id, t.program_id) : [];
      return { enrollment: (await repo.findItem(tx, ctx.tenantId, id))!, warnings };
    });
  }

  async function cancel(ctx: AuthContext, actorA: AuditActor, lang: Lang, id: string, reason: string) {
    return db.transaction(async (tx) => {
      const t = await target(tx, ctx, id);
      const actor = await actorFor(tx, ctx, t.employee_id, t.program_id, 'other');
      if (actor.roles.length === 0) throw notFound();
      const { prog, result } = await act(
        tx,
        ctx,
        lang,
        t.program_id,
        { type: 'cancel', enrolmentId: id },
        actor,
      );
      await persist(tx, ctx, t.program_id, result.changes, {});
      if (reason) await tx.execute(sql`update enrollments set decision_note = ${reason} where id = ${id}`);
      await notifyChanges(tx, ctx, prog.title, result.changes);
      await audit(tx, actorA, {
        action: 'update',
        entity: 'enrollment',
        entityId: id,
        before: { status: t.status },
        after: { status: 'cancelled', reason: reason || null, changes: result.changes },
      });
      return { enrollment: (await repo.findItem(tx, ctx.tenantId, id))!, warnings: [] };
    });
  }

  async function replace(
    ctx: AuthContext,
    actorA: AuditActor,
    lang: Lang,
    id: string,
    body: { nip: string; reason: string },
  ) {
    return db.transaction(async (tx) => {
      const t = await target(tx, ctx, id);
      const actorA1 = await actorFor(tx, ctx, t.employee_id, t.program_id, 'other');
      if (!actorA1.roles.some((r) => r === 'admin' || r === 'operator_bkpsdm' || r === 'operator_opd'))
        throw forbidden();
      const b = await employeeByNip(tx, ctx, lang, body.nip);
      if (b === t.employee_id) throw refuse('body.nip', text(lang, 'replaceSame'));
      const actorB = await actorFor(tx, ctx, b, t.program_id, 'nominate');
      if (!actorB.roles.some((r) => r === 'admin' || r === 'operator_bkpsdm' || r === 'operator_opd'))
        throw refuse('body.nip', text(lang, 'notYourEmployee'));
      await eligible(tx, ctx, lang, b, t.program_id, 'body.nip');
      const newId = randomUUID();
      const { prog, result } = await act(
        tx,
        ctx,
        lang,
        t.program_id,
        { type: 'replace', enrolmentId: id, id: newId, employeeId: b },
        actorA1,
      );
      // B takes A's place: the same status, waitlist time and decisions already taken.
      await persist(tx, ctx, t.program_id, result.changes, {
        origin: 'operator',
        reason: body.reason || null,
        replaces: id,
      });
      await tx.execute(sql`update enrollments n set atasan_decided_by = o.atasan_decided_by,
          atasan_decided_at = o.atasan_decided_at, bkpsdm_decided_by = o.bkpsdm_decided_by,
          bkpsdm_decided_at = o.bkpsdm_decided_at
        from enrollments o where n.id = ${newId} and o.id = ${id}`);
      await notifyChanges(tx, ctx, prog.title, result.changes);
      await audit(tx, actorA, {
        action: 'update',
        entity: 'enrollment',
        entityId: id,
        before: { status: t.status, employeeId: t.employee_id },
        after: { replacedBy: newId, employeeId: b },
      });
      const warnings = await clashWarnings(tx, ctx, lang, b, t.program_id);
      return { enrollment: (await repo.findItem(tx, ctx.tenantId, newId))!, warnings };
    });
  }

  async function list(ctx: AuthContext, q: z.infer<typeof EnrolmentListQuery>) {
    const where = [
      sql`en.tenant_id = ${ctx.tenantId}`,
      sql`(${employeeReadScope(ctx)} or ${programWriteScope(ctx)})`,
    ];
    if (q.programId) where.push(sql`en.program_id = ${q.programId}`);
    if (q.status) where.push(sql`en.status = ${q.status}`);
    if (q.mine === 'true') where.push(ctx.employeeId ? sql`en.employee_id = ${ctx.employeeId}` : sql`false`);
    const cond = sql.join(where, sql` and `);
    const [items, total] = await Promise.all([
      db.execute<repo.ItemRow>(sql`${repo.itemSelect(cond)} order by en.created_at desc, en.id
        limit ${q.pageSize} offset ${offsetOf(q)}`),
      db.execute<{ n: number }>(sql`select count(*)::int as n from enrollments en
        join programs p on p.id = en.program_id join employees e on e.id = en.employee_id where ${cond}`),
    ]);
    return { items: items.rows.map(repo.presentItem), total: total.rows[0]?.n ?? 0 };
  }

  async function approvals(ctx: AuthContext, lang: Lang): Promise<z.infer<typeof Approvals>> {
    const bkpsdm = hasRole(ctx, 'admin') || (await isBkpsdmOperator(db, ctx));
    const parts = [sql`(en.status = 'pending_atasan' and en.employee_id in ${repo.subordinatesOf(ctx)})`];
    if (bkpsdm) parts.push(sql`en.status = 'pending_bkpsdm'`);
    const res = await db.execute<repo.ItemRow & { clashes: string[] }>(sql`select x.*, array(
        select distinct p2.title from program_sessions s1
        join program_sessions s2 on s1.starts_at < s2.ends_at and s2.starts_at < s1.ends_at
        join enrollments en2 on en2.program_id = s2.program_id and en2.status = 'approved'
        join programs p2 on p2.id = s2.program_id
        where s1.program_id = x.program_id and en2.employee_id = x.employee_id and s2.program_id <> x.program_id
      ) as clashes from (${repo.itemSelect(sql`en.tenant_id = ${ctx.tenantId} and (${sql.join(parts, sql` or `)})
        and ${ctx.employeeId ? sql`en.employee_id <> ${ctx.employeeId}` : sql`true`}`)}) x
      order by x.created_at, x.id limit 500`);
    const items = res.rows.map((r) => ({
      ...repo.presentItem(r),
      step: (r.status === 'pending_bkpsdm' ? 'bkpsdm' : 'atasan') as 'atasan' | 'bkpsdm',
      clashes: r.clashes.map((title) => text(lang, 'clash', { title, when: '' }).replace(' ()', '')),
    }));
    const budget = bkpsdm
      ? await budgetOf(
          ctx,
          items.filter((i) => i.step === 'bkpsdm'),
        )
      : [];
    return { items, budget };
  }

  /** Committed cost per programme year (tenant time zone) against learningBudget[year]. */
  async function budgetOf(ctx: AuthContext, items: EnrolmentItemT[]) {
    const t = (
      await db.execute<{
        tz: string;
        y: number;
        settings: Record<string, unknown>;
      }>(sql`select time_zone as tz,
        settings, extract(year from now() at time zone time_zone)::int as y from tenants where id = ${ctx.tenantId}`)
    ).rows[0]!;
    const yearOf = new Intl.DateTimeFormat('en-CA', { timeZone: t.tz, year: 'numeric' });
    const years = new Set([t.y]);
    for (const i of items) if (i.firstSessionAt) years.add(Number(yearOf.format(new Date(i.firstSessionAt))));
    const res = await db.execute<{
      y: number;
      c: string;
    }>(sql`select y.y, coalesce(sum(p.cost_fee + p.cost_travel + p.cost_lodging), 0)::text as c
      from unnest(${sqlArray([...years])}::int[]) y(y)
      left join (enrollments en join programs p on p.id = en.program_id)
        on en.tenant_id = ${ctx.tenantId} and en.status in ('approved', 'completed', 'not_completed')
          and extract(year from coalesce((select min(s.starts_at) from program_sessions s where s.program_id = p.id),
            p.created_at) at time zone ${t.tz})::int = y.y
      group by y.y order by y.y`);
    const budgets = (t.settings.learningBudget ?? {}) as Record<string, unknown>;
    return res.rows.map((r) => {
      const ceiling = budgets[String(r.y)];
      return {
        year: r.y,
        committed: Number(r.c),
        ceiling: typeof ceiling === 'number' && ceiling >= 0 ? ceiling : null,
      };
    });
  }

  return { create, decide, cancel, replace, list, approvals };
}

export type EnrollmentService = ReturnType<typeof enrollmentService>;
