/**
 * Attendance: the organiser marks a whole session at once; participants check in with the rotating
 * QR code (current or previous 30-second window, inside the session's window); the completion rule
 * (minimum attendance, post-test pass mark) sets completed / not_completed, and every newly
 * completed enrolment goes to the learning hook (learning record, competency proposals).
 */
import { sql } from 'drizzle-orm';
import {
  CHECKIN_PERIOD_SECONDS,
  checkinCode,
  checkinCodeAge,
  secondsToNextCode,
} from '../../../domain/learning/checkin.js';
import { applyEnrolment, programmeFromRows } from '../../../domain/learning/enrolment.js';
import { sqlArray, type Db, type Tx } from '../../db/client.js';
import { audit, type AuditActor } from '../../http/audit.js';
import { hasRole, type AuthContext } from '../../http/auth.js';
import { AppError, forbidden, notFound } from '../../http/errors.js';
import type { Lang } from '../../http/messages.js';
import { localDateTime } from '../../../domain/time.js';
import { tenantTimeZone } from '../tenant/service.js';
import { onEnrollmentCompleted, onEnrollmentWithdrawn } from '../learning/hooks.js';
import { isBkpsdmOperator, programReadScope, programWriteScope } from '../programs/policy.js';
import * as repo from './repository.js';
import { refuse, text } from './texts.js';

/** Check-in opens this long before a session starts, and closes when it ends. */
export const CHECKIN_EARLY_MINUTES = 30;

/** The programme if the caller organises it: 404 when they cannot see it, 403 when they only read it. */
async function organised(tx: Tx, ctx: AuthContext, programId: string) {
  const res = await tx.execute<{
    id: string;
    title: string;
    capacity: number;
    min_attendance_pct: number;
    post_test_pass_mark: string | null;
  }>(sql`select p.id, p.title, p.capacity, p.min_attendance_pct, p.post_test_pass_mark from programs p
    where p.tenant_id = ${ctx.tenantId} and p.id = ${programId} and ${programWriteScope(ctx)}`);
  if (res.rows[0]) return res.rows[0];
  const seen = await tx.execute(
    sql`select 1 from programs p where p.id = ${programId} and ${programReadScope(ctx)}`,
  );
  throw seen.rows[0] ? forbidden() : notFound();
}

async function sessionRow(tx: Tx, tenantId: string, sessionId: string) {
  const res = await tx.execute<{
    id: string;
    program_id: string;
    title: string;
    starts_at: Date;
    ends_at: Date;
    checkin_secret: string;
    program_title: string;
  }>(sql`select s.id, s.program_id, s.title, s.starts_at, s.ends_at, s.checkin_secret, p.title as program_title
    from program_sessions s join programs p on p.id = s.program_id
    where s.tenant_id = ${tenantId} and s.id = ${sessionId}`);
  return res.rows[0] ?? null;
}

