import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart } from '../../src/server/modules/imports/testkit.js';
import { createTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
let admin: string;
let op: string; // operator.dukcapil
let opBkpsdm: string;
let pimpinan: string;
let pegawai: string;
/** Active Disdukcapil employees, ordered by NIP. */
let dukcapil: { nip: string; name: string }[];
let lastYear: number;
let thisYear: number;

type Problem = { code: string; errors?: { row?: number; column?: string; message: string }[] };
type Result = {
  dryRun: boolean;
  totalRows: number;
  created: number;
  updated: number;
  unchanged: number;
  errors: unknown[];
  preview: { row: number; nip?: string; tahun?: string; nilai_skp?: string }[];
};

const get = (url: string, cookie: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
const upload = (url: string, cookie: string, content: Buffer) => {
  const m = multipart('nilai-skp.xlsx', content);
  return t.app.inject({ method: 'POST', url, headers: { cookie, ...m.headers }, payload: m.payload });
};
const ratings = async () =>
  (
    await t.db.execute<{ n: number; sum: number }>(
      sql`select count(*)::int as n, coalesce(sum(score), 0)::float8 as sum from performance_ratings`,
    )
  ).rows[0]!;
const scoreOf = async (nip: string, year: number) =>
  (
    await t.db.execute<{ score: number; predikat: string | null }>(
      sql`select pr.score::float8 as score, pr.predikat from performance_ratings pr
        join employees e on e.id = pr.employee_id where e.nip = ${nip} and pr.year = ${year}`,
    )
  ).rows[0] ?? null;

/** A workbook as an operator fills the template: header row, then the rows. */
async function xlsx(rows: (string | number)[][], header = ['nip', 'nama', 'tahun', 'nilai_skp', 'predikat']) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Data');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  op = await t.login('operator.dukcapil');
  opBkpsdm = await t.login('operator.bkpsdm');
  pimpinan = await t.login('pimpinan');
  pegawai = await t.login('pegawai.dukcapil');
  dukcapil = (
    await t.db.execute<{ nip: string; name: string }>(sql`select e.nip, e.name from employees e
      join org_units u on u.id = e.unit_id
      join org_units d on d.code = 'DISDUKCAPIL' and u.path like '%/' || d.id::text || '/%'
      where e.active order by e.nip limit 6`)
  ).rows;
  thisYear = (
    await t.db.execute<{ y: number }>(
      sql`select extract(year from now() at time zone time_zone)::int as y from tenants limit 1`,
    )
  ).rows[0]!.y;
  lastYear = thisYear - 1;
  expect(dukcapil).toHaveLength(6);
});
afterAll(async () => t?.close());

