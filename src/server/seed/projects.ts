/**
 * Demo student projects: real problems of Ambon OPDs with students of partner universities, in
 * every state (open, running with progress notes, done with its output). Needs the demo partners.
 */
import { sql } from 'drizzle-orm';
import { sqlArray, type Tx } from '../db/client.js';

interface DemoProject {
  unit: string;
  title: string;
  problem: string;
  skills: string[];
  /** Months from today: start and end. */
  from: number;
  to: number;
  seats: number;
  status: 'open' | 'running' | 'done';
  partner: string | null;
  students: [name: string, number: string, program: string][];
  updates: [note: string, pct: number][];
  output?: string;
}

const PROJECTS: DemoProject[] = [
  {
    unit: 'DISDUKCAPIL',
    title: 'Dasbor antrean layanan KTP-el',
    problem:
      'Warga menunggu di loket tanpa tahu nomor antrean dan perkiraan waktu; petugas tidak punya data jam sibuk untuk mengatur jadwal.',
    skills: ['analisis data', 'desain antarmuka', 'pengembangan web'],
    from: -2,
    to: 2,
    seats: 3,
    status: 'running',
    partner: 'Universitas Pattimura',
    students: [
      ['Maria Latuheru', '202111001', 'Sistem Informasi'],
      ['Yosef Pattiasina', '202111014', 'Teknik Informatika'],
    ],
    updates: [
      ['Wawancara petugas loket dan pengamatan antrean selama dua minggu.', 25],
      ['Purwarupa layar antrean diuji di loket 1.', 55],
    ],
  },
  {
    unit: 'DISKOMINFOSANDI',
    title: 'Kanal aduan warga lewat WhatsApp',
    problem: 'Aduan warga tersebar di media sosial dan tidak tercatat; tindak lanjut tidak bisa dipantau.',
    skills: ['pengembangan web', 'manajemen layanan'],
    from: 1,
    to: 5,
    seats: 2,
    status: 'open',
    partner: null,
    students: [],
    updates: [],
  },
  {
    unit: 'BAPPEDA',
    title: 'Analisis hasil survei kepuasan masyarakat 2025',
    problem:
      'Data SKM per unit layanan belum dianalisis; pimpinan tidak tahu unsur layanan mana yang paling lemah.',
    skills: ['statistika', 'visualisasi data'],
    from: -8,
    to: -4,
    seats: 2,
    status: 'done',
    partner: 'Universitas Pattimura',
    students: [['Christina Wattimena', '202012031', 'Statistika']],
    updates: [
      ['Data 14 unit layanan dibersihkan.', 40],
      ['Laporan dan dasbor diserahkan ke Bappeda.', 100],
    ],
    output:
      'Laporan analisis IKM per unsur dan dasbor sederhana; unsur "waktu penyelesaian" menjadi prioritas perbaikan 2026.',
  },
  {
    unit: 'DISDUKCAPIL',
    title: 'Panduan layanan adminduk dalam bahasa sederhana',
    problem: 'Persyaratan layanan sulit dipahami warga sehingga banyak berkas ditolak dan warga bolak-balik.',
    skills: ['penulisan', 'desain komunikasi'],
    from: 1,
    to: 3,
    seats: 2,
    status: 'open',
    partner: 'Politeknik Negeri Ambon',
    students: [],
    updates: [],
  },
];

export async function seedProjects(tx: Tx, tenantId: string): Promise<number> {
  let n = 0;
  for (const p of PROJECTS) {
    const res = await tx.execute<{ id: string; partner_id: string | null }>(sql`
      with t as (select (now() at time zone time_zone)::date as today from tenants where id = ${tenantId}),
      u as (select id, path from org_units where tenant_id = ${tenantId} and code = ${p.unit}),
      sup as (
        select e.id from employees e join org_units eu on eu.id = e.unit_id, u
        where e.tenant_id = ${tenantId} and e.active and eu.path like u.path || '%' and e.supervisor_id is not null
        order by (e.id = (select employee_id from users where username = 'atasan.dukcapil')) desc, e.nip limit 1
      )
      insert into student_projects (tenant_id, unit_id, title, problem, skills_wanted, starts_on, ends_on,
        supervisor_employee_id, partner_id, seats, status, final_output)
      select ${tenantId}, u.id, ${p.title}, ${p.problem}, ${sqlArray(p.skills)}::text[],
        (t.today + make_interval(months => ${p.from}))::date, (t.today + make_interval(months => ${p.to}))::date,
        (select id from sup), (select id from partners where tenant_id = ${tenantId} and name = ${p.partner}),
        ${p.seats}, ${p.status}, ${p.output ?? null}
      from u, t
      returning id, partner_id`);
    const project = res.rows[0];
    if (!project) continue;
    n++;
    for (const [name, number, program] of p.students)
      await tx.execute(sql`insert into student_project_members (tenant_id, project_id, partner_id, student_name,
          student_number, study_program)
        values (${tenantId}, ${project.id}, ${project.partner_id}, ${name}, ${number}, ${program})`);
    for (const [i, [note, pct]] of p.updates.entries())
      await tx.execute(sql`insert into student_project_updates (tenant_id, project_id, note, progress_pct, created_at)
        values (${tenantId}, ${project.id}, ${note}, ${pct}, now() - make_interval(days => ${(p.updates.length - i) * 14}))`);
  }
  return n;
}