export function attendanceService(db: Db) {
  async function participants(ctx: AuthContext, programId: string) {
    const prog = await organised(db, ctx, programId);
    const sessions = await repo.sessionsOf(db, programId);
    const rows = await db.execute<repo.ItemRow>(
      sql`${repo.itemSelect(sql`en.tenant_id = ${ctx.tenantId} and en.program_id = ${programId}`)}
        order by case en.status when 'approved' then 0 when 'completed' then 0 when 'not_completed' then 0
          when 'waitlisted' then 1 when 'pending_bkpsdm' then 2 when 'pending_atasan' then 2 else 3 end,
          en.waitlisted_at nulls last, e.name, en.id`,
    );
    const marks = await db.execute<{ enrollment_id: string; session_id: string; status: 'hadir' }>(sql`
      select a.enrollment_id, a.session_id, a.status from attendance a
      join enrollments en on en.id = a.enrollment_id where en.tenant_id = ${ctx.tenantId} and en.program_id = ${programId}`);
    const certs = await db.execute<{
      enrollment_id: string;
      id: string;
      number: string;
      verification_code: string;
      revoked_at: Date | null;
      revoked_reason: string | null;
    }>(sql`
      select c.enrollment_id, c.id, c.number, c.verification_code, c.revoked_at, c.revoked_reason
      from certificates c join enrollments en on en.id = c.enrollment_id
      where en.tenant_id = ${ctx.tenantId} and en.program_id = ${programId}`);
    const certOf = new Map(certs.rows.map((c) => [c.enrollment_id, c]));
    const canRevoke = hasRole(ctx, 'admin') || (await isBkpsdmOperator(db, ctx));
    const byEnrolment = new Map<string, Record<string, 'hadir' | 'izin' | 'sakit' | 'alpa'>>();
    for (const m of marks.rows) {
      const r = byEnrolment.get(m.enrollment_id) ?? {};
      r[m.session_id] = m.status;
      byEnrolment.set(m.enrollment_id, r);
    }
    return {
      programId,
      title: prog.title,
      capacity: prog.capacity,
      minAttendancePct: prog.min_attendance_pct,
      postTestPassMark: prog.post_test_pass_mark === null ? null : Number(prog.post_test_pass_mark),
      sessions: sessions.map((s) => ({
        id: s.id,
        title: s.title,
        startsAt: new Date(s.starts_at).toISOString(),
        endsAt: new Date(s.ends_at).toISOString(),
      })),
      canRevoke,
      participants: rows.rows.map((r) => {
        const att = byEnrolment.get(r.id) ?? {};
        const present = Object.values(att).filter((v) => v === 'hadir').length;
        const c = certOf.get(r.id);
        return {
          ...repo.presentItem(r),
          attendance: att,
          attendancePct: sessions.length ? Math.round((present / sessions.length) * 1000) / 10 : null,
          certificate: c
            ? {
                id: c.id,
                number: c.number,
                verificationCode: c.verification_code,
                revokedAt: c.revoked_at ? new Date(c.revoked_at).toISOString() : null,
                revokedReason: c.revoked_reason,
              }
            : null,
        };
      }),
    };
  }

  /** Approved participants of the programme among the given enrolments; refuses any other. */
  async function checkParticipants(tx: Tx, lang: Lang, programId: string, ids: string[], field: string) {
    const res = await tx.execute<{
      id: string;
    }>(sql`select id from enrollments where program_id = ${programId}
      and status in ('approved', 'completed', 'not_completed') and id = any(${sqlArray(ids)}::uuid[])`);
    const ok = new Set(res.rows.map((r) => r.id));
    const bad = ids.findIndex((id) => !ok.has(id));
    if (bad >= 0)
      throw new AppError('validation', {}, [
        { field: `${field}.${bad}.enrollmentId`, row: bad + 1, message: text(lang, 'notParticipantRow') },
      ]);
  }

  async function mark(
    ctx: AuthContext,
    actor: AuditActor,
    lang: Lang,
    sessionId: string,
    marks: { enrollmentId: string; status: 'hadir' | 'izin' | 'sakit' | 'alpa' }[],
  ) {
    return db.transaction(async (tx) => {
      const s = await sessionRow(tx, ctx.tenantId, sessionId);
      if (!s) throw notFound();
      await organised(tx, ctx, s.program_id);
      const last = new Map(marks.map((m) => [m.enrollmentId, m.status]));
      const ids = [...last.keys()];
      await checkParticipants(tx, lang, s.program_id, ids, 'body.marks');
      await tx.execute(sql`insert into attendance (tenant_id, session_id, enrollment_id, status, method, recorded_by)
        select ${ctx.tenantId}::uuid, ${sessionId}::uuid, x.id, x.st, 'organiser', ${ctx.userId}::uuid
        from unnest(${sqlArray(ids)}::uuid[], ${sqlArray(ids.map((i) => last.get(i)!))}::text[]) x(id, st)
        on conflict (session_id, enrollment_id) do update set status = excluded.status,
          method = case when attendance.status = excluded.status then attendance.method else 'organiser' end,
          recorded_by = case when attendance.status = excluded.status then attendance.recorded_by else excluded.recorded_by end,
          recorded_at = case when attendance.status = excluded.status then attendance.recorded_at else now() end`);
      const counts: Record<string, number> = {};
      for (const v of last.values()) counts[v] = (counts[v] ?? 0) + 1;
      await audit(tx, actor, { action: 'update', entity: 'attendance', entityId: sessionId, after: counts });
      return { saved: ids.length };
    });
  }

  async function code(ctx: AuthContext, sessionId: string, now = new Date()) {
    const s = await sessionRow(db, ctx.tenantId, sessionId);
    if (!s) throw notFound();
    await organised(db, ctx, s.program_id);
    const c = checkinCode(s.checkin_secret, s.id, now);
    const counts = await db.execute<{ present: number; total: number }>(sql`select
      (select count(*)::int from attendance a where a.session_id = ${sessionId} and a.status = 'hadir') as present,
      (select count(*)::int from enrollments en where en.program_id = ${s.program_id}
        and en.status in ('approved', 'completed', 'not_completed')) as total`);
    return {
      sessionId: s.id,
      programId: s.program_id,
      programTitle: s.program_title,
      sessionTitle: s.title,
      startsAt: new Date(s.starts_at).toISOString(),
      endsAt: new Date(s.ends_at).toISOString(),
      code: c,
      secondsLeft: secondsToNextCode(now),
      periodSeconds: CHECKIN_PERIOD_SECONDS,
      path: `/hadir?sesi=${s.id}&kode=${c}`,
      present: counts.rows[0]?.present ?? 0,
      participants: counts.rows[0]?.total ?? 0,
    };
  }

  async function checkin(ctx: AuthContext, actor: AuditActor, lang: Lang, sessionId: string, given: string) {
    return db.transaction(async (tx) => {
      const s = await sessionRow(tx, ctx.tenantId, sessionId);
      if (!s) throw notFound();
      const en = ctx.employeeId
        ? (
            await tx.execute<{ id: string }>(sql`select id from enrollments where program_id = ${s.program_id}
              and employee_id = ${ctx.employeeId} and status in ('approved', 'completed', 'not_completed')`)
          ).rows[0]
        : undefined;
      if (!en) {
        const msg = text(lang, 'notParticipant');
        throw new AppError('forbidden', {}, [{ field: 'body.code', message: msg }], { detail: msg });
      }
      const done = await tx.execute<{ recorded_at: Date }>(sql`select recorded_at from attendance
        where session_id = ${sessionId} and enrollment_id = ${en.id} and status = 'hadir'`);
      const result = (recordedAt: Date, already: boolean) => ({
        status: 'hadir' as const,
        already,
        programTitle: s.program_title,
        sessionTitle: s.title,
        recordedAt: new Date(recordedAt).toISOString(),
      });
      // A second check-in (a retry on a weak network) is fine: the first one stands.
      if (done.rows[0]) return result(done.rows[0].recorded_at, true);
      const now = Date.now();
      const opens = new Date(s.starts_at).getTime() - CHECKIN_EARLY_MINUTES * 60_000;
      if (now < opens || now > new Date(s.ends_at).getTime()) {
        const zone = await tenantTimeZone(tx, ctx.tenantId);
        throw refuse(
          'body.code',
          text(lang, 'outsideWindow', {
            from: localDateTime(zone, new Date(opens), { year: false }),
            to: localDateTime(zone, new Date(s.ends_at), { year: false }),
          }),
        );
      }
      if (checkinCodeAge(s.checkin_secret, s.id, given, now, { allowPrevious: 1 }) === null)
        throw refuse('body.code', text(lang, 'codeWrong'));
      const res = await tx.execute<{ recorded_at: Date }>(sql`insert into attendance
          (tenant_id, session_id, enrollment_id, status, method, recorded_by)
        values (${ctx.tenantId}, ${sessionId}, ${en.id}, 'hadir', 'qr', ${ctx.userId})
        on conflict (session_id, enrollment_id) do update set status = 'hadir', method = 'qr',
          recorded_by = excluded.recorded_by, recorded_at = now()
        returning recorded_at`);
      await audit(tx, actor, {
        action: 'update',
        entity: 'attendance',
        entityId: sessionId,
        after: { enrollmentId: en.id, status: 'hadir', method: 'qr' },
      });
      return result(res.rows[0]!.recorded_at, false);
    });
  }

  async function scores(
    ctx: AuthContext,
    actor: AuditActor,
    lang: Lang,
    programId: string,
    rows: { enrollmentId: string; preTestScore: number | null; postTestScore: number | null }[],
  ) {
    return db.transaction(async (tx) => {
      await organised(tx, ctx, programId);
      const ids = rows.map((r) => r.enrollmentId);
      await checkParticipants(tx, lang, programId, ids, 'body.scores');
      await tx.execute(sql`update enrollments en set pre_test_score = x.pre, post_test_score = x.post, updated_at = now()
        from unnest(${sqlArray(ids)}::uuid[], ${sqlArray(rows.map((r) => r.preTestScore))}::numeric[],
          ${sqlArray(rows.map((r) => r.postTestScore))}::numeric[]) x(id, pre, post)
        where en.id = x.id and en.program_id = ${programId}`);
      await audit(tx, actor, {
        action: 'update',
        entity: 'enrollment_scores',
        entityId: programId,
        after: { rows: rows.length },
      });
      return { saved: rows.length };
    });
  }

  /** "Tetapkan kelulusan": completed when attendance ≥ the minimum and the post-test passes. */
  async function decideCompletion(ctx: AuthContext, actor: AuditActor, programId: string) {
    return db.transaction(async (tx) => {
      const prog = await organised(tx, ctx, programId);
      await repo.lockProgramme(tx, ctx.tenantId, programId);
      const facts = await tx.execute<{
        id: string;
        status: string;
        post: string | null;
        present: number;
        sessions: number;
      }>(sql`
        select en.id, en.status, en.post_test_score as post,
          (select count(*)::int from attendance a where a.enrollment_id = en.id and a.status = 'hadir') as present,
          (select count(*)::int from program_sessions s where s.program_id = en.program_id) as sessions
        from enrollments en where en.tenant_id = ${ctx.tenantId} and en.program_id = ${programId} and en.status in ('approved', 'completed', 'not_completed')`);
      let state = programmeFromRows(
        prog.capacity,
        (await repo.enrolmentsOf(tx, programId)).map((r) => ({
          id: r.id,
          employeeId: r.employee_id,
          status: r.status,
          origin: r.origin,
          waitlistedAt: r.waitlisted_at,
        })),
      );
      const pass = prog.post_test_pass_mark === null ? null : Number(prog.post_test_pass_mark);
      const newlyCompleted: string[] = [];
      const withdrawn: string[] = [];
      let completed = 0;
      let notCompleted = 0;
      for (const f of facts.rows) {
        const pct = f.sessions ? (f.present / f.sessions) * 100 : 100;
        const ok =
          pct >= prog.min_attendance_pct && (pass === null || (f.post !== null && Number(f.post) >= pass));
        const r = applyEnrolment(
          state,
          { type: ok ? 'complete' : 'notComplete', enrolmentId: f.id },
          { roles: ['admin'] },
        );
        if (!r.ok) continue;
        state = r.state;
        if (ok) completed++;
        else notCompleted++;
        const to = ok ? 'completed' : 'not_completed';
        if (f.status !== to) {
          await tx.execute(sql`update enrollments set status = ${to}, updated_at = now(),
            completed_at = ${ok ? sql`coalesce(completed_at, now())` : sql`null`} where id = ${f.id}`);
          if (ok) newlyCompleted.push(f.id);
          else if (f.status === 'completed') withdrawn.push(f.id);
        }
      }
      await audit(tx, actor, {
        action: 'update',
        entity: 'enrollment_completion',
        entityId: programId,
        after: { completed, notCompleted, minAttendancePct: prog.min_attendance_pct, postTestPassMark: pass },
      });
      // The one place where a completed enrolment reaches learning records and competency proposals.
      for (const id of newlyCompleted) await onEnrollmentCompleted(tx, actor, id);
      for (const id of withdrawn) await onEnrollmentWithdrawn(tx, actor, id);
      return { completed, notCompleted };
    });
  }

  return { participants, mark, code, checkin, scores, decideCompletion };
}

export type AttendanceService = ReturnType<typeof attendanceService>;
