import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart } from '../../src/server/modules/imports/testkit.js';
import { createTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
const c = {} as Record<'admin' | 'op' | 'opBkpsdm' | 'atasan' | 'pegawai' | 'pimpinan', string>;
let pegawaiNip: string;
let atasanNip: string;
let outsiderNip: string; // outside Disdukcapil
let colleagueNip: string; // in Disdukcapil, not below the demo atasan
const comp: Record<string, string> = {};
const units: Record<string, string> = {};

type Problem = {
  code: string;
  errors?: { field?: string; row?: number; column?: string; message: string }[];
};
type Profile = {
  items: {
    competencyId: string;
    current: number | null;
    source: string | null;
    bySource: Record<string, number>;
  }[];
};

const get = (url: string, cookie: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
const post = (url: string, cookie: string, payload?: object) =>
  t.app.inject({ method: 'POST', url, headers: { cookie }, payload: payload ?? {} });
const upload = (url: string, cookie: string, name: string, content: Buffer) => {
  const m = multipart(name, content);
  return t.app.inject({ method: 'POST', url, headers: { cookie, ...m.headers }, payload: m.payload });
};
const count = async (q = sql`select count(*)::int as n from assessments`) =>
  (await t.db.execute<{ n: number }>(q)).rows[0]!.n;
const assess = (nip: string, cookie: string, body: object) =>
  post(`/api/employees/${nip}/assessments`, cookie, body);
const today = () =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Jayapura',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());

beforeAll(async () => {
  t = await createTestApp();
  const names = {
    admin: 'admin',
    op: 'operator.dukcapil',
    opBkpsdm: 'operator.bkpsdm',
    atasan: 'atasan.dukcapil',
    pegawai: 'pegawai.dukcapil',
    pimpinan: 'pimpinan',
  } as const;
  for (const [k, u] of Object.entries(names)) c[k as keyof typeof names] = await t.login(u);
  pegawaiNip = ((await get('/api/auth/me', c.pegawai)).json() as { nip: string }).nip;
  atasanNip = ((await get('/api/auth/me', c.atasan)).json() as { nip: string }).nip;
  for (const x of (await get('/api/competencies', c.admin)).json() as { id: string; code: string }[])
    comp[x.code] = x.id;
  for (const u of (await get('/api/org-units', c.admin)).json() as { id: string; code: string }[])
    units[u.code] = u.id;
  const atasanId = (
    await t.db.execute<{ id: string }>(sql`select id from employees where nip = ${atasanNip}`)
  ).rows[0]!.id;
  outsiderNip = (
    await t.db.execute<{ nip: string }>(sql`select e.nip from employees e join org_units u on u.id = e.unit_id
      where u.path not like '%/' || ${units.DISDUKCAPIL} || '/%' and e.active order by e.nip limit 1`)
  ).rows[0]!.nip;
  colleagueNip = (
    await t.db.execute<{ nip: string }>(sql`select e.nip from employees e join org_units u on u.id = e.unit_id
      where u.path like '%/' || ${units.DISDUKCAPIL} || '/%' and e.active and e.id <> ${atasanId}
        and e.id not in (with recursive sub(id) as (select id from employees where supervisor_id = ${atasanId}
          union select x.id from employees x join sub on x.supervisor_id = sub.id) select id from sub)
      order by e.nip limit 1`)
  ).rows[0]!.nip;
});
afterAll(async () => t?.close());

describe('submitting assessments', () => {
  it('a pegawai self-assesses; the profile, history and the campaign task follow', async () => {
    const before = (await get('/api/my/assessment-tasks', c.pegawai)).json() as {
      pending: { source: string; nip: string }[];
    };
    expect(before.pending.some((x) => x.source === 'self' && x.nip === pegawaiNip)).toBe(true);
    const res = await assess(pegawaiNip, c.pegawai, {
      source: 'self',
      items: [
        { competencyId: comp['M.1'], level: 4, note: 'Memimpin rapat evaluasi layanan' },
        { competencyId: comp['M.2'], level: 3 },
      ],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ saved: 2, assessedOn: today() });
    const history = (await get(`/api/employees/${pegawaiNip}/assessments`, c.pegawai)).json() as {
      source: string;
      code: string;
      level: number;
      note: string | null;
      assessorName: string | null;
      campaignId: string | null;
    }[];
    const m1 = history.find((h) => h.code === 'M.1' && h.source === 'self' && h.note)!;
    expect(m1).toMatchObject({ level: 4, note: 'Memimpin rapat evaluasi layanan' });
    expect(m1.assessorName).toBeTruthy();
    expect(m1.campaignId).not.toBeNull();
    const profile = (
      await get(`/api/employees/${pegawaiNip}/competency-profile`, c.pegawai)
    ).json() as Profile;
    expect(profile.items.find((i) => i.competencyId === comp['M.1'])!.bySource.self).toBe(4);
    const after = (await get('/api/my/assessment-tasks', c.pegawai)).json() as {
      pending: { source: string; nip: string }[];
      done: { source: string; nip: string }[];
    };
    expect(after.pending.some((x) => x.source === 'self' && x.nip === pegawaiNip)).toBe(false);
    expect(after.done.some((x) => x.source === 'self' && x.nip === pegawaiNip)).toBe(true);
  });

  it('a pegawai cannot assess anybody else, in any role', async () => {
    const n = await count();
    const items = [{ competencyId: comp['M.1'], level: 3 }];
    expect((await assess(atasanNip, c.pegawai, { source: 'self', items })).statusCode).toBe(403);
    expect((await assess(atasanNip, c.pegawai, { source: 'atasan', items })).statusCode).toBe(403);
    expect((await assess(colleagueNip, c.pegawai, { source: 'assessment_center', items })).statusCode).toBe(
      403,
    );
    expect(await count()).toBe(n);
  });

  it('an atasan assesses a subordinate, but nobody outside the team (403)', async () => {
    const items = [{ competencyId: comp['M.3'], level: 2 }];
    const ok = await assess(pegawaiNip, c.atasan, { source: 'atasan', items });
    expect(ok.statusCode).toBe(201);
    const n = await count();
    expect((await assess(colleagueNip, c.atasan, { source: 'atasan', items })).statusCode).toBe(403);
    expect((await assess(outsiderNip, c.atasan, { source: 'atasan', items })).statusCode).toBe(403);
    expect((await assess(atasanNip, c.atasan, { source: 'atasan', items })).statusCode).toBe(403);
    expect(await count()).toBe(n);
  });

  it('assessment centre and test results only by an admin or the operator of the OPD', async () => {
    const items = [{ competencyId: comp['M.4'], level: 5 }];
    const body = { source: 'assessment_center', items, assessedOn: today() };
    expect((await assess(pegawaiNip, c.atasan, body)).statusCode).toBe(403);
    expect((await assess(pegawaiNip, c.opBkpsdm, body)).statusCode).toBe(403);
    expect((await assess(outsiderNip, c.op, body)).statusCode).toBe(403);
    expect((await assess(pegawaiNip, c.op, body)).statusCode).toBe(201);
    expect((await assess(outsiderNip, c.admin, { ...body, source: 'test' })).statusCode).toBe(201);
    // The profile takes the assessment centre's level with its provenance.
    const profile = (await get(`/api/employees/${pegawaiNip}/competency-profile`, c.admin)).json() as Profile;
    expect(profile.items.find((i) => i.competencyId === comp['M.4'])).toMatchObject({
      current: 5,
      source: 'assessment_center',
    });
  });

  it('a peer assesses only with an open campaign task for that colleague', async () => {
    const items = [{ competencyId: comp['M.2'], level: 3, note: 'Rekan yang sigap' }];
    expect((await assess(colleagueNip, c.pegawai, { source: 'peer', items })).statusCode).toBe(403);
    await t.db.execute(sql`
      insert into campaign_assignments (tenant_id, campaign_id, employee_id, assessor_employee_id, source)
      select c.tenant_id, c.id, (select id from employees where nip = ${colleagueNip}),
        (select id from employees where nip = ${pegawaiNip}), 'peer'
      from assessment_campaigns c where c.name = 'Pemetaan Kompetensi 2026'`);
    const res = await assess(colleagueNip, c.pegawai, { source: 'peer', items });
    expect(res.statusCode).toBe(201);
    const done = await t.db.execute<{ completed: boolean }>(sql`
      select a.completed_at is not null as completed from campaign_assignments a
      join employees e on e.id = a.employee_id join employees r on r.id = a.assessor_employee_id
      where e.nip = ${colleagueNip} and r.nip = ${pegawaiNip} and a.source = 'peer'`);
    expect(done.rows).toEqual([{ completed: true }]);
    // The peer cannot read the colleague's history, but the colleague's operator sees it.
    expect((await get(`/api/employees/${colleagueNip}/assessments`, c.pegawai)).statusCode).toBe(404);
    const history = (await get(`/api/employees/${colleagueNip}/assessments`, c.op)).json() as {
      source: string;
      note: string | null;
    }[];
    expect(history.some((h) => h.source === 'peer' && h.note === 'Rekan yang sigap')).toBe(true);
  });

  it('names the field of each problem and writes nothing', async () => {
    const n = await count();
    const bad = await assess(pegawaiNip, c.pegawai, {
      source: 'self',
      items: [
        { competencyId: comp['M.1'], level: 3 },
        { competencyId: comp['M.2'], level: 3 },
        { competencyId: comp['M.3'], level: 3 },
        { competencyId: comp['M.5'], level: 7 },
      ],
    });
    expect(bad.statusCode).toBe(422);
    expect((bad.json() as Problem).errors!.map((e) => e.field)).toContain('body.items.3.level');
    const future = await assess(pegawaiNip, c.pegawai, {
      source: 'self',
      assessedOn: '2099-01-01',
      items: [
        { competencyId: comp['M.1'], level: 3 },
        { competencyId: '00000000-0000-4000-8000-000000000000', level: 3 },
        { competencyId: comp['M.1'], level: 2 },
      ],
    });
    expect(future.statusCode).toBe(422);
    const fields = (future.json() as Problem).errors!.map((e) => e.field);
    expect(fields).toEqual(['body.assessedOn', 'body.items.1.competencyId', 'body.items.2.competencyId']);
    expect((future.json() as Problem).errors![0]!.message).toMatch(/masa depan/);
    expect(await count()).toBe(n);
  });

  it('keeps the dictionary version an assessment was made against', async () => {
    await assess(pegawaiNip, c.pegawai, { source: 'self', items: [{ competencyId: comp['M.6'], level: 2 }] });
    await t.db
      .execute(sql`insert into competency_versions (tenant_id, competency_id, version, name, definition, levels, effective_from)
      select tenant_id, competency_id, 2, name || ' (revisi)', definition, levels, current_date - 1
      from competency_versions where competency_id = ${comp['M.6']} and version = 1`);
    await assess(pegawaiNip, c.pegawai, { source: 'self', items: [{ competencyId: comp['M.6'], level: 3 }] });
    const history = (await get(`/api/employees/${pegawaiNip}/assessments`, c.pegawai)).json() as {
      code: string;
      level: number;
      version: number;
    }[];
    const m6 = history.filter((h) => h.code === 'M.6');
    expect(m6.find((h) => h.level === 3)!.version).toBe(2);
    expect(m6.find((h) => h.level === 2)!.version).toBe(1);
  });

  it('history is scoped like the profile', async () => {
    expect((await get(`/api/employees/${atasanNip}/assessments`, c.pegawai)).statusCode).toBe(404);
    expect((await get(`/api/employees/${pegawaiNip}/assessments`, c.atasan)).statusCode).toBe(200);
    expect((await get(`/api/employees/${outsiderNip}/assessments`, c.op)).statusCode).toBe(404);
  });
});

describe('evidence files', () => {
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
  it('accepts PDF/JPG/PNG up to 5 MB and links it to an assessment', async () => {
    const res = await upload(
      `/api/files?purpose=evidence&nip=${pegawaiNip}`,
      c.atasan,
      'Notulen rapat.pdf',
      pdf,
    );
    expect(res.statusCode).toBe(201);
    const file = res.json() as { id: string; contentType: string };
    expect(file.contentType).toBe('application/pdf');
    const txt = await upload(
      `/api/files?purpose=evidence&nip=${pegawaiNip}`,
      c.atasan,
      'a.pdf',
      Buffer.from('hello'),
    );
    expect(txt.statusCode).toBe(422);
    expect((txt.json() as Problem).errors![0]!.field).toBe('file');
    const big = Buffer.concat([pdf, Buffer.alloc(5 * 1024 * 1024 + 10)]);
    expect(
      (await upload(`/api/files?purpose=evidence&nip=${pegawaiNip}`, c.atasan, 'big.pdf', big)).statusCode,
    ).toBe(413);
    expect(
      (await upload(`/api/files?purpose=evidence&nip=${outsiderNip}`, c.atasan, 'x.pdf', pdf)).statusCode,
    ).toBe(403);
    const noOne = await upload('/api/files?purpose=evidence', c.atasan, 'x.pdf', pdf);
    expect(noOne.statusCode).toBe(422);
    expect((noOne.json() as Problem).errors![0]!.field).toBe('querystring.nip');
    const pegawaiId = (
      await t.db.execute<{ id: string }>(sql`select id from employees where nip = ${pegawaiNip}`)
    ).rows[0]!.id;
    expect(
      (
        await upload(
          `/api/files?purpose=evidence&employeeId=${pegawaiId}`,
          c.pegawai,
          'me.png',
          Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2]),
        )
      ).statusCode,
    ).toBe(201);

    const saved = await assess(pegawaiNip, c.atasan, {
      source: 'atasan',
      evidenceFileId: file.id,
      items: [{ competencyId: comp['M.7'], level: 3, note: 'Lihat notulen' }],
    });
    expect(saved.statusCode).toBe(201);
    const history = (await get(`/api/employees/${pegawaiNip}/assessments`, c.pegawai)).json() as {
      code: string;
      evidenceFileId: string | null;
      evidenceFileName: string | null;
    }[];
    expect(history.find((h) => h.code === 'M.7')).toMatchObject({
      evidenceFileId: file.id,
      evidenceFileName: 'Notulen rapat.pdf',
    });
    // Readable by whoever may read the employee; not by others.
    const dl = await get(`/api/files/${file.id}`, c.pegawai);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('application/pdf');
    expect(dl.rawPayload.equals(pdf)).toBe(true);
    expect((await get(`/api/files/${file.id}`, c.op)).statusCode).toBe(200);
    expect((await get(`/api/files/${file.id}`, c.opBkpsdm)).statusCode).toBe(404);
    // A file of another employee is refused as evidence.
    const other = (
      await upload(`/api/files?purpose=evidence&nip=${colleagueNip}`, c.op, 'x.pdf', pdf)
    ).json() as { id: string };
    const wrong = await assess(pegawaiNip, c.atasan, {
      source: 'atasan',
      evidenceFileId: other.id,
      items: [{ competencyId: comp['M.7'], level: 3 }],
    });
    expect(wrong.statusCode).toBe(422);
    expect((wrong.json() as Problem).errors![0]!.field).toBe('body.evidenceFileId');
  });
});

