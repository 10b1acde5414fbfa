import { sql } from 'drizzle-orm';
import { todayIn } from '../../../domain/time.js';
import type { Tx } from '../../db/client.js';
import { audit, type AuditActor } from '../../http/audit.js';
import { issueCertificate } from '../certificates/issue.js';
import { gapCtes } from '../competency/repository.js';
import { gapContext } from '../competency/service.js';

/** Why a certificate was revoked when its enrolment stopped counting as completed. */
export const COMPLETION_WITHDRAWN = 'Kelulusan dibatalkan oleh penyelenggara (Completion withdrawn)';

/**
 * What follows a completed enrolment, in the caller's transaction: the learning record that counts
 * its JP for the year of its last session, and for each competency the programme targets a proposed
 * new level (current + expected gain, at most 5) for the atasan to confirm. Idempotent: calling it
 * twice for the same enrolment adds nothing.
 */
export async function onEnrollmentCompleted(tx: Tx, actor: AuditActor, enrollmentId: string) {
  const res = await tx.execute<{
    tenant_id: string;
    employee_id: string;
    program_id: string;
    title: string;
    form: string;
    scope: string;
    jp: number;
    jp_basis: string;
    jp_basis_en: string;
    jp_rule_set_id: string | null;
    starts_on: string | null;
    ends_on: string | null;
    time_zone: string;
  }>(sql`
    select en.tenant_id, en.employee_id, p.id as program_id, p.title, p.form, p.scope, p.jp::float8 as jp,
      p.jp_basis, p.jp_basis_en, p.jp_rule_set_id, t.time_zone,
      (select min(s.starts_at at time zone t.time_zone)::date::text from program_sessions s where s.program_id = p.id) as starts_on,
      (select max(s.ends_at at time zone t.time_zone)::date::text from program_sessions s where s.program_id = p.id) as ends_on
    from enrollments en join programs p on p.id = en.program_id join tenants t on t.id = en.tenant_id
    where en.id = ${enrollmentId} and en.status = 'completed'`);
  const en = res.rows[0];
  if (!en) return { recordId: null, proposals: 0 };
  // A programme without sessions ends on the day it is completed, in the tenant's zone (not UTC's).
  const endsOn = en.ends_on ?? todayIn(en.time_zone);
  const startsOn = en.starts_on ?? endsOn;
  const record = await tx.execute<{ id: string }>(sql`
    insert into learning_records (tenant_id, employee_id, source, enrollment_id, title, form, scope,
      starts_on, ends_on, year, jp, jp_basis, jp_basis_en, jp_rule_set_id)
    values (${en.tenant_id}, ${en.employee_id}, 'program', ${enrollmentId}, ${en.title}, ${en.form}, ${en.scope},
      ${startsOn}::date, ${endsOn}::date, extract(year from ${endsOn}::date)::int, ${en.jp}, ${en.jp_basis},
      ${en.jp_basis_en}, ${en.jp_rule_set_id})
    on conflict (enrollment_id) do nothing
    returning id`);
  const recordId = record.rows[0]?.id ?? null;
  // The certificate with its number and public verification code (once per enrolment); one that was
  // revoked only because the completion had been withdrawn is valid again.
  const cert = await issueCertificate(tx, actor, enrollmentId);
  if (cert && !cert.created) {
    const restored = await tx.execute<{
      id: string;
    }>(sql`update certificates set revoked_at = null, revoked_reason = null
      where id = ${cert.id} and revoked_reason = ${COMPLETION_WITHDRAWN} returning id`);
    if (restored.rows[0])
      await audit(tx, actor, {
        action: 'update',
        entity: 'certificate',
        entityId: cert.id,
        before: { revokedReason: COMPLETION_WITHDRAWN },
        after: { revokedAt: null },
      });
  }
  if (!recordId) return { recordId: null, proposals: 0 };

  // Proposed levels: the reconciled current level (the heatmap's definition) plus the expected gain.
  const { sqlRule } = await gapContext(tx, en.tenant_id);
  const emp = sql`select e.id, e.position_id, e.id as grp from employees e where e.id = ${en.employee_id}`;
  const proposals = await tx.execute<{ id: string; competency_id: string; proposed_level: number }>(sql`
    with ${gapCtes(en.tenant_id, emp, sqlRule)}
    insert into competency_proposals (tenant_id, employee_id, competency_id, enrollment_id, current_level,
      proposed_level, evidence)
    select ${en.tenant_id}::uuid, ${en.employee_id}::uuid, pc.competency_id, ${enrollmentId}::uuid, cur.level,
      least(5, coalesce(cur.level, 0) + pc.expected_gain),
      ${`Menyelesaikan program "${en.title}" (${en.jp} JP, ${startsOn} s.d. ${endsOn}).`}
    from program_competencies pc
    join competencies c on c.id = pc.competency_id and c.active
    left join cur on cur.competency_id = pc.competency_id
    where pc.program_id = ${en.program_id} and coalesce(cur.level, 0) < 5
    on conflict (enrollment_id, competency_id) do nothing
    returning id, competency_id, proposed_level`);

  if (proposals.rows.length) {
    // The atasan hears of it in the app; their decision lands on the competency profile.
    await tx.execute(sql`
      insert into notifications (tenant_id, user_id, kind, title, body, link)
      select ${en.tenant_id}::uuid, u.id, 'competency.proposal', 'Usulan kenaikan level kompetensi',
        ${`${proposals.rows.length} kompetensi dari program "${en.title}" menunggu konfirmasi Anda.`},
        '/kompetensi/usulan'
      from employees e join users u on u.employee_id = e.supervisor_id and u.active
      where e.id = ${en.employee_id}`);
  }
  await audit(
    tx,
    actor,
    {
      action: 'create',
      entity: 'learning_record',
      entityId: recordId,
      after: { enrollmentId, jp: en.jp, year: Number(endsOn.slice(0, 4)) },
    },
    ...proposals.rows.map((p) => ({
      action: 'create',
      entity: 'competency_proposal',
      entityId: p.id,
      after: { competencyId: p.competency_id, proposedLevel: p.proposed_level, enrollmentId },
    })),
  );
  return { recordId, proposals: proposals.rows.length };
}

