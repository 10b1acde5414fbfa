import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { certificateNumber, certificatePrefix, verificationCode } from '../../../domain/learning/checkin.js';
import { fullName } from '../../../domain/org.js';
import type { Tx } from '../../db/client.js';
import { audit, type AuditActor } from '../../http/audit.js';
import { todayIn } from '../../../domain/time.js';

/**
 * Issues the certificate of a completed enrolment in the caller's transaction: the next number of
 * the tenant and year (under an advisory lock, so parallel issuance never collides), a random
 * verification code, and a copy of the holder's name (with titles), the programme title, the first
 * and last session dates (tenant time zone) and the JP. Idempotent: an enrolment has at most one.
 */
export async function issueCertificate(
  tx: Tx,
  actor: AuditActor,
  enrollmentId: string,
): Promise<{ id: string; number: string; created: boolean } | null> {
  const existing = await tx.execute<{ id: string; number: string }>(
    sql`select id, number from certificates where enrollment_id = ${enrollmentId}`,
  );
  if (existing.rows[0]) return { ...existing.rows[0], created: false };
  const res = await tx.execute<{
    tenant_id: string;
    employee_id: string;
    name: string;
    front_title: string | null;
    back_title: string | null;
    title: string;
    jp: number;
    time_zone: string;
    tenant_code: string;
    prefix_setting: string | null;
    starts_on: string | null;
    ends_on: string | null;
  }>(sql`
    select en.tenant_id, en.employee_id, e.name, e.front_title, e.back_title, p.title, p.jp::float8 as jp,
      t.time_zone, t.code as tenant_code, t.settings->>'certificatePrefix' as prefix_setting,
      (select min(s.starts_at at time zone t.time_zone)::date::text from program_sessions s where s.program_id = p.id) as starts_on,
      (select max(s.ends_at at time zone t.time_zone)::date::text from program_sessions s where s.program_id = p.id) as ends_on
    from enrollments en join programs p on p.id = en.program_id join tenants t on t.id = en.tenant_id
      join employees e on e.id = en.employee_id
    where en.id = ${enrollmentId} and en.status = 'completed'`);
  const en = res.rows[0];
  if (!en) return null;
  const issuedOn = todayIn(en.time_zone);
  const endsOn = en.ends_on ?? issuedOn;
  const startsOn = en.starts_on ?? endsOn;
  const year = Number(issuedOn.slice(0, 4));
  // One issuer at a time per tenant and year; the lock ends with the transaction.
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtext(${`asah.certificate.${en.tenant_id}.${year}`}))`,
  );
  const again = await tx.execute<{ id: string; number: string }>(
    sql`select id, number from certificates where enrollment_id = ${enrollmentId}`,
  );
  if (again.rows[0]) return { ...again.rows[0], created: false };
  const prefix = certificatePrefix(en.tenant_code, en.prefix_setting);
  const last = await tx.execute<{ seq: number }>(sql`
    select coalesce(max(substring(number from '[0-9]+$')::int), 0) as seq from certificates
    where tenant_id = ${en.tenant_id} and number like ${`${prefix}/${year}/%`}`);
  const number = certificateNumber({ prefix, year, sequence: Number(last.rows[0]?.seq ?? 0) + 1 });
  const inserted = await tx.execute<{ id: string }>(sql`
    insert into certificates (tenant_id, number, verification_code, enrollment_id, employee_id, holder_name,
      program_title, starts_on, ends_on, jp, issued_on)
    values (${en.tenant_id}, ${number}, ${verificationCode((n) => randomBytes(n))}, ${enrollmentId},
      ${en.employee_id}, ${fullName(en.name, en.front_title, en.back_title)}, ${en.title}, ${startsOn}::date,
      ${endsOn}::date, ${en.jp}, ${issuedOn}::date)
    returning id`);
  const id = inserted.rows[0]!.id;
  await audit(tx, actor, {
    action: 'create',
    entity: 'certificate',
    entityId: id,
    after: { number, enrollmentId, jp: en.jp },
  });
  return { id, number, created: true };
}
