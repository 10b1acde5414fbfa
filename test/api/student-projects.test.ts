import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
let admin: string;
let opDukcapil: string;
let opBkpsdm: string;
let mitra: string;
let atasan: string;
let pegawai: string;
let atasanNip: string;
let otherPartner: string;
const units: Record<string, string> = {};

type Detail = {
  id: string;
  status: string;
  members: number;
  progressPct: number;
  finalOutput: string | null;
  supervisor: { nip: string } | null;
  membersList: { studentNumber: string; partnerName: string }[];
  updates: { note: string; progressPct: number }[];
  can: { manage: boolean; assign: boolean; report: boolean };
};
type Problem = { errors?: { field?: string; message: string }[] };

const req = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, cookie: string, payload?: unknown) =>
  t.app.inject({
    method,
    url,
    headers: { cookie },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

const body = (extra: Record<string, unknown> = {}) => ({
  unitId: units.DISDUKCAPIL,
  title: 'Dasbor antrean layanan KTP-el',
  problem: 'Warga menunggu lama tanpa tahu nomor antrean; petugas tidak punya data jam sibuk.',
  skillsWanted: ['analisis data', 'desain antarmuka'],
  startsOn: '2027-02-01',
  endsOn: '2027-05-31',
  supervisorNip: atasanNip,
  seats: 2,
  ...extra,
});

beforeAll(async () => {
  t = await createTestApp();
  [admin, opDukcapil, opBkpsdm, mitra, atasan, pegawai] = await Promise.all([
    t.login('admin'),
    t.login('operator.dukcapil'),
    t.login('operator.bkpsdm'),
    t.login('mitra.unpatti'),
    t.login('atasan.dukcapil'),
    t.login('pegawai.dukcapil'),
  ]);
  const list = (await req('GET', '/api/org-units', admin)).json() as { id: string; code: string }[];
  for (const u of list) units[u.code] = u.id;
  atasanNip = ((await req('GET', '/api/auth/me', atasan)).json() as { nip: string }).nip;
  const partners = await t.db.execute<{ id: string; name: string }>(
    sql`select id, name from partners order by name`,
  );
  otherPartner = partners.rows.find((p) => p.name !== 'Universitas Pattimura')!.id;
});
afterAll(async () => t?.close());

describe('student projects', () => {
  it('an OPD operator posts a project for their OPD, not for another', async () => {
    const res = await req('POST', '/api/student-projects', opDukcapil, body());
    expect(res.statusCode).toBe(201);
    const p = res.json() as Detail;
    expect(p).toMatchObject({ status: 'open', members: 0, supervisor: { nip: atasanNip } });
    expect(p.can).toEqual({ manage: true, assign: true, report: true });

    const other = await req('POST', '/api/student-projects', opDukcapil, body({ unitId: units.BKPSDM }));
    expect(other.statusCode).toBe(422);
    expect((other.json() as Problem).errors![0]).toMatchObject({ field: 'unitId' });
    // BKPSDM operators post for any OPD.
    expect(
      (await req('POST', '/api/student-projects', opBkpsdm, body({ title: 'Arsip digital' }))).statusCode,
    ).toBe(201);
    const audit = await t.db.execute(
      sql`select 1 from audit_log where entity = 'student_project' and entity_id = ${p.id}`,
    );
    expect(audit.rows.length).toBe(1);
  });

  it('refuses bad input naming the field and saving nothing', async () => {
    const before = await t.db.execute<{ n: number }>(sql`select count(*)::int as n from student_projects`);
    const dates = await req('POST', '/api/student-projects', opDukcapil, body({ endsOn: '2027-01-01' }));
    expect(dates.statusCode).toBe(422);
    expect(dates.body).toContain('endsOn');
    expect(dates.body).toContain('Tanggal selesai');
    const sup = await req(
      'POST',
      '/api/student-projects',
      opDukcapil,
      body({ supervisorNip: '199001012015011001' }),
    );
    expect(sup.statusCode).toBe(422);
    expect((sup.json() as Problem).errors![0]!.field).toBe('supervisorNip');
    const after = await t.db.execute<{ n: number }>(sql`select count(*)::int as n from student_projects`);
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
  });

  it('a partner university assigns students up to the seats; a project reserved for another partner is closed to it', async () => {
    const p = (
      await req('POST', '/api/student-projects', opDukcapil, body({ title: 'Survei kepuasan daring' }))
    ).json() as Detail;
    expect(
      (
        (await req('GET', '/api/student-projects?status=open', mitra)).json() as { items: { id: string }[] }
      ).items.map((i) => i.id),
    ).toContain(p.id);

    const a = await req('POST', `/api/student-projects/${p.id}/members`, mitra, {
      studentName: 'Maria Latuheru',
      studentNumber: '2021-11-001',
      studyProgram: 'Sistem Informasi',
    });
    expect(a.statusCode).toBe(200);
    expect((a.json() as Detail).membersList[0]).toMatchObject({ partnerName: 'Universitas Pattimura' });
    const dup = await req('POST', `/api/student-projects/${p.id}/members`, mitra, {
      studentName: 'Maria L.',
      studentNumber: '2021-11-001',
    });
    expect(dup.statusCode).toBe(422);
    expect((dup.json() as Problem).errors![0]!.field).toBe('studentNumber');
    await req('POST', `/api/student-projects/${p.id}/members`, mitra, {
      studentName: 'Yosef Pattiasina',
      studentNumber: '2021-11-002',
    });
    const full = await req('POST', `/api/student-projects/${p.id}/members`, mitra, {
      studentName: 'Nona Ketiga',
      studentNumber: '2021-11-003',
    });
    expect(full.statusCode).toBe(422);
    expect(full.body).toContain('kursi');

    const reserved = (
      await req(
        'POST',
        '/api/student-projects',
        opDukcapil,
        body({ title: 'Khusus mitra lain', partnerId: otherPartner }),
      )
    ).json() as Detail;
    expect((await req('GET', `/api/student-projects/${reserved.id}`, mitra)).statusCode).toBe(404);
    expect(
      (
        await req('POST', `/api/student-projects/${reserved.id}/members`, mitra, {
          studentName: 'X',
          studentNumber: '999',
        })
      ).statusCode,
    ).toBe(404);
    // The pegawai neither supervises nor manages it.
    expect((await req('GET', `/api/student-projects/${p.id}`, pegawai)).statusCode).toBe(404);
  });

  it('progress is recorded by the supervisor and the partner, and the OPD closes it with the final output', async () => {
    const p = (
      await req('POST', '/api/student-projects', opDukcapil, body({ title: 'Aplikasi janji temu' }))
    ).json() as Detail;
    await req('POST', `/api/student-projects/${p.id}/members`, mitra, {
      studentName: 'Rina',
      studentNumber: 'A-1',
    });
    const s1 = await req('POST', `/api/student-projects/${p.id}/updates`, atasan, {
      note: 'Wawancara petugas loket',
      progressPct: 30,
    });
    expect(s1.statusCode).toBe(200);
    expect(s1.json()).toMatchObject({ status: 'running', progressPct: 30 });
    const s2 = await req('POST', `/api/student-projects/${p.id}/updates`, mitra, {
      note: 'Purwarupa diuji',
      progressPct: 80,
    });
    expect((s2.json() as Detail).updates.map((u) => u.progressPct)).toEqual([80, 30]);
    expect(
      (await req('POST', `/api/student-projects/${p.id}/updates`, pegawai, { note: 'x', progressPct: 1 }))
        .statusCode,
    ).toBe(404);
    // Managing is for the OPD, not the supervisor or the partner.
    expect(
      (await req('POST', `/api/student-projects/${p.id}/status`, mitra, { status: 'done', finalOutput: 'x' }))
        .statusCode,
    ).toBe(403);

    const noOutput = await req('POST', `/api/student-projects/${p.id}/status`, opDukcapil, {
      status: 'done',
    });
    expect(noOutput.statusCode).toBe(422);
    expect((noOutput.json() as Problem).errors![0]!.field).toBe('finalOutput');
    const done = await req('POST', `/api/student-projects/${p.id}/status`, opDukcapil, {
      status: 'done',
      finalOutput: 'Aplikasi janji temu dipakai di loket 1–3 sejak Mei.',
    });
    expect(done.json()).toMatchObject({
      status: 'done',
      progressPct: 100,
      can: { assign: false, report: false },
    });
    const reopen = await req('POST', `/api/student-projects/${p.id}/status`, opDukcapil, { status: 'open' });
    expect(reopen.statusCode).toBe(422);
  });
});
