/**
 * Demo certificates: participants of programmes that have already ended complete them, so the
 * learning hook writes their learning records and issues their certificates (numbers, QR codes),
 * among them the demo pegawai of Disdukcapil. Runs after the programmes are seeded.
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { plainPdf } from '../modules/certificates/pdf.js';
import { onEnrollmentCompleted } from '../modules/learning/hooks.js';

export async function seedCertificates(tx: Tx, tenantId: string): Promise<number> {
  const ended = await tx.execute<{ id: string }>(sql`
    select p.id from programs p
    where p.tenant_id = ${tenantId} and p.status in ('published', 'closed')
      and exists (select 1 from program_sessions s where s.program_id = p.id)
      and not exists (select 1 from program_sessions s where s.program_id = p.id and s.ends_at > now())
    order by (select max(s.ends_at) from program_sessions s where s.program_id = p.id) desc, p.code
    limit 2`);
  if (ended.rows.length === 0) return 0;
  // The demo pegawai, their atasan and a few colleagues of Disdukcapil (by NIP, so always the same).
  const people = await tx.execute<{ id: string }>(sql`
    (select u.employee_id as id from users u
      where u.tenant_id = ${tenantId} and u.username in ('pegawai.dukcapil', 'atasan.dukcapil') and u.employee_id is not null)
    union
    (select e.id from employees e join users u on u.username = 'pegawai.dukcapil' and u.tenant_id = ${tenantId}
      join employees me on me.id = u.employee_id
      where e.tenant_id = ${tenantId} and e.unit_id = me.unit_id and e.id <> me.id order by e.nip limit 3)`);
  const actor = { tenantId, userId: null, name: 'seed', requestId: null };
  // Two certificates earned elsewhere wait for the Disdukcapil operator.
  const external = [
    [
      'Pelatihan Pelayanan Publik Prima (e-learning)',
      'LAN RI — ASN Unggul',
      'B2',
      30,
      4,
      { scheduledJp: 12 },
    ],
    ['Workshop Tata Kelola Data Kependudukan', 'Ditjen Dukcapil Kemendagri', 'B7', 45, 1, { days: 2 }],
  ] as const;
  for (const [i, [title, provider, form, ago, len, claim]] of external.entries()) {
    const person = people.rows[i];
    if (!person) continue;
    // The scan the employee sent with it, for the operator to open.
    const holder = await tx.execute<{ name: string }>(
      sql`select name from employees where id = ${person.id}`,
    );
    const scan = await plainPdf('SERTIFIKAT', [title, provider, `Diberikan kepada: ${holder.rows[0]!.name}`]);
    const file = await tx.execute<{ id: string }>(sql`
      insert into files (tenant_id, employee_id, purpose, name, content_type, size, sha256, data)
      values (${tenantId}, ${person.id}, 'external_certificate', ${`sertifikat-${i + 1}.pdf`}, 'application/pdf',
        ${scan.length}, ${createHash('sha256').update(scan).digest('hex')}, ${scan})
      returning id`);
    await tx.execute(sql`
      insert into external_certificates (tenant_id, employee_id, title, provider, form, scope, starts_on, ends_on, claim, file_id)
      values (${tenantId}, ${person.id}, ${title}, ${provider}, ${form}, 'nasional',
        (now() at time zone (select time_zone from tenants where id = ${tenantId}))::date - ${ago + len}::int, (now() at time zone (select time_zone from tenants where id = ${tenantId}))::date - ${ago}::int,
        ${JSON.stringify(claim)}::jsonb, ${file.rows[0]!.id})`);
  }
  let issued = 0;
  for (const [i, program] of ended.rows.entries()) {
    const who = i === 0 ? people.rows : people.rows.slice(0, 2);
    for (const person of who) {
      const en = await tx.execute<{ id: string }>(sql`
        insert into enrollments (tenant_id, program_id, employee_id, status, origin, completed_at)
        values (${tenantId}, ${program.id}, ${person.id}, 'completed', 'operator', now())
        on conflict do nothing returning id`);
      const id = en.rows[0]?.id;
      if (!id) continue;
      await onEnrollmentCompleted(tx, actor, id);
      issued++;
    }
  }
  return issued;
}
