/**
 * Demo partners and programme catalog (deterministic for a given day): partners of Kota Ambon with
 * MoUs/PKS (one ending within 60 days) and contributions, the mitra.unpatti user linked to
 * Universitas Pattimura, and about 25 programmes across the forms, each with 1–5 sessions around
 * today (some past, some upcoming), target competencies from the dictionary, and JP computed by the
 * rule set in effect.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { sqlArray, type Tx } from '../db/client.js';
import { recomputeProgramJp } from '../modules/programs/jp.js';
import { ensureJpRuleSets } from '../modules/programs/jp-rules.js';

type Kind = 'universitas' | 'politeknik' | 'swasta' | 'bumn_bumd' | 'pemerintah' | 'lsm';
const PARTNERS: { key: string; name: string; kind: Kind; address: string; website: string | null }[] = [
  {
    key: 'unpatti',
    name: 'Universitas Pattimura',
    kind: 'universitas',
    address: 'Jl. Ir. M. Putuhena, Poka, Ambon',
    website: 'https://unpatti.ac.id',
  },
  {
    key: 'polnam',
    name: 'Politeknik Negeri Ambon',
    kind: 'politeknik',
    address: 'Jl. Ir. M. Putuhena, Wailela, Ambon',
    website: 'https://polnam.ac.id',
  },
  {
    key: 'iain',
    name: 'IAIN Ambon',
    kind: 'universitas',
    address: 'Jl. Dr. H. Tarmizi Taher, Batu Merah, Ambon',
    website: null,
  },
  {
    key: 'bpsdm',
    name: 'BPSDM Provinsi Maluku',
    kind: 'pemerintah',
    address: 'Jl. Jenderal Sudirman, Ambon',
    website: null,
  },
  {
    key: 'lan',
    name: 'Lembaga Administrasi Negara (LAN)',
    kind: 'pemerintah',
    address: 'Jl. Veteran No. 10, Jakarta',
    website: 'https://lan.go.id',
  },
  {
    key: 'telkom',
    name: 'PT Telkom Indonesia Witel Maluku',
    kind: 'bumn_bumd',
    address: 'Jl. Jenderal Sudirman, Ambon',
    website: null,
  },
  {
    key: 'bankmaluku',
    name: 'Bank Maluku Malut',
    kind: 'bumn_bumd',
    address: 'Jl. Raya Pattimura, Ambon',
    website: null,
  },
  {
    key: 'ngo',
    name: 'Yayasan Peduli Literasi Maluku',
    kind: 'lsm',
    address: 'Jl. A.Y. Patty, Ambon',
    website: null,
  },
];

/** Days from today; time of day in WIT. */
type S = [dayOffset: number, start: string, end: string, venueOrUrl?: string];
interface P {
  code: string;
  title: string;
  form: string;
  scope?: 'nasional' | 'internasional';
  partner?: string;
  provider?: string;
  unit: string;
  city?: string;
  jp?: number;
  fee?: number;
  travel?: number;
  lodging?: number;
  capacity: number;
  comps: [string, number][];
  sessions: S[];
  status?: 'draft' | 'published' | 'closed' | 'cancelled';
  types?: string[];
  description: string;
}

const AULA = 'Aula BKPSDM Kota Ambon';
const day = (n: number, venue = AULA): S => [n, '09:00', '15:00', venue];
const days = (from: number, count: number, venue = AULA): S[] =>
  Array.from({ length: count }, (_, i) => day(from + i, venue));