type Detail = {
  id: string;
  progress: { assigned: number; done: number; share: number };
  units: { unitId: string; assigned: number; done: number; share: number }[];
  bySource: { source: string; assigned: number }[];
};

describe('campaigns', () => {
  let campaign: Detail;
  let bidang: string;
  it('generates tasks for every active employee of the unit subtree', async () => {
    // The bidang of the demo pegawai (under Disdukcapil).
    bidang = (
      await t.db.execute<{
        id: string;
      }>(sql`select k.id from org_units k, employees e join org_units eu on eu.id = e.unit_id
        where k.parent_id = ${units.DISDUKCAPIL} and e.nip = ${pegawaiNip} and eu.path like k.path || '%'`)
    ).rows[0]!.id;
    const res = await post('/api/campaigns', c.op, {
      name: 'Uji kampanye bidang',
      unitId: bidang,
      sources: ['self', 'atasan', 'peer'],
      startsOn: today(),
      dueOn: '2099-12-31',
      peersPerEmployee: 1,
    });
    expect(res.statusCode).toBe(201);
    campaign = res.json() as Detail;
    const expected = (
      await t.db.execute<{ n: number; sup: number; peer: number }>(sql`
        with m as (select e.id, e.unit_id, e.supervisor_id from employees e join org_units s on s.id = e.unit_id
          where e.active and s.path like (select path from org_units where id = ${bidang}) || '%')
        select count(*)::int as n, count(supervisor_id)::int as sup,
          (select coalesce(sum(case when k > 1 then k else 0 end), 0)::int from (select count(*) as k from m group by unit_id) g) as peer
        from m`)
    ).rows[0]!;
    expect(campaign.progress.assigned).toBe(expected.n + expected.sup + expected.peer);
    expect(campaign.bySource.find((s) => s.source === 'self')!.assigned).toBe(expected.n);
    expect(campaign.units.reduce((s, u) => s + u.assigned, 0)).toBe(campaign.progress.assigned);
    const audit = await count(
      sql`select count(*)::int as n from audit_log where entity = 'assessment_campaign' and entity_id = ${campaign.id}`,
    );
    expect(audit).toBe(1);
  });

  it('refuses units outside the operator’s OPD, and invalid dates by field', async () => {
    const body = {
      name: 'Di luar',
      unitId: units.BKPSDM,
      sources: ['self'],
      startsOn: today(),
      dueOn: '2099-01-01',
    };
    expect((await post('/api/campaigns', c.op, body)).statusCode).toBe(403);
    const bad = await post('/api/campaigns', c.op, { ...body, unitId: bidang, dueOn: '2000-01-01' });
    expect(bad.statusCode).toBe(422);
    expect((bad.json() as Problem).errors!.map((e) => e.field)).toContain('body.dueOn');
    expect((await get(`/api/campaigns/${campaign.id}`, c.opBkpsdm)).statusCode).toBe(403);
    const list = (await get('/api/campaigns', c.opBkpsdm)).json() as { id: string }[];
    expect(list.some((x) => x.id === campaign.id)).toBe(false);
  });

  it('counts progress per unit as tasks are done', async () => {
    const res = await assess(pegawaiNip, c.pegawai, {
      source: 'self',
      campaignId: campaign.id,
      items: [{ competencyId: comp['M.1'], level: 3 }],
    });
    expect(res.statusCode).toBe(201);
    const unitOfPegawai = (
      await t.db.execute<{
        id: string;
      }>(sql`select k.id from org_units k, employees e join org_units eu on eu.id = e.unit_id
        where (k.parent_id = ${bidang} or k.id = ${bidang}) and e.nip = ${pegawaiNip} and eu.path like k.path || '%'
        order by length(k.path) desc limit 1`)
    ).rows[0]!.id;
    const detail = (await get(`/api/campaigns/${campaign.id}`, c.op)).json() as Detail;
    expect(detail.progress.done).toBe(1);
    expect(detail.units.reduce((s, u) => s + u.done, 0)).toBe(1);
    const u = detail.units.find((x) => x.unitId === unitOfPegawai)!;
    expect(u.done).toBe(1);
    expect(u.share).toBeCloseTo(1 / u.assigned, 3);
  });

  it('reminds assessors with pending tasks, not twice within 24 hours', async () => {
    const seeded = ((await get('/api/campaigns', c.op)).json() as { id: string; name: string }[]).find(
      (x) => x.name === 'Pemetaan Kompetensi 2026',
    )!;
    const before = ((await get('/api/notifications', c.atasan)).json() as { unread: number }).unread;
    const first = await post(`/api/campaigns/${seeded.id}/remind`, c.op);
    expect(first.statusCode).toBe(200);
    const r1 = first.json() as { notified: number; skipped: number };
    expect(r1.notified).toBeGreaterThan(0);
    const bell = (await get('/api/notifications', c.atasan)).json() as {
      unread: number;
      items: { id: string; title: string; link: string }[];
    };
    expect(bell.unread).toBe(before + 1);
    expect(bell.items[0]).toMatchObject({ link: '/penilaian' });
    expect(bell.items[0]!.title).toContain('Pemetaan Kompetensi 2026');
    const second = (await post(`/api/campaigns/${seeded.id}/remind`, c.op)).json() as {
      notified: number;
      skipped: number;
    };
    expect(second.notified).toBe(0);
    expect(second.skipped).toBeGreaterThan(0);
    expect(((await get('/api/notifications', c.atasan)).json() as { unread: number }).unread).toBe(
      before + 1,
    );
    // Reading the bell.
    expect((await post(`/api/notifications/${bell.items[0]!.id}/read`, c.atasan)).statusCode).toBe(200);
    expect((await post(`/api/notifications/${bell.items[0]!.id}/read`, c.pegawai)).statusCode).toBe(404);
    await post('/api/notifications/read-all', c.atasan);
    expect(await count(sql`select count(*)::int as n from audit_log where entity = 'notification'`)).toBe(2);
    expect(((await get('/api/notifications', c.atasan)).json() as { unread: number }).unread).toBe(0);
  });

  it('closes a campaign; its tasks leave the pending list', async () => {
    const res = await post(`/api/campaigns/${campaign.id}/close`, c.op);
    expect(res.statusCode).toBe(200);
    expect((res.json() as { status: string }).status).toBe('closed');
    expect((await post(`/api/campaigns/${campaign.id}/remind`, c.op)).statusCode).toBe(409);
  });
});