/**
 * The reverse, when the organiser's completion decision turns a completed enrolment into not
 * completed (e.g. a corrected post-test score): its learning record no longer counts, its certificate
 * is revoked (the public page says so) and its proposals still waiting for the atasan are withdrawn.
 * Confirmed proposals stay on the profile with their provenance. Completing it again undoes this.
 */
export async function onEnrollmentWithdrawn(tx: Tx, actor: AuditActor, enrollmentId: string) {
  const records = await tx.execute<{ id: string; jp: number }>(sql`
    delete from learning_records where enrollment_id = ${enrollmentId} returning id, jp::float8 as jp`);
  const certs = await tx.execute<{ id: string; number: string }>(sql`
    update certificates set revoked_at = now(), revoked_reason = ${COMPLETION_WITHDRAWN}
    where enrollment_id = ${enrollmentId} and revoked_at is null returning id, number`);
  const proposals = await tx.execute<{ id: string }>(sql`
    delete from competency_proposals where enrollment_id = ${enrollmentId} and status = 'pending' returning id`);
  await audit(
    tx,
    actor,
    ...records.rows.map((r) => ({
      action: 'delete',
      entity: 'learning_record',
      entityId: r.id,
      before: { enrollmentId, jp: r.jp },
    })),
    ...certs.rows.map((c) => ({
      action: 'update',
      entity: 'certificate',
      entityId: c.id,
      before: { number: c.number, revokedAt: null },
      after: { revokedReason: COMPLETION_WITHDRAWN },
    })),
    ...proposals.rows.map((p) => ({
      action: 'delete',
      entity: 'competency_proposal',
      entityId: p.id,
      before: { enrollmentId, status: 'pending' },
    })),
  );
  return { records: records.rows.length, certificates: certs.rows.length, proposals: proposals.rows.length };
}