const PROGRAMS: P[] = [
  {
    code: 'PRG-001',
    title: 'Pelatihan Pelayanan Prima Adminduk',
    form: 'B3',
    unit: 'DISDUKCAPIL',
    jp: 24,
    fee: 750_000,
    capacity: 30,
    comps: [
      ['M.5', 1],
      ['T.1', 1],
    ],
    sessions: days(-150, 3, 'Aula Disdukcapil Kota Ambon'),
    status: 'closed',
    description: 'Standar pelayanan, penanganan pengaduan dan etika melayani pemohon dokumen kependudukan.',
  },
  {
    code: 'PRG-002',
    title: 'Bimtek SIAK Terpusat',
    form: 'B10',
    unit: 'DISDUKCAPIL',
    provider: 'Ditjen Dukcapil Kemendagri',
    jp: 30,
    fee: 1_500_000,
    capacity: 25,
    comps: [
      ['T.1', 1],
      ['T.2', 1],
    ],
    sessions: days(20, 4, 'Aula Disdukcapil Kota Ambon'),
    description: 'Perekaman, pemutakhiran dan konsolidasi data pada SIAK Terpusat.',
  },
  {
    code: 'PRG-003',
    title: 'Workshop Literasi Digital untuk ASN',
    form: 'B7',
    partner: 'telkom',
    unit: 'DISKOMINFOSANDI',
    fee: 0,
    capacity: 40,
    comps: [['T.2', 1]],
    sessions: days(-40, 2, 'Ruang Rapat Diskominfosandi'),
    description: 'Keamanan akun, surat elektronik dinas, berbagi berkas dengan aman, dan mengenali hoaks.',
  },
  {
    code: 'PRG-004',
    title: 'Seminar Pelayanan Publik Berbasis Data',
    form: 'B6',
    partner: 'unpatti',
    unit: 'BKPSDM',
    capacity: 150,
    comps: [['M.5', 1]],
    sessions: [day(-75, 'Auditorium Universitas Pattimura')],
    description: 'Seminar sehari tentang memakai data survei kepuasan masyarakat untuk memperbaiki layanan.',
  },
  {
    code: 'PRG-005',
    title: 'Coaching Kinerja bagi Pejabat Pengawas',
    form: 'C1',
    unit: 'BKPSDM',
    capacity: 12,
    comps: [
      ['M.4', 1],
      ['M.6', 1],
    ],
    sessions: [
      [-60, '10:00', '12:00', AULA],
      [-45, '10:00', '12:00', AULA],
      [-20, '10:00', '12:00', AULA],
      [10, '10:00', '12:00', AULA],
      [25, '10:00', '12:00', AULA],
    ],
    types: ['pengawas'],
    description: 'Lima sesi coaching empat mata tentang target kinerja dan umpan balik kepada staf.',
  },
  {
    code: 'PRG-006',
    title: 'Mentoring Penyusunan Rencana Aksi Perubahan',
    form: 'C2',
    unit: 'BKPSDM',
    capacity: 10,
    comps: [['M.7', 1]],
    sessions: [
      [5, '13:00', '15:00', AULA],
      [19, '13:00', '15:00', AULA],
    ],
    types: ['administrator', 'pengawas'],
    description: 'Pendampingan menyusun rencana aksi perubahan di unit kerja.',
  },
  {
    code: 'PRG-007',
    title: 'E-learning Etika dan Integritas ASN',
    form: 'C3',
    partner: 'lan',
    unit: 'BKPSDM',
    capacity: 500,
    comps: [['M.1', 1]],
    sessions: [
      [-30, '08:00', '11:00', 'https://asn-unggul.lan.go.id'],
      [-29, '08:00', '11:00', 'https://asn-unggul.lan.go.id'],
      [-28, '08:00', '12:00', 'https://asn-unggul.lan.go.id'],
    ],
    description: 'Kursus daring mandiri tentang nilai dasar, kode etik dan konflik kepentingan.',
  },
  {
    code: 'PRG-008',
    title: 'Magang Pengelolaan Data di Universitas Pattimura',
    form: 'C11',
    partner: 'unpatti',
    unit: 'BKPSDM',
    capacity: 6,
    comps: [['T.2', 2]],
    sessions: [
      [45, '08:00', '16:00', 'Pusat Data Universitas Pattimura'],
      [52, '08:00', '16:00', 'Pusat Data Universitas Pattimura'],
    ],
    description: 'Magang dua pekan di pusat data kampus: basis data, pencadangan dan dasbor.',
  },
  {
    code: 'PRG-009',
    title: 'Benchmarking Smart City ke Kota Surabaya',
    form: 'C7',
    unit: 'DISKOMINFOSANDI',
    provider: 'Pemerintah Kota Surabaya',
    city: 'Surabaya',
    fee: 0,
    travel: 4_800_000,
    lodging: 2_400_000,
    capacity: 8,
    comps: [
      ['T.2', 1],
      ['M.7', 1],
    ],
    sessions: days(60, 3, 'Command Center Kota Surabaya'),
    description: 'Kunjungan belajar ke pusat layanan terpadu dan aplikasi layanan warga.',
  },
  {
    code: 'PRG-010',
    title: 'International Benchmarking on Digital Public Services (Singapura)',
    form: 'C7',
    scope: 'internasional',
    unit: 'BKPSDM',
    provider: 'Civil Service College Singapore',
    city: 'Singapura',
    fee: 12_000_000,
    travel: 9_500_000,
    lodging: 8_000_000,
    capacity: 5,
    comps: [
      ['T.2', 1],
      ['M.5', 1],
    ],
    sessions: days(90, 4, 'Civil Service College, Singapura'),
    status: 'draft',
    types: ['jpt_pratama', 'administrator'],
    description: 'Studi banding layanan publik digital dan budaya melayani.',
  },
  {
    code: 'PRG-011',
    title: 'Pelatihan Pengelolaan Keuangan Daerah (SIPD)',
    form: 'B3',
    partner: 'bpsdm',
    unit: 'BKPSDM',
    jp: 40,
    fee: 2_500_000,
    capacity: 30,
    comps: [['T.3', 1]],
    sessions: days(-100, 5, 'BPSDM Provinsi Maluku'),
    status: 'closed',
    description: 'Penganggaran, penatausahaan dan pelaporan keuangan pada SIPD.',
  },
  {
    code: 'PRG-012',
    title: 'Pelatihan Kepemimpinan Pengawas (PKP)',
    form: 'B1',
    partner: 'bpsdm',
    unit: 'BKPSDM',
    // A programme counts at most the time of its sessions: 3 days × 6 hours = 24 JP.
    jp: 24,
    fee: 18_000_000,
    capacity: 30,
    comps: [
      ['M.4', 1],
      ['M.8', 1],
    ],
    sessions: [
      day(30, 'BPSDM Provinsi Maluku'),
      day(31, 'BPSDM Provinsi Maluku'),
      day(32, 'BPSDM Provinsi Maluku'),
    ],
    types: ['pengawas'],
    description: 'Pelatihan kepemimpinan wajib bagi pejabat pengawas (klasikal dan aktualisasi).',
  },
  {
    code: 'PRG-013',
    title: 'Kursus Bahasa Inggris untuk Pelayanan Wisata',
    form: 'B8',
    partner: 'polnam',
    unit: 'BKPSDM',
    jp: 32,
    fee: 1_200_000,
    capacity: 20,
    comps: [['M.3', 1]],
    sessions: days(-10, 4, 'Politeknik Negeri Ambon'),
    description: 'Percakapan dasar untuk melayani wisatawan di loket dan acara kota.',
  },
  {
    code: 'PRG-014',
    title: 'Sosialisasi Manajemen ASN dan Sistem Merit',
    form: 'B11',
    unit: 'BKPSDM',
    capacity: 200,
    comps: [['SK.1', 1]],
    sessions: [day(-5)],
    description: 'Penjelasan sistem merit, manajemen talenta dan hak pengembangan kompetensi 20 JP.',
  },
  {
    code: 'PRG-015',
    title: 'Workshop Penulisan Naskah Dinas',
    form: 'B7',
    partner: 'iain',
    unit: 'BKPSDM',
    fee: 300_000,
    capacity: 35,
    comps: [['M.3', 1]],
    sessions: days(35, 2, 'IAIN Ambon'),
    description: 'Tata naskah dinas, surat elektronik, dan bahasa yang jelas untuk warga.',
  },
  {
    code: 'PRG-016',
    title: 'Pelatihan Literasi Keuangan Bendahara',
    form: 'B3',
    partner: 'bankmaluku',
    unit: 'BKPSDM',
    jp: 16,
    fee: 0,
    capacity: 40,
    comps: [['T.3', 1]],
    sessions: days(-120, 2, 'Kantor Pusat Bank Maluku Malut'),
    status: 'closed',
    description: 'Transaksi nontunai, CMS perbankan dan pengendalian kas bagi bendahara OPD.',
  },
  {
    code: 'PRG-017',
    title: 'Komunitas Belajar Analis Kebijakan',
    form: 'C10',
    unit: 'BKPSDM',
    capacity: 25,
    comps: [['M.8', 1]],
    sessions: [
      [-14, '14:00', '16:00', AULA],
      [14, '14:00', '16:00', AULA],
    ],
    description: 'Pertemuan rutin berbagi telaah kebijakan dan praktik baik.',
  },
  {
    code: 'PRG-018',
    title: 'Pelatihan Jarak Jauh Manajemen Risiko',
    form: 'C4',
    partner: 'lan',
    unit: 'BKPSDM',
    jp: 20,
    capacity: 60,
    comps: [['M.4', 1]],
    sessions: [
      [40, '08:00', '15:30', 'https://zoom.us/j/5550100'],
      [41, '08:00', '15:30', 'https://zoom.us/j/5550100'],
    ],
    description: 'Identifikasi, analisis dan mitigasi risiko pada rencana kerja OPD.',
  },
  {
    code: 'PRG-019',
    title: 'Detasering Tenaga Ahli Statistik ke BPS Provinsi',
    form: 'C5',
    unit: 'BKPSDM',
    provider: 'BPS Provinsi Maluku',
    capacity: 2,
    comps: [['T.2', 1]],
    sessions: [[70, '08:00', '16:00', 'BPS Provinsi Maluku']],
    description: 'Penugasan sementara untuk belajar pengolahan data statistik sektoral.',
  },
  {
    code: 'PRG-020',
    title: 'Outbond Kerja Sama Tim Pelayanan',
    form: 'C6',
    unit: 'DISDUKCAPIL',
    jp: 12,
    capacity: 40,
    comps: [['M.2', 1]],
    sessions: days(-55, 2, 'Pantai Liang, Maluku Tengah'),
    status: 'closed',
    description: 'Pembelajaran di alam terbuka tentang kerja sama dan komunikasi tim loket.',
  },
  {
    code: 'PRG-021',
    title: 'Belajar Mandiri Analisis Data dengan Spreadsheet',
    form: 'C9',
    partner: 'ngo',
    unit: 'BKPSDM',
    capacity: 100,
    comps: [['T.2', 1]],
    sessions: [
      [-3, '19:00', '21:00', 'https://belajar.example.org'],
      [-2, '19:00', '21:00', 'https://belajar.example.org'],
    ],
    description: 'Modul daring mandiri: tabel pivot, grafik dan membersihkan data.',
  },
  {
    code: 'PRG-022',
    title: 'Pertukaran Pegawai dengan PT Telkom: Layanan Pelanggan',
    form: 'C8',
    partner: 'telkom',
    unit: 'BKPSDM',
    capacity: 3,
    comps: [['M.5', 1]],
    sessions: [[80, '08:00', '16:00', 'Plasa Telkom Ambon']],
    description: 'Dua pekan bertukar peran di layanan pelanggan untuk belajar standar layanan swasta.',
  },
  {
    code: 'PRG-023',
    title: 'Pelatihan Fungsional Arsiparis',
    form: 'B4',
    partner: 'bpsdm',
    unit: 'BKPSDM',
    jp: 24,
    fee: 3_000_000,
    capacity: 20,
    comps: [['M.4', 1]],
    sessions: days(100, 3, 'BPSDM Provinsi Maluku'),
    types: ['fungsional_keahlian', 'fungsional_keterampilan'],
    description: 'Pengelolaan arsip dinamis dan statis sesuai jenjang jabatan fungsional arsiparis.',
  },
  {
    code: 'PRG-024',
    title: 'Pelatihan Sosial Kultural: Pela Gandong dalam Pelayanan',
    form: 'B5',
    partner: 'iain',
    unit: 'BKPSDM',
    jp: 12,
    capacity: 50,
    comps: [['SK.1', 1]],
    sessions: days(-200, 2, 'IAIN Ambon'),
    status: 'closed',
    description: 'Nilai pela gandong, moderasi dan layanan tanpa membeda-bedakan.',
  },
  {
    code: 'PRG-025',
    title: 'Seminar Keamanan Siber Pemerintah Daerah',
    form: 'B6',
    partner: 'telkom',
    unit: 'DISKOMINFOSANDI',
    capacity: 120,
    comps: [['T.2', 1]],
    sessions: [day(15, 'Hotel Santika Ambon')],
    status: 'cancelled',
    description: 'Ancaman siber terkini dan langkah dasar mengamankan layanan daring kota.',
  },
];

