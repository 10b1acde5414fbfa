/**
 * Demo enrolments for the demo programmes, in every state a demo needs: upcoming programmes with
 * approved seats, a FIFO waitlist where seats are few, requests waiting for the atasan and for BKPSDM,
 * a rejection and a cancellation; running and past programmes with approved participants and their
 * attendance for the sessions already held. The demo pegawai of Disdukcapil waits for atasan.dukcapil.
 * Deterministic (ordered by hashes of codes and NIPs), set-based, and a no-op without programmes.
 * Runs after the programme and certificate seeds (their completed enrolments stay as they are).
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '../db/client.js';

export async function seedEnrollments(
  tx: Tx,
  tenantId: string,
): Promise<{ enrollments: number; attendance: number }> {
  const demoUsers = sql`(select employee_id from users where tenant_id = ${tenantId}
    and username in ('pegawai.dukcapil', 'atasan.dukcapil') and employee_id is not null)`;
  const made = await tx.execute(sql`
    with prog as (
      select p.id, p.code, p.capacity, p.eligible_position_types as types, p.eligible_golongan as gol,
        (select min(s.starts_at) from program_sessions s where s.program_id = p.id) as first_at
      from programs p
      where p.tenant_id = ${tenantId} and p.status in ('published', 'closed')
        and exists (select 1 from program_sessions s where s.program_id = p.id)
    ),
    pool as (
      select e.id, e.nip, e.golongan, pos.type from employees e left join positions pos on pos.id = e.position_id
      where e.tenant_id = ${tenantId} and e.active and e.id not in ${demoUsers}
      order by md5(e.nip) limit 600
    ),
    cand as (
      select pr.id as program_id, pr.capacity, pr.first_at > now() as upcoming, pl.id as employee_id,
        row_number() over (partition by pr.id order by md5(pr.code || pl.nip)) as rn,
        case when pr.capacity <= 12 then pr.capacity else least(pr.capacity, 8) end as seats
      from prog pr join pool pl
        on (cardinality(pr.types) = 0 or pl.type = any(pr.types))
       and (cardinality(pr.gol) = 0 or pl.golongan = any(pr.gol))
    ),
    planned as (
      select c.*, case
          when not c.upcoming then case when c.rn <= least(c.seats, 10) then 'approved' end
          when c.rn <= c.seats then 'approved'
          when c.rn <= c.seats + 2 then case when c.capacity <= 12 then 'waitlisted' else 'pending_bkpsdm' end
          when c.rn <= c.seats + 4 then 'pending_bkpsdm'
          when c.rn <= c.seats + 6 then 'pending_atasan'
          when c.rn = c.seats + 7 then 'rejected'
          when c.rn = c.seats + 8 then 'cancelled'
        end as status
      from cand c
    )
    insert into enrollments (tenant_id, program_id, employee_id, status, origin, reason, waitlisted_at,
      atasan_decided_at, bkpsdm_decided_at, decision_note, created_at)
    select ${tenantId}::uuid, program_id, employee_id, status,
      case when status = 'pending_atasan' or rn % 3 = 0 then 'self' when rn % 3 = 1 then 'operator' else 'atasan' end,
      'Pengembangan kompetensi sesuai tugas jabatan.',
      case when status = 'waitlisted' then now() - make_interval(hours => (20 - rn)::int) end,
      case when status not in ('pending_atasan') then now() - interval '3 days' end,
      case when status in ('approved', 'waitlisted', 'rejected') then now() - interval '2 days' end,
      case when status = 'rejected' then 'Kuota OPD untuk triwulan ini sudah terpakai.'
           when status = 'cancelled' then 'Bertugas ke luar daerah pada tanggal pelaksanaan.' end,
      now() - make_interval(days => (10 + rn % 7)::int)
    from planned where status is not null
    on conflict do nothing`);

  // Waiting for atasan.dukcapil: the demo pegawai and their colleagues under the same atasan.
  const mine = await tx.execute(sql`
    with target as (
      select p.id from programs p
      where p.tenant_id = ${tenantId} and p.status = 'published' and cardinality(p.eligible_position_types) = 0
        and cardinality(p.eligible_golongan) = 0
        and (select min(s.starts_at) from program_sessions s where s.program_id = p.id) > now() + interval '3 days'
      order by (select min(s.starts_at) from program_sessions s where s.program_id = p.id), p.code limit 2
    ), people as (
      select e.id from employees e join users a on a.username = 'atasan.dukcapil' and a.tenant_id = ${tenantId}
      where e.tenant_id = ${tenantId} and e.supervisor_id = a.employee_id and e.active
    )
    insert into enrollments (tenant_id, program_id, employee_id, status, origin, reason, requested_by)
    select ${tenantId}::uuid, t.id, pe.id, 'pending_atasan', 'self', 'Diperlukan untuk layanan administrasi kependudukan.',
      (select u.id from users u where u.employee_id = pe.id limit 1)
    from target t cross join people pe
    on conflict do nothing`);

  // Attendance for the sessions already held, as the organisers marked it.
  const att = await tx.execute(sql`
    insert into attendance (tenant_id, session_id, enrollment_id, status, method, recorded_at)
    select ${tenantId}::uuid, s.id, en.id,
      case when get_byte(decode(md5(e.nip || s.starts_at::text), 'hex'), 0) < 218 then 'hadir'
           when get_byte(decode(md5(e.nip || s.starts_at::text), 'hex'), 0) < 230 then 'izin'
           when get_byte(decode(md5(e.nip || s.starts_at::text), 'hex'), 0) < 243 then 'sakit'
           else 'alpa' end,
      case when get_byte(decode(md5(s.starts_at::text || e.nip), 'hex'), 0) < 128 then 'qr' else 'organiser' end,
      s.starts_at + interval '10 minutes'
    from enrollments en join employees e on e.id = en.employee_id
      join program_sessions s on s.program_id = en.program_id and s.ends_at < now()
    where en.tenant_id = ${tenantId} and en.status = 'approved'
    on conflict do nothing`);
  return { enrollments: (made.rowCount ?? 0) + (mine.rowCount ?? 0), attendance: att.rowCount ?? 0 };
}