async function xlsx(rows: (string | number)[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Data');
  ws.addRow(['nip', 'kode_kompetensi', 'level', 'tanggal', 'catatan']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('assessment-centre XLSX import', () => {
  it('offers a template with a Petunjuk sheet', async () => {
    const res = await get('/api/assessments/import/template.xlsx', c.op);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Data', 'Petunjuk']);
    expect(wb.getWorksheet('Data')!.getRow(1).values).toEqual([
      undefined,
      'nip',
      'kode_kompetensi',
      'level',
      'tanggal',
      'catatan',
    ]);
  });

  it('names row and column of each bad row and saves nothing', async () => {
    const n = await count();
    const file = await xlsx([
      [pegawaiNip, 'M.1', 3, '2026-03-02', 'UPT BKN'],
      ['199999999999999999', 'M.1', 3, '2026-03-02', ''],
      [outsiderNip, 'M.2', 3, '2026-03-02', ''],
      [pegawaiNip, 'X.9', 3, '2026-03-02', ''],
      [pegawaiNip, 'M.3', 6, '2026-03-02', ''],
      [pegawaiNip, 'M.4', 3, '2099-01-01', ''],
      [pegawaiNip, 'M.5', 3, '31/02/2026', ''],
    ]);
    const res = await upload('/api/assessments/import', c.op, 'ac.xlsx', file);
    expect(res.statusCode).toBe(422);
    const errors = (res.json() as Problem).errors!.map((e) => `${e.row}:${e.column}`);
    expect(errors).toEqual(['3:nip', '4:nip', '5:kode_kompetensi', '6:level', '7:tanggal', '8:tanggal']);
    expect(await count()).toBe(n);
  });

  it('previews, commits all rows, and adds nothing when the same file comes again', async () => {
    const n = await count();
    const file = await xlsx([
      [pegawaiNip, 'M.8', 4, '2026-03-02', 'UPT Penilaian Kompetensi'],
      [pegawaiNip, 'SK.1', 3, '02/03/2026', 'UPT Penilaian Kompetensi'],
      [colleagueNip, 'M.8', 2, '2026-03-02', ''],
    ]);
    const dry = await upload('/api/assessments/import?dryRun=true', c.op, 'ac.xlsx', file);
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({ dryRun: true, created: 3, totalRows: 3 });
    expect((dry.json() as { preview: unknown[] }).preview).toHaveLength(3);
    expect(await count()).toBe(n);
    const first = await upload('/api/assessments/import', c.op, 'ac.xlsx', file);
    expect(first.json()).toMatchObject({ dryRun: false, created: 3, unchanged: 0 });
    expect(await count()).toBe(n + 3);
    const again = await upload('/api/assessments/import', c.op, 'ac.xlsx', file);
    expect(again.json()).toMatchObject({ created: 0, unchanged: 3 });
    expect(await count()).toBe(n + 3);
    const profile = (await get(`/api/employees/${colleagueNip}/competency-profile`, c.op)).json() as Profile;
    expect(profile.items.find((i) => i.competencyId === comp['M.8'])!.bySource.assessment_center).toBe(2);
  });
});