const addDays = (iso: string, n: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

export async function seedPrograms(
  tx: Tx,
  tenantId: string,
): Promise<{ partners: number; programs: number }> {
  await ensureJpRuleSets(tx, tenantId);
  const today = (
    await tx.execute<{ d: string }>(
      sql`select to_char(now() at time zone time_zone, 'YYYY-MM-DD') as d from tenants where id = ${tenantId}`,
    )
  ).rows[0]!.d;
  const units = new Map(
    (
      await tx.execute<{ code: string; id: string }>(
        sql`select code, id from org_units where tenant_id = ${tenantId}`,
      )
    ).rows.map((r) => [r.code, r.id]),
  );
  const comps = new Map(
    (
      await tx.execute<{ code: string; id: string }>(
        sql`select code, id from competencies where tenant_id = ${tenantId}`,
      )
    ).rows.map((r) => [r.code, r.id]),
  );
  const admin =
    (
      await tx.execute<{ id: string }>(
        sql`select id from users where tenant_id = ${tenantId} and username = 'admin'`,
      )
    ).rows[0]?.id ?? null;

  const partnerIds = new Map(PARTNERS.map((p) => [p.key, randomUUID()]));
  await tx.execute(sql`insert into partners (tenant_id, id, name, kind, address, website, contact_name)
    select ${tenantId}::uuid, * from unnest(${sqlArray([...partnerIds.values()])}::uuid[],
      ${sqlArray(PARTNERS.map((p) => p.name))}::text[], ${sqlArray(PARTNERS.map((p) => p.kind))}::text[],
      ${sqlArray(PARTNERS.map((p) => p.address))}::text[], ${sqlArray(PARTNERS.map((p) => p.website))}::text[],
      ${sqlArray(PARTNERS.map(() => 'Bagian Kerja Sama'))}::text[])`);
  await tx.execute(sql`insert into partner_members (tenant_id, partner_id, user_id)
    select ${tenantId}::uuid, ${partnerIds.get('unpatti')!}::uuid, id from users
    where tenant_id = ${tenantId} and username = 'mitra.unpatti'`);

  // Agreements: the Unpatti MoU ends within 60 days (its reminder is due), one PKS has ended.
  const year = Number(today.slice(0, 4));
  const agreements = [
    {
      id: randomUUID(),
      p: 'unpatti',
      kind: 'mou',
      number: `119/MOU/PEMKOT-UNPATTI/${year - 3}`,
      title: 'Nota Kesepahaman Pengembangan Sumber Daya Manusia Aparatur',
      start: addDays(today, -3 * 365 + 40),
      end: addDays(today, 40),
    },
    {
      id: randomUUID(),
      p: 'unpatti',
      kind: 'pks',
      number: `027/PKS/BKPSDM-FT/${year}`,
      title: 'Perjanjian Kerja Sama Magang Pengelolaan Data',
      start: addDays(today, -100),
      end: addDays(today, 265),
    },
    {
      id: randomUUID(),
      p: 'polnam',
      kind: 'mou',
      number: `045/MOU/PEMKOT-POLNAM/${year - 1}`,
      title: 'Nota Kesepahaman Pendidikan, Pelatihan dan Penelitian',
      start: addDays(today, -400),
      end: addDays(today, 1425),
    },
    {
      id: randomUUID(),
      p: 'telkom',
      kind: 'pks',
      number: `TEL.123/HK.810/WITEL-MLK/${year}`,
      title: 'Perjanjian Kerja Sama Literasi Digital Aparatur',
      start: addDays(today, -200),
      end: addDays(today, 530),
    },
    {
      id: randomUUID(),
      p: 'bpsdm',
      kind: 'mou',
      number: `800/112/BPSDM/${year - 3}`,
      title: 'Kesepakatan Bersama Penyelenggaraan Pelatihan ASN',
      start: addDays(today, -1500),
      end: addDays(today, -30),
    },
    {
      id: randomUUID(),
      p: 'bankmaluku',
      kind: 'pks',
      number: `PKS-087/DIR/BM/${year}`,
      title: 'Perjanjian Kerja Sama Literasi Keuangan Bendahara',
      start: addDays(today, -150),
      end: addDays(today, 580),
    },
  ];
  await tx.execute(sql`insert into partner_agreements (tenant_id, id, partner_id, kind, number, title, parties, scope, starts_on, ends_on, remind_days_before, created_by)
    select ${tenantId}::uuid, a.id, a.partner_id, a.kind, a.number, a.title, 'Pemerintah Kota Ambon', a.title, a.s, a.e, 60, ${admin}::uuid
    from unnest(${sqlArray(agreements.map((a) => a.id))}::uuid[], ${sqlArray(agreements.map((a) => partnerIds.get(a.p)!))}::uuid[],
      ${sqlArray(agreements.map((a) => a.kind))}::text[], ${sqlArray(agreements.map((a) => a.number))}::text[],
      ${sqlArray(agreements.map((a) => a.title))}::text[], ${sqlArray(agreements.map((a) => a.start))}::date[],
      ${sqlArray(agreements.map((a) => a.end))}::date[]) as a(id, partner_id, kind, number, title, s, e)`);

  // Programmes, their competencies and sessions.
  const programIds = PROGRAMS.map(() => randomUUID());
  const v = <T>(f: (p: P) => T) => sqlArray(PROGRAMS.map(f));
  await tx.execute(sql`insert into programs (tenant_id, id, code, title, description, form, scope, partner_id, provider_name,
      organiser_unit_id, scheduled_jp, cost_fee, cost_travel, cost_lodging, capacity, eligible_position_types, city, status, created_by)
    select ${tenantId}::uuid, x.id, x.code, x.title, x.description, x.form, x.scope, x.partner_id, x.provider, x.unit, x.jp,
      x.fee, x.travel, x.lodging, x.capacity, coalesce(string_to_array(nullif(x.types, ''), ','), '{}'), x.city, x.status, ${admin}::uuid
    from unnest(${sqlArray(programIds)}::uuid[], ${v((p) => p.code)}::text[], ${v((p) => p.title)}::text[],
      ${v((p) => p.description)}::text[], ${v((p) => p.form)}::text[], ${v((p) => p.scope ?? 'nasional')}::text[],
      ${v((p) => (p.partner ? partnerIds.get(p.partner)! : null))}::uuid[], ${v((p) => p.provider ?? '')}::text[],
      ${v((p) => units.get(p.unit) ?? units.get('BKPSDM') ?? null)}::uuid[], ${v((p) => p.jp ?? null)}::numeric[],
      ${v((p) => p.fee ?? 0)}::bigint[], ${v((p) => p.travel ?? 0)}::bigint[], ${v((p) => p.lodging ?? 0)}::bigint[],
      ${v((p) => p.capacity)}::int[], ${v((p) => (p.types ?? []).join(','))}::text[], ${v((p) => p.city ?? 'Ambon')}::text[],
      ${v((p) => p.status ?? 'published')}::text[])
    as x(id, code, title, description, form, scope, partner_id, provider, unit, jp, fee, travel, lodging, capacity, types, city, status)`);

  const pc = PROGRAMS.flatMap((p, i) =>
    p.comps
      .filter(([c]) => comps.has(c))
      .map(([c, gain]) => ({ program: programIds[i]!, comp: comps.get(c)!, gain })),
  );
  await tx.execute(sql`insert into program_competencies (tenant_id, program_id, competency_id, expected_gain)
    select ${tenantId}::uuid, * from unnest(${sqlArray(pc.map((x) => x.program))}::uuid[],
      ${sqlArray(pc.map((x) => x.comp))}::uuid[], ${sqlArray(pc.map((x) => x.gain))}::int[])`);

  const ss = PROGRAMS.flatMap((p, i) =>
    p.sessions.map(([offset, start, end, place], n) => {
      const date = addDays(today, offset);
      const online = !!place && place.startsWith('https://');
      return {
        program: programIds[i]!,
        title: p.sessions.length > 1 ? `Sesi ${n + 1}` : '',
        start: `${date} ${start}`,
        end: `${date} ${end}`,
        venue: online ? null : (place ?? AULA),
        url: online ? place! : null,
      };
    }),
  );
  await tx.execute(sql`insert into program_sessions (tenant_id, program_id, title, starts_at, ends_at, venue, online_url)
    select ${tenantId}::uuid, s.program_id, s.title, s.st::timestamp at time zone t.time_zone, s.en::timestamp at time zone t.time_zone, s.venue, s.url
    from unnest(${sqlArray(ss.map((s) => s.program))}::uuid[], ${sqlArray(ss.map((s) => s.title))}::text[],
      ${sqlArray(ss.map((s) => s.start))}::text[], ${sqlArray(ss.map((s) => s.end))}::text[],
      ${sqlArray(ss.map((s) => s.venue))}::text[], ${sqlArray(ss.map((s) => s.url))}::text[]) as s(program_id, title, st, en, venue, url)
    join tenants t on t.id = ${tenantId}`);
  for (const id of programIds) await recomputeProgramJp(tx, tenantId, id);

  // Contributions valued in rupiah, over this year and the last.
  const contributions: [string, string, string, number, number, number | null][] = [
    ['unpatti', 'pengajar', 'Narasumber seminar pelayanan publik berbasis data (3 dosen)', 4_500_000, -75, 3],
    ['unpatti', 'tempat', 'Auditorium kampus untuk seminar', 7_500_000, -75, 3],
    ['unpatti', 'kursi_gratis', 'Enam kursi magang pengelolaan data tanpa biaya', 12_000_000, -20, 7],
    ['unpatti', 'pengajar', 'Dosen tamu pelatihan statistik dasar', 3_000_000, -420, null],
    ['polnam', 'pengajar', 'Instruktur kursus bahasa Inggris pelayanan wisata', 6_400_000, -10, 12],
    ['polnam', 'peralatan', 'Laboratorium bahasa untuk 20 peserta', 2_000_000, -10, 12],
    ['telkom', 'pengajar', 'Narasumber workshop literasi digital', 5_000_000, -40, 2],
    ['telkom', 'peralatan', 'Paket internet dan perangkat Wi-Fi ruang pelatihan', 8_500_000, -380, null],
    ['bankmaluku', 'tempat', 'Ruang pelatihan kantor pusat', 3_000_000, -120, 15],
    ['bankmaluku', 'dana', 'Dukungan dana CSR pelatihan bendahara', 25_000_000, -400, null],
    ['iain', 'pengajar', 'Narasumber pelatihan pela gandong', 2_400_000, -200, 23],
    ['ngo', 'lainnya', 'Modul belajar mandiri analisis data (lisensi terbuka)', 1_500_000, -3, 20],
  ];
  await tx.execute(sql`insert into partner_contributions (tenant_id, partner_id, kind, description, value_rupiah, contributed_on, program_id, created_by)
    select ${tenantId}::uuid, c.p, c.k, c.d, c.v, c.o, c.pr, ${admin}::uuid
    from unnest(${sqlArray(contributions.map((c) => partnerIds.get(c[0])!))}::uuid[], ${sqlArray(contributions.map((c) => c[1]))}::text[],
      ${sqlArray(contributions.map((c) => c[2]))}::text[], ${sqlArray(contributions.map((c) => c[3]))}::bigint[],
      ${sqlArray(contributions.map((c) => addDays(today, c[4])))}::date[],
      ${sqlArray(contributions.map((c) => (c[5] === null ? null : programIds[c[5]]!)))}::uuid[]) as c(p, k, d, v, o, pr)`);
  return { partners: PARTNERS.length, programs: PROGRAMS.length };
}
