/**
 * Demo assessment campaign: "Pemetaan Kompetensi 2026" for Disdukcapil, started two weeks before
 * the seeding day and due a month after it, partly done. The demo pegawai's self-assessment and
 * their atasan's assessment of them stay pending, and both have a reminder in the bell.
 */
import { sql } from 'drizzle-orm';
import { planTasks } from '../../domain/competency/campaign.js';
import type { Tx } from '../db/client.js';
import { insertTasks } from '../modules/assessments/campaigns.js';

export const DEMO_CAMPAIGN = 'Pemetaan Kompetensi 2026';
const OPD = 'DISDUKCAPIL';

export async function seedCampaigns(tx: Tx, tenantId: string): Promise<{ assignments: number }> {
  const unit = (
    await tx.execute<{ id: string; path: string; today: string }>(sql`
      select u.id, u.path, to_char(now() at time zone t.time_zone, 'YYYY-MM-DD') as today
      from org_units u join tenants t on t.id = u.tenant_id
      where u.tenant_id = ${tenantId} and u.code = ${OPD}`)
  ).rows[0];
  if (!unit) return { assignments: 0 };
  const accounts = (
    await tx.execute<{ username: string; user_id: string; employee_id: string | null }>(sql`
      select username, id as user_id, employee_id from users
      where tenant_id = ${tenantId} and username in ('operator.dukcapil', 'atasan.dukcapil', 'pegawai.dukcapil')`)
  ).rows;
  const acc = new Map(accounts.map((a) => [a.username, a]));
  const members = (
    await tx.execute<{ id: string; nip: string; unit_id: string; supervisor_id: string | null }>(sql`
      select e.id, e.nip, e.unit_id, e.supervisor_id from employees e join org_units s on s.id = e.unit_id
      where e.tenant_id = ${tenantId} and e.active and s.path like ${unit.path} || '%'`)
  ).rows;
  const tasks = planTasks(
    members.map((m) => ({ id: m.id, key: m.nip, unitId: m.unit_id, supervisorId: m.supervisor_id })),
    ['self', 'atasan', 'peer'],
    1,
  );
  const campaign = (
    await tx.execute<{ id: string }>(sql`
      insert into assessment_campaigns (tenant_id, name, unit_id, sources, starts_on, due_on, created_by, created_at)
      values (${tenantId}, ${DEMO_CAMPAIGN}, ${unit.id}, array['self', 'atasan', 'peer'],
        ${unit.today}::date - 14, ${unit.today}::date + 30, ${acc.get('operator.dukcapil')?.user_id ?? null},
        (${unit.today}::date - 14)::timestamptz)
      returning id`)
  ).rows[0]!;
  await insertTasks(tx, tenantId, campaign.id, tasks);

  // About half the tasks are done, chosen by a hash of the NIPs; the demo accounts' own tasks stay open.
  const pegawai = acc.get('pegawai.dukcapil')?.employee_id ?? null;
  const atasan = acc.get('atasan.dukcapil')?.employee_id ?? null;
  await tx.execute(sql`
    with done as (
      update campaign_assignments a set completed_at = (${unit.today}::date - 14 + (abs(hashtext(e.nip)) % 14))::timestamptz
        + interval '9 hours'
      from employees e, employees r
      where a.campaign_id = ${campaign.id} and e.id = a.employee_id and r.id = a.assessor_employee_id
        and abs(hashtext(e.nip || r.nip || a.source)) % 100 < 55
        and not (a.employee_id is not distinct from ${pegawai}::uuid and a.source in ('self', 'atasan'))
        and not (a.assessor_employee_id is not distinct from ${atasan}::uuid and a.employee_id is not distinct from ${pegawai}::uuid)
      returning a.employee_id, a.assessor_employee_id, a.source, a.completed_at
    )
    insert into assessments (tenant_id, employee_id, competency_id, competency_version_id, source, level,
      assessed_on, assessor_user_id, assessor_employee_id, evidence_note, campaign_id)
    select ${tenantId}::uuid, d.employee_id, ps.competency_id, v.id, d.source,
      greatest(1, least(5, ps.required_level + (abs(hashtext(d.employee_id::text || ps.competency_id::text || d.source)) % 3) - 1
        + case when d.source = 'self' then 1 else 0 end)),
      (d.completed_at at time zone (select time_zone from tenants where id = ${tenantId}))::date, u.id, d.assessor_employee_id, null, ${campaign.id}::uuid
    from done d
    join employees e on e.id = d.employee_id
    join position_standards ps on ps.tenant_id = ${tenantId} and ps.position_id = e.position_id
    join lateral (select v.id from competency_versions v where v.competency_id = ps.competency_id
      order by v.version desc limit 1) v on true
    left join users u on u.tenant_id = ${tenantId} and u.employee_id = d.assessor_employee_id`);

  const notes = [
    {
      user: acc.get('pegawai.dukcapil')?.user_id,
      title: `Pengingat: penilaian kompetensi "${DEMO_CAMPAIGN}"`,
      body: 'Isi penilaian diri Anda sebelum batas waktu. Buka menu Penilaian.',
    },
    {
      user: acc.get('atasan.dukcapil')?.user_id,
      title: `Pengingat: penilaian kompetensi "${DEMO_CAMPAIGN}"`,
      body: 'Beberapa bawahan Anda menunggu penilaian atasan. Buka menu Penilaian.',
    },
    {
      user: acc.get('operator.dukcapil')?.user_id,
      title: `Kampanye "${DEMO_CAMPAIGN}" dimulai`,
      body: 'Tugas penilaian sudah dibagikan ke pegawai Disdukcapil. Pantau kemajuannya di menu Kampanye penilaian.',
    },
  ].filter((n): n is { user: string; title: string; body: string } => !!n.user);
  for (const [i, n] of notes.entries()) {
    await tx.execute(sql`
      insert into notifications (tenant_id, user_id, kind, title, body, link, created_at)
      values (${tenantId}, ${n.user}, 'assessment.reminder', ${n.title}, ${n.body},
        ${i === 2 ? '/kompetensi/kampanye' : '/penilaian'}, (${unit.today}::date - 1)::timestamptz + interval '8 hours')`);
  }
  return { assignments: tasks.length };
}