describe('SKP score import', () => {
  it('offers a real XLSX template with a Data and a Petunjuk sheet, for admin and operators only', async () => {
    const res = await get('/api/performance/import/template.xlsx', op);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('templat-nilai-skp.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Data', 'Petunjuk']);
    const data = wb.getWorksheet('Data')!;
    expect(data.getRow(1).values).toEqual([undefined, 'nip', 'nama', 'tahun', 'nilai_skp', 'predikat']);
    expect(data.getColumn(1).numFmt).toBe('@');
    const guide = wb.getWorksheet('Petunjuk')!;
    const explained = guide.getColumn(1).values.filter(Boolean);
    expect(explained).toEqual(expect.arrayContaining(['nip', 'nama', 'tahun', 'nilai_skp', 'predikat']));
    expect(String(guide.getRow(5).getCell(2).value)).toMatch(/0 sampai 200/);

    expect((await get('/api/performance/import/template.xlsx', pimpinan)).statusCode).toBe(403);
    expect((await get('/api/performance/import/template.xlsx', pegawai)).statusCode).toBe(403);
  });

  it('previews on a dry run and changes nothing', async () => {
    const before = await ratings();
    const file = await xlsx([
      [dukcapil[0]!.nip, dukcapil[0]!.name, lastYear - 1, 101.5, 'Baik'],
      [dukcapil[1]!.nip, dukcapil[1]!.name, lastYear - 1, '88,25', ''],
    ]);
    const res = await upload('/api/performance/import?dryRun=true', op, file);
    expect(res.statusCode).toBe(200);
    const body = res.json() as Result;
    expect(body).toMatchObject({
      dryRun: true,
      totalRows: 2,
      created: 2,
      updated: 0,
      unchanged: 0,
      errors: [],
    });
    expect(body.preview.map((p) => [p.row, p.nip, p.tahun])).toEqual([
      [2, dukcapil[0]!.nip, String(lastYear - 1)],
      [3, dukcapil[1]!.nip, String(lastYear - 1)],
    ]);
    expect(await ratings()).toEqual(before);
    expect(await scoreOf(dukcapil[0]!.nip, lastYear - 1)).toBeNull();
  });

  it('one bad row saves nothing, and each error names its row and column', async () => {
    const before = await ratings();
    const [a, b, c] = dukcapil;
    const file = await xlsx([
      [a!.nip, a!.name, lastYear - 1, 95, 'Baik'], // fine
      ['199912312020121001', 'Tidak Ada', lastYear - 1, 95, ''], // unknown NIP
      [b!.nip, b!.name, thisYear + 1, 95, ''], // future year
      [c!.nip, c!.name, 1999, 95, ''], // too early
      [b!.nip, b!.name, lastYear - 1, 250, ''], // score above 200
      [c!.nip, c!.name, lastYear - 1, 'baik', ''], // not a number
      [a!.nip, a!.name, lastYear - 1, 90, ''], // same NIP and year as row 2
      [c!.nip, c!.name, lastYear - 2, 90, 'Luar Biasa'], // unknown predikat
      ['1234', '', lastYear - 1, 90, ''], // not a NIP
    ]);
    const res = await upload('/api/performance/import', op, file);
    expect(res.statusCode).toBe(422);
    const problem = res.json() as Problem;
    expect(problem.errors!.map((e) => `${e.row}:${e.column}`)).toEqual([
      '3:nip',
      '4:tahun',
      '5:tahun',
      '6:nilai_skp',
      '7:nilai_skp',
      '8:nip',
      '9:predikat',
      '10:nip',
    ]);
    const messages = problem.errors!.map((e) => e.message);
    expect(messages[0]).toMatch(/tidak terdaftar/);
    expect(messages[1]).toMatch(new RegExp(`2000 sampai ${thisYear}`));
    expect(messages[3]).toMatch(/0 sampai 200/);
    expect(messages[5]).toMatch(/sudah ada di baris 2/);
    expect(await ratings()).toEqual(before);
  });

  it('rejects, row by row, employees outside the operator’s OPD; admin may import them', async () => {
    const before = await ratings();
    const file = await xlsx([
      [dukcapil[2]!.nip, dukcapil[2]!.name, lastYear - 1, 110, 'Baik'],
      [dukcapil[3]!.nip, dukcapil[3]!.name, lastYear - 1, 120, 'Sangat Baik'],
    ]);
    const res = await upload('/api/performance/import', opBkpsdm, file);
    expect(res.statusCode).toBe(422);
    const errors = (res.json() as Problem).errors!;
    expect(errors.map((e) => `${e.row}:${e.column}`)).toEqual(['2:nip', '3:nip']);
    expect(errors[0]!.message).toMatch(/di luar OPD Anda/);
    expect(await ratings()).toEqual(before);

    const dry = await upload('/api/performance/import?dryRun=true', admin, file);
    expect(dry.statusCode).toBe(200);
    expect((dry.json() as Result).created).toBe(2);
    expect((await upload('/api/performance/import?dryRun=true', pimpinan, file)).statusCode).toBe(403);
  });

  it('commits all rows in one go, audited; the same file again changes nothing', async () => {
    const [a, b, c, , , f] = dukcapil;
    const stored = (await scoreOf(f!.nip, lastYear))!; // the demo has last year's score for everyone
    expect(stored).not.toBeNull();
    const file = await xlsx([
      [a!.nip, a!.name, lastYear - 1, 101.5, 'Baik'],
      [b!.nip, b!.name, lastYear - 1, '88,25', ''],
      [c!.nip, c!.name, lastYear, 140, 'sangat baik'], // replaces the demo score
      [f!.nip, f!.name, lastYear, stored.score, stored.predikat ?? ''], // equal to what is stored
    ]);
    const before = await ratings();
    const first = await upload('/api/performance/import', op, file);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ dryRun: false, created: 2, updated: 1, unchanged: 1 });
    expect((await ratings()).n).toBe(before.n + 2);
    expect(await scoreOf(a!.nip, lastYear - 1)).toEqual({ score: 101.5, predikat: 'baik' });
    expect(await scoreOf(b!.nip, lastYear - 1)).toEqual({ score: 88.25, predikat: null });
    expect(await scoreOf(c!.nip, lastYear)).toEqual({ score: 140, predikat: 'sangat_baik' });
    const audit = (
      await t.db.execute<{ after: { fileName: string; created: number; updatedRatings: string[] } }>(
        sql`select after from audit_log where entity = 'performance_rating' and action = 'import'`,
      )
    ).rows;
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toMatchObject({ fileName: 'nilai-skp.xlsx', created: 2, updated: 1 });
    expect(audit[0]!.after.updatedRatings).toEqual([`${c!.nip}/${lastYear}`]);

    const after = await ratings();
    const again = await upload('/api/performance/import', op, file);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ created: 0, updated: 0, unchanged: 4 });
    expect(await ratings()).toEqual(after);
    const audits = await t.db.execute(
      sql`select 1 from audit_log where entity = 'performance_rating' and action = 'import'`,
    );
    expect(audits.rows).toHaveLength(1);

    // The 9-box reads the imported score.
    const history = (await get(`/api/employees/${c!.nip}/performance`, op)).json() as {
      year: number;
      score: number;
    }[];
    expect(history.find((h) => h.year === lastYear)!.score).toBe(140);
  });

  it('keeps the stored predikat when the file has no predikat column', async () => {
    const [a] = dukcapil;
    const file = await xlsx([[a!.nip, lastYear - 1, 99]], ['nip', 'tahun', 'nilai_skp']);
    const res = await upload('/api/performance/import', op, file);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ updated: 1 });
    expect(await scoreOf(a!.nip, lastYear - 1)).toEqual({ score: 99, predikat: 'baik' });
  });

  it('refuses a file without the required columns, naming them', async () => {
    const file = await xlsx([[dukcapil[0]!.nip, lastYear - 1]], ['nip', 'tahun']);
    const res = await upload('/api/performance/import?dryRun=true', op, file);
    expect(res.statusCode).toBe(422);
    expect((res.json() as Problem).errors![0]).toMatchObject({ row: 1, column: 'nilai_skp' });
  });
});
