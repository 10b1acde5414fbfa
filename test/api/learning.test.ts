import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorOf } from '../../src/server/http/audit.js';
import { onEnrollmentCompleted } from '../../src/server/modules/learning/hooks.js';
import { createTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
let admin: string;
let opDukcapil: string;
let opBkpsdm: string;
let atasan: string;
let pegawai: string;
let pegawaiNip: string;
let atasanNip: string;
const units: Record<string, string> = {};
/** A year no demo record falls in, so every figure below is known. */
const YEAR = 2031;

type Unit = {
  unitId: string;
  code: string;
  employees: number;
  compliant: number;
  share: number;
  averageJp: number;
};
type Report = { year: number; targetJp: number; total: Omit<Unit, 'unitId' | 'code'>; units: Unit[] };
type People = {
  total: number;
  items: { nip: string; totalJp: number; remainingJp: number; records: number }[];
};

const get = (url: string, cookie: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
const post = (url: string, cookie: string, payload: unknown) =>
  t.app.inject({ method: 'POST', url, headers: { cookie }, payload: payload as object });

async function addRecord(nip: string, jp: number, title = 'Kegiatan uji', year = YEAR) {
  await t.db.execute(sql`
    insert into learning_records (tenant_id, employee_id, source, title, form, scope, starts_on, ends_on, year, jp)
    select e.tenant_id, e.id, 'import', ${title}, 'B7', 'nasional', make_date(${year}::int, 3, 1),
      make_date(${year}::int, 3, 2), ${year}, ${jp}
    from employees e where e.nip = ${nip}`);
}

async function readXlsx(body: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  return wb;
}

beforeAll(async () => {
  t = await createTestApp();
  [admin, opDukcapil, opBkpsdm, atasan, pegawai] = await Promise.all([
    t.login('admin'),
    t.login('operator.dukcapil'),
    t.login('operator.bkpsdm'),
    t.login('atasan.dukcapil'),
    t.login('pegawai.dukcapil'),
  ]);
  const list = (await get('/api/org-units', admin)).json() as { id: string; code: string }[];
  for (const u of list) units[u.code] = u.id;
  pegawaiNip = ((await get('/api/auth/me', pegawai)).json() as { nip: string }).nip;
  atasanNip = ((await get('/api/auth/me', atasan)).json() as { nip: string }).nip;
});
afterAll(async () => t?.close());

describe('learning records of one employee', () => {
  it('lists the year’s records with their JP and the total against the 20 JP target', async () => {
    await addRecord(pegawaiNip, 12.5, 'Workshop layanan');
    await addRecord(pegawaiNip, 4, 'Seminar');
    const res = await get(`/api/employees/${pegawaiNip}/learning-records?year=${YEAR}`, pegawai);
    expect(res.statusCode).toBe(200);
    const body = res.json() as {
      totalJp: number;
      targetJp: number;
      remainingJp: number;
      compliant: boolean;
      records: { title: string; jp: number }[];
    };
    expect(body.targetJp).toBe(20);
    expect(body.records.map((r) => r.title).sort()).toEqual(['Seminar', 'Workshop layanan']);
    expect(body.totalJp).toBe(16.5);
    expect(body.remainingJp).toBe(3.5);
    expect(body.compliant).toBe(false);

    await addRecord(pegawaiNip, 3.5, 'Coaching');
    const after = (
      await get(`/api/employees/${pegawaiNip}/learning-records?year=${YEAR}`, pegawai)
    ).json() as {
      totalJp: number;
      compliant: boolean;
      remainingJp: number;
    };
    expect(after).toMatchObject({ totalJp: 20, compliant: true, remainingJp: 0 });
  });

  it('is readable by the atasan and the OPD operator, not by another employee or another OPD', async () => {
    expect((await get(`/api/employees/${pegawaiNip}/learning-records?year=${YEAR}`, atasan)).statusCode).toBe(
      200,
    );
    expect(
      (await get(`/api/employees/${pegawaiNip}/learning-records?year=${YEAR}`, opDukcapil)).statusCode,
    ).toBe(200);
    expect(
      (await get(`/api/employees/${pegawaiNip}/learning-records?year=${YEAR}`, opBkpsdm)).statusCode,
    ).toBe(404);
    expect((await get(`/api/employees/${atasanNip}/learning-records?year=${YEAR}`, pegawai)).statusCode).toBe(
      404,
    );
  });

  it('refuses a year outside 2000–2100 with a message naming the field', async () => {
    const res = await get(`/api/employees/${pegawaiNip}/learning-records?year=1999`, pegawai);
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('year');
  });
});

describe('JP compliance report', () => {
  it('counts per unit who reached the target, matching the people list', async () => {
    // Three Disdukcapil employees other than the pegawai above: 20, 25 and 8 JP in the year.
    const others = await t.db.execute<{ nip: string }>(sql`
      select e.nip from employees e join org_units u on u.id = e.unit_id
      where u.path like '%/' || ${units.DISDUKCAPIL!} || '/%' and e.active and e.nip <> ${pegawaiNip}
      order by e.nip limit 3`);
    const [a, b, c] = others.rows.map((r) => r.nip);
    await addRecord(a!, 20);
    await addRecord(b!, 15);
    await addRecord(b!, 10);
    await addRecord(c!, 8);

    const res = await get(`/api/reports/jp-compliance?year=${YEAR}`, admin);
    expect(res.statusCode).toBe(200);
    const report = res.json() as Report;
    expect(report.targetJp).toBe(20);
    const dukcapil = report.units.find((u) => u.code === 'DISDUKCAPIL')!;
    const employees = await t.db.execute<{ n: number }>(sql`
      select count(*)::int as n from employees e join org_units u on u.id = e.unit_id
      where u.path like '%/' || ${units.DISDUKCAPIL!} || '/%' and e.active`);
    expect(dukcapil.employees).toBe(employees.rows[0]!.n);
    expect(dukcapil.compliant).toBe(3); // the pegawai (20), a (20), b (25)
    expect(dukcapil.share).toBeCloseTo(3 / dukcapil.employees, 4);
    expect(report.total.compliant).toBe(3);
    expect(report.units.filter((u) => u.code !== 'DISDUKCAPIL').every((u) => u.compliant === 0)).toBe(true);

    const behind = (
      await get(`/api/reports/jp-compliance/people?year=${YEAR}&unitId=${units.DISDUKCAPIL}`, admin)
    ).json() as People;
    expect(behind.total).toBe(dukcapil.employees - dukcapil.compliant);
    expect(behind.items[0]!.totalJp).toBe(0);
    const cRow = (
      await get(`/api/reports/jp-compliance/people?year=${YEAR}&unitId=${units.DISDUKCAPIL}&show=all`, admin)
    ).json() as People;
    expect(cRow.total).toBe(dukcapil.employees);
    const all = [] as People['items'];
    for (let page = 1; (page - 1) * 50 < cRow.total; page++)
      all.push(
        ...(
          (
            await get(
              `/api/reports/jp-compliance/people?year=${YEAR}&unitId=${units.DISDUKCAPIL}&show=all&page=${page}`,
              admin,
            )
          ).json() as People
        ).items,
      );
    expect(all.find((p) => p.nip === c)).toMatchObject({ totalJp: 8, remainingJp: 12, records: 1 });
    expect(all.find((p) => p.nip === b)).toMatchObject({ totalJp: 25, remainingJp: 0, records: 2 });
  });

  it('keeps an operator inside their OPD', async () => {
    const own = await get(`/api/reports/jp-compliance?year=${YEAR}`, opDukcapil);
    expect(own.statusCode).toBe(200);
    expect((own.json() as { unit: { id: string } }).unit.id).toBe(units.DISDUKCAPIL);
    expect(
      (await get(`/api/reports/jp-compliance?year=${YEAR}&unitId=${units.BKPSDM}`, opDukcapil)).statusCode,
    ).toBe(403);
    expect((await get(`/api/reports/jp-compliance?year=${YEAR}`, pegawai)).statusCode).toBe(403);
  });

  it('downloads the report and the people list as real XLSX files with a guide sheet', async () => {
    const res = await get(`/api/reports/jp-compliance.xlsx?year=${YEAR}`, admin);
    expect(res.statusCode).toBe(200);
    const wb = await readXlsx(res.rawPayload);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(1).getCell(2).value).toBe('Unit');
    const rows = sheet.getSheetValues().filter(Boolean) as unknown[][];
    const duk = rows.find((r) => r[1] === 'DISDUKCAPIL')!;
    expect(duk[4]).toBe(3);
    expect(wb.getWorksheet('Petunjuk')).toBeTruthy();

    const people = await get(
      `/api/reports/jp-compliance/people.xlsx?year=${YEAR}&unitId=${units.DISDUKCAPIL}&show=behind`,
      admin,
    );
    const pw = await readXlsx(people.rawPayload);
    expect(pw.worksheets[0]!.rowCount - 1).toBeGreaterThan(0);
    expect(String(pw.worksheets[0]!.getRow(2).getCell(1).value)).toMatch(/^\d{18}$/);
  });
});

describe('my learning', () => {
  it('shows the pegawai their year, the years before, upcoming sessions and certificates', async () => {
    const res = await get(`/api/my/learning?year=${YEAR}`, pegawai);
    expect(res.statusCode).toBe(200);
    const body = res.json() as {
      summary: { totalJp: number; nip: string };
      history: { year: number; totalJp: number }[];
      upcoming: unknown[];
      certificates: unknown[];
    };
    expect(body.summary).toMatchObject({ nip: pegawaiNip, totalJp: 20 });
    expect(body.history.map((h) => h.year)).toEqual([YEAR - 3, YEAR - 2, YEAR - 1, YEAR]);
    expect(body.history.at(-1)!.totalJp).toBe(20);
  });
});

describe('the basis of each record', () => {
  it('explains how the JP were counted in the reader’s language, citing the regulation', async () => {
    // The demo history comes from the rule set, so each of its records carries a basis.
    const seeded = (
      await t.db.execute<{ nip: string; year: number }>(sql`
        select e.nip, r.year from learning_records r join employees e on e.id = r.employee_id
        where r.source = 'import' order by r.year, e.nip limit 1`)
    ).rows[0]!;
    const url = `/api/employees/${seeded.nip}/learning-records?year=${seeded.year}`;
    type Records = { records: { id: string; jpBasis: string }[] };
    const id = (await get(url, admin)).json() as Records;
    expect(id.records.length).toBeGreaterThan(0);
    const put = (locale: string) =>
      t.app.inject({
        method: 'PUT',
        url: '/api/auth/locale',
        headers: { cookie: admin },
        payload: { locale },
      });
    expect((await put('en')).statusCode).toBe(200);
    try {
      const en = (await get(url, admin)).json() as Records;
      for (const r of id.records) {
        const other = en.records.find((x) => x.id === r.id)!;
        expect(r.jpBasis).toMatch(/JP.* — \S/);
        expect(other.jpBasis).toMatch(/JP.* — \S/);
        expect(other.jpBasis).not.toBe(r.jpBasis);
        expect(other.jpBasis).not.toMatch(/kegiatan|hari|maks\./);
      }
    } finally {
      await put('id');
    }
  });
});

describe('closing the loop with competencies', () => {
  it('a completed programme proposes a level; the atasan confirms it and the profile follows', async () => {
    // A competency the pegawai's position requires, with no assessment yet: the proposal is then
    // 0 + the expected gain, and the atasan's confirmation alone decides the current level.
    const profileBefore = (await get(`/api/employees/${pegawaiNip}/competency-profile`, atasan)).json() as {
      items: { competencyId: string; current: number | null }[];
    };
    const competencyId = profileBefore.items[0]!.competencyId;
    await t.db.execute(sql`delete from assessments a using employees e
      where a.employee_id = e.id and e.nip = ${pegawaiNip} and a.competency_id = ${competencyId}`);
    const setup = await t.db.execute<{ program_id: string; enrollment_id: string }>(sql`
      with p as (
        insert into programs (tenant_id, code, title, form, scope, capacity, jp, jp_basis, status)
        select tenant_id, 'UJI-LOOP', 'Pelatihan Pelayanan Prima', 'B3', 'nasional', 20, 24, '24 JP terjadwal', 'published'
        from employees where nip = ${pegawaiNip}
        returning id, tenant_id
      ), s as (
        insert into program_sessions (tenant_id, program_id, starts_at, ends_at)
        select tenant_id, id, '2031-05-04 00:00+00', '2031-05-06 08:00+00' from p returning program_id
      ), pc as (
        insert into program_competencies (tenant_id, program_id, competency_id, expected_gain)
        select tenant_id, id, ${competencyId}, 2 from p returning program_id
      )
      insert into enrollments (tenant_id, program_id, employee_id, status, origin, completed_at)
      select p.tenant_id, p.id, e.id, 'completed', 'self', now() from p, employees e where e.nip = ${pegawaiNip}
      returning program_id, id as enrollment_id`);
    const { enrollment_id: enrollmentId } = setup.rows[0]!;
    const actor = { tenantId: null, userId: null, name: 'uji', requestId: null } as ReturnType<
      typeof actorOf
    >;
    const first = await t.db.transaction((tx) => onEnrollmentCompleted(tx, actor, enrollmentId));
    expect(first.recordId).toBeTruthy();
    expect(first.proposals).toBe(1);
    // Idempotent: a second call adds nothing.
    const again = await t.db.transaction((tx) => onEnrollmentCompleted(tx, actor, enrollmentId));
    expect(again).toEqual({ recordId: null, proposals: 0 });

    const record = (await get(`/api/employees/${pegawaiNip}/learning-records?year=2031`, pegawai)).json() as {
      records: { title: string; jp: number; source: string }[];
    };
    expect(record.records.find((r) => r.title === 'Pelatihan Pelayanan Prima')).toMatchObject({
      jp: 24,
      source: 'program',
    });

    const pending = (await get('/api/competency-proposals', atasan)).json() as {
      id: string;
      nip: string;
      proposedLevel: number;
      canDecide: boolean;
    }[];
    const mine = pending.find((p) => p.nip === pegawaiNip)!;
    expect(mine).toMatchObject({ proposedLevel: 2, canDecide: true });
    // The pegawai sees it but may not decide; an operator may not either.
    expect(
      (await post(`/api/competency-proposals/${mine.id}/confirm`, pegawai, { level: 3 })).statusCode,
    ).toBe(403);
    expect(
      (await post(`/api/competency-proposals/${mine.id}/confirm`, opDukcapil, { level: 3 })).statusCode,
    ).toBe(403);
    const bad = await post(`/api/competency-proposals/${mine.id}/reject`, atasan, { reason: '' });
    expect(bad.statusCode).toBe(422);

    const ok = await post(`/api/competency-proposals/${mine.id}/confirm`, atasan, {
      level: mine.proposedLevel,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'confirmed', decidedLevel: mine.proposedLevel });
    const twice = await post(`/api/competency-proposals/${mine.id}/confirm`, atasan, { level: 2 });
    expect(twice.statusCode).toBe(409);

    const profile = (await get(`/api/employees/${pegawaiNip}/competency-profile`, atasan)).json() as {
      items: { competencyId: string; current: number | null; source: string | null }[];
    };
    expect(profile.items.find((i) => i.competencyId === competencyId)).toMatchObject({
      current: 2,
      source: 'atasan',
    });
    const history = (await get(`/api/employees/${pegawaiNip}/assessments`, atasan)).json() as {
      source: string;
      note: string | null;
    }[];
    expect(history.some((h) => h.source === 'atasan' && h.note?.includes('Pelayanan Prima'))).toBe(true);
  });
});
