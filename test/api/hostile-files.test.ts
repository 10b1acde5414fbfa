/**
 * Hostile uploads: zip bombs, sheets of a hundred million rows, endless lines. Each is refused within
 * seconds with a problem+json naming what is wrong (Bahasa Indonesia first), while the server keeps
 * answering; and imports are limited per user and in all.
 */
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configureFileLimits, DEFAULT_LIMITS } from '../../src/server/modules/imports/limits.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { hostileClient, MB } from '../helpers/hostile.js';
import { repeatDeflate, SHEET_HEAD, workbook, zip, type ZipPart } from '../helpers/zip.js';

let t: TestApp;
let admin: string;
let opBkpsdm: string;
let opDukcapil: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  opBkpsdm = await t.login('operator.bkpsdm');
  opDukcapil = await t.login('operator.dukcapil');
}, 60_000);
afterAll(async () => {
  configureFileLimits(DEFAULT_LIMITS);
  await t?.close();
});

const { post, expectRefused } = hostileClient(
  () => t,
  () => admin,
);

const EMPLOYEES = '/api/employees/import?dryRun=true';
const xlsx = (parts: ZipPart[], o?: Parameters<typeof zip>[1]) => zip(parts, o);
const sheet = (rows: string, dimension = '') =>
  `${SHEET_HEAD}${dimension}<sheetData>${rows}</sheetData></worksheet>`;
const inline = (ref: string, s: string) => `<c r="${ref}" t="inlineStr"><is><t>${s}</t></is></c>`;
const colName = (n: number): string =>
  (n > 26 ? colName(Math.floor((n - 1) / 26)) : '') + String.fromCharCode(65 + ((n - 1) % 26));

describe('zip bombs', () => {
  it('refuses shared strings that unpack to 1 GiB, from the directory alone', async () => {
    const ss = repeatDeflate('<si><t>x</t></si>'.repeat(60_000), 1100, '<sst>', '</sst>');
    expect(ss.size).toBeGreaterThan(1024 * MB);
    const file = xlsx(workbook(sheet(`<row r="1"><c r="A1" t="s"><v>0</v></c></row>`), ss));
    expect(file.length).toBeLessThan(3 * MB);
    const w = await expectRefused(EMPLOYEES, 'bom.xlsx', file, {
      status: 413,
      code: 'import.tooComplex',
      reason:
        /^Berkas ditolak karena melampaui batas yang aman: isi berkas XLSX setelah diekstrak melebihi 200 MB/,
    });
    console.info(
      `shared-strings bomb (${(file.length / MB).toFixed(1)} MB → 1 GiB): ${w.ms} ms, health ≤ ${w.slowestHealth} ms, rss +${w.grewMb.toFixed(0)} MB`,
    );
  });

  it('stops shared strings that lie about their size once they pass it', async () => {
    const ss = repeatDeflate('<si><t>x</t></si>'.repeat(60_000), 1100, '<sst>', '</sst>');
    const parts = workbook(sheet(''), ss).map((p) =>
      p.name === 'xl/sharedStrings.xml' ? { ...p, declaredSize: 100_000 } : p,
    );
    const w = await expectRefused(EMPLOYEES, 'bom.xlsx', xlsx(parts), {
      status: 413,
      code: 'import.tooComplex',
      reason: /bagian "xl\/sharedStrings.xml" dalam arsip XLSX lebih besar daripada yang dinyatakan/,
    });
    console.info(`lying shared-strings bomb: ${w.ms} ms, rss +${w.grewMb.toFixed(0)} MB`);
  });

  it('refuses a packing ratio no spreadsheet has, in English on request', async () => {
    const ss = repeatDeflate('<si><t>x</t></si>'.repeat(60_000), 150, '<sst>', '</sst>');
    const file = xlsx(workbook(sheet(''), ss));
    // The language of a signed-in user is the one of their account.
    await t.pool.query(`update users set locale = 'en' where username = 'operator.bkpsdm'`);
    const res = await post(EMPLOYEES, opBkpsdm, 'bom.xlsx', file, 'en');
    await t.pool.query(`update users set locale = 'id' where username = 'operator.bkpsdm'`);
    expect(res.statusCode).toBe(413);
    expect(res.json().title).toMatch(
      /^The file is refused because it exceeds a safe limit: the XLSX file is packed implausibly tight \(\d+:1, at most 250:1\)/,
    );
  });

  it('refuses an archive of thousands of parts', async () => {
    const parts = [
      ...workbook(sheet('')),
      ...Array.from({ length: 5000 }, (_, i) => ({ name: `xl/media/p${i}.xml`, data: 'x' })),
    ];
    await expectRefused(EMPLOYEES, 'parts.xlsx', xlsx(parts), {
      status: 413,
      code: 'import.tooComplex',
      reason: /arsip XLSX memuat 5005 bagian \(paling banyak 1000\)/,
    });
  });

  it('refuses parts that overlap (one local part listed many times)', async () => {
    const parts = workbook(sheet(`<row r="1">${inline('A1', 'nip')}</row>`));
    const aliases = Array.from({ length: 20 }, (_, i) => ({
      name: `xl/worksheets/sheet${i + 2}.xml`,
      of: 'xl/worksheets/sheet1.xml',
    }));
    await expectRefused(EMPLOYEES, 'overlap.xlsx', xlsx(parts, { aliases }), {
      status: 422,
      code: 'import.unreadable',
      reason: /^Berkas tidak dapat dibaca: bagian-bagian arsip XLSX saling tumpang tindih/,
    });
  });

  it('refuses an archive nested inside the workbook', async () => {
    const inner = zip([{ name: 'a.xml', data: '<a/>' }]);
    const parts = [...workbook(sheet('')), { name: 'xl/embeddings/inner.zip', data: inner }];
    await expectRefused(EMPLOYEES, 'nested.xlsx', xlsx(parts), {
      status: 422,
      code: 'import.unreadable',
      reason: /arsip XLSX memuat arsip lain \("xl\/embeddings\/inner.zip"\)/,
    });
  });
});

describe('sheets too large to read', () => {
  it('refuses a sheet that declares 100 million rows', async () => {
    const file = xlsx(
      workbook(sheet(`<row r="1">${inline('A1', 'nip')}</row>`, '<dimension ref="A1:A100000000"/>')),
    );
    await expectRefused(EMPLOYEES, 'dimensi.xlsx', file, {
      status: 413,
      code: 'import.tooComplex',
      reason: /lembar "sheet1" memuat lebih dari 200000 baris \(100000000\)/,
    });
  });

  it('refuses 100 million empty rows (875 KB packed)', async () => {
    const rows = repeatDeflate(
      '<row/>'.repeat(170_000),
      590,
      `${SHEET_HEAD}<dimension ref="A1:A100000000"/><sheetData>`,
      '</sheetData></worksheet>',
    );
    expect(rows.size).toBeGreaterThan(600_000_000);
    const w = await expectRefused(EMPLOYEES, 'baris.xlsx', xlsx(workbook(rows)), {
      status: 413,
      code: 'import.tooComplex',
      reason: /melebihi 200 MB/,
    });
    console.info(`100M empty rows: ${w.ms} ms, health ≤ ${w.slowestHealth} ms`);
  });

  it('counts rows as they unpack when the directory understates them', async () => {
    const rows = repeatDeflate(
      '<row/>'.repeat(170_000),
      590,
      `${SHEET_HEAD}<sheetData>`,
      '</sheetData></worksheet>',
    );
    const parts = workbook({ ...rows }).map((p) =>
      p.name.startsWith('xl/worksheets') ? { ...p, declaredSize: 150 * MB } : p,
    );
    // 150 MB declared from under 1 MB packed is itself implausible; allow it to reach the row count.
    configureFileLimits({ ...DEFAULT_LIMITS, maxRatio: 100_000 });
    try {
      await expectRefused(EMPLOYEES, 'baris.xlsx', xlsx(parts), {
        status: 413,
        code: 'import.tooComplex',
        reason: /lembar "sheet1" memuat lebih dari 200000 baris/,
      });
    } finally {
      configureFileLimits(DEFAULT_LIMITS);
    }
  });

  it('refuses 250,000 numbered rows at row 200,001', async () => {
    let s = '';
    for (let i = 1; i <= 250_000; i++) s += `<row r="${i}"><c r="A${i}"><v>${i}</v></c></row>`;
    const file = xlsx(workbook({ bytes: zlib.deflateRawSync(sheet(s)), size: Buffer.byteLength(sheet(s)) }));
    await expectRefused(EMPLOYEES, 'baris.xlsx', file, {
      status: 413,
      code: 'import.tooComplex',
      reason: /lembar "sheet1" memuat lebih dari 200000 baris \(200001\)/,
    });
  });

  it('refuses a row of 300 columns, and a cell at column XFD', async () => {
    const cells = Array.from({ length: 300 }, (_, i) => inline(`${colName(i + 1)}1`, 'x')).join('');
    await expectRefused(EMPLOYEES, 'kolom.xlsx', xlsx(workbook(sheet(`<row r="1">${cells}</row>`))), {
      status: 413,
      code: 'import.tooComplex',
      reason: /baris 1 pada lembar "sheet1" memuat lebih dari 200 kolom/,
    });
    await expectRefused(
      EMPLOYEES,
      'kolom.xlsx',
      xlsx(workbook(sheet(`<row r="2">${inline('XFD2', 'x')}</row>`))),
      {
        status: 413,
        code: 'import.tooComplex',
        reason: /baris 2 pada lembar "sheet1" memuat lebih dari 200 kolom/,
      },
    );
  });

  it('refuses a cell, and a shared string, longer than 32,767 characters', async () => {
    const big = 'x'.repeat(40_000);
    await expectRefused(
      EMPLOYEES,
      'sel.xlsx',
      xlsx(workbook(sheet(`<row r="1">${inline('B1', big)}</row>`))),
      {
        status: 413,
        code: 'import.tooComplex',
        reason: /sel B1 pada lembar "sheet1" memuat lebih dari 32767 karakter/,
      },
    );
    const ss = `<sst uniqueCount="2"><si><t>nip</t></si><si><t>${big}</t></si></sst>`;
    await expectRefused(EMPLOYEES, 'sel.xlsx', xlsx(workbook(sheet(''), ss)), {
      status: 413,
      code: 'import.tooComplex',
      reason: /teks bersama ke-2 dalam berkas XLSX memuat lebih dari 32767 karakter/,
    });
  });

  it('guards every spreadsheet upload: standards matrix and SKP import too', async () => {
    const ss = repeatDeflate('<si><t>x</t></si>'.repeat(60_000), 1100, '<sst>', '</sst>');
    const bomb = xlsx(workbook(sheet(''), ss));
    await expectRefused('/api/position-standards/import?dryRun=true', 'standar.xlsx', bomb, {
      status: 413,
      code: 'import.tooComplex',
      reason: /melebihi 200 MB/,
    });
    const tall = xlsx(
      workbook(sheet(`<row r="1">${inline('A1', 'nip')}</row>`, '<dimension ref="A1:B100000000"/>')),
    );
    await expectRefused('/api/performance/import?dryRun=true', 'skp.xlsx', tall, {
      status: 413,
      code: 'import.tooComplex',
      reason: /lebih dari 200000 baris/,
    });
  });

  describe('a file within the limits that is still too heavy to read', () => {
    let heavy: Buffer;
    beforeAll(() => {
      let s = '';
      for (let i = 0; i < 1_500_000; i++) s += `<si><t>teks unik nomor ${i}</t></si>`;
      heavy = xlsx(workbook(sheet(''), `<sst>${s}</sst>`));
    });
    afterAll(() => configureFileLimits(DEFAULT_LIMITS));

    it('ends the reading thread when it runs out of its heap, and answers 413', async () => {
      configureFileLimits({ ...DEFAULT_LIMITS, workerMemoryMb: 64, maxRatio: 100_000 });
      const w = await expectRefused(EMPLOYEES, 'memori.xlsx', heavy, {
        status: 413,
        code: 'import.tooComplex',
        reason: /memerlukan memori lebih dari 64 MB/,
        maxMs: 30_000,
      });
      console.info(`heap overrun (64 MB thread): ${w.ms} ms, health ≤ ${w.slowestHealth} ms`);
    });

    it('ends the reading thread when it runs out of time, and answers 413', async () => {
      configureFileLimits({ ...DEFAULT_LIMITS, workerSeconds: 1, maxRatio: 100_000 });
      const w = await expectRefused(EMPLOYEES, 'lama.xlsx', heavy, {
        status: 413,
        code: 'import.tooComplex',
        reason: /pembacaan berkas melebihi 1 detik/,
      });
      expect(w.ms).toBeLessThan(4000);
    });
  });
});

describe('hostile CSV', () => {
  const header = 'nip,nama,status,golongan,kode_unit\n';

  it('refuses a line of 5 million characters', async () => {
    await expectRefused(EMPLOYEES, 'baris.csv', header + `${'x'.repeat(30_000)},`.repeat(160), {
      status: 413,
      code: 'import.tooComplex',
      reason: /baris 2 CSV lebih panjang dari 1048576 karakter/,
    });
    await expectRefused(EMPLOYEES, 'baris.csv', header + 'x'.repeat(5_000_000), {
      status: 413,
      code: 'import.tooComplex',
      reason: /sel A2 pada lembar "CSV" memuat lebih dari 32767 karakter/,
    });
  });

  it('refuses three million rows at row 200,001', async () => {
    const w = await expectRefused(EMPLOYEES, 'baris.csv', header + 'x,y\n'.repeat(3_000_000), {
      status: 413,
      code: 'import.tooComplex',
      reason: /lembar "CSV" memuat lebih dari 200000 baris/,
    });
    console.info(`3M-row CSV: ${w.ms} ms`);
  });

  it('refuses a Moodle framework with an endless line', async () => {
    await expectRefused(
      '/api/competencies/moodle?dryRun=true',
      'moodle.csv',
      '"a","' + 'x'.repeat(6_000_000),
      {
        status: 413,
        code: 'import.tooComplex',
        reason: /baris 1 CSV lebih panjang dari 1048576 karakter/,
      },
    );
  });
});

describe('imports at the same time', () => {
  const csv = (n: number) => header(n);
  const header = (n: number) =>
    'nip,nama,status,golongan,kode_unit\n' +
    Array.from(
      { length: n },
      (_, i) => `19800101200801${String(1000 + i).padStart(4, '0')},Nama ${i},PNS,III/a,DISDUKCAPIL`,
    ).join('\n');

  it('answers 429 to a second import of the same user while the first runs', async () => {
    const [a, b] = await Promise.all([
      post(EMPLOYEES, admin, 'a.csv', csv(3000)),
      post(EMPLOYEES, admin, 'b.csv', csv(10)),
    ]);
    // Whichever reached its slot first runs; the other is refused.
    const statuses = [a.statusCode, b.statusCode];
    expect(statuses.filter((s) => s === 429)).toHaveLength(1);
    const refused = a.statusCode === 429 ? a : b;
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.headers['retry-after']).toBe('5');
    expect(refused.json()).toMatchObject({
      code: 'import.busyUser',
      title: expect.stringMatching(/^Anda masih menjalankan 1 impor/),
    });
    const after = await post(EMPLOYEES, admin, 'c.csv', csv(10));
    expect(after.statusCode).not.toBe(429);
  });

  it('holds the slot while a background import runs, and frees it when it ends', async () => {
    const started = await post('/api/employees/import?dryRun=true&async=true', admin, 'a.csv', csv(3000));
    expect(started.statusCode).toBe(202);
    const busy = await post(EMPLOYEES, admin, 'b.csv', csv(10));
    expect(busy.statusCode).toBe(429);
    const id = started.json().jobId as string;
    for (let i = 0; i < 200; i++) {
      const job = await t.app.inject({
        method: 'GET',
        url: `/api/imports/${id}`,
        headers: { cookie: admin },
      });
      if (['succeeded', 'failed'].includes(job.json().status)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await new Promise((r) => setTimeout(r, 50));
    expect((await post(EMPLOYEES, admin, 'c.csv', csv(10))).statusCode).not.toBe(429);
  });

  it('answers 503 once the server runs as many imports as it allows', async () => {
    const all = await Promise.all([
      post(EMPLOYEES, admin, 'a.csv', csv(3000)),
      post(EMPLOYEES, opBkpsdm, 'b.csv', csv(3000)),
      post(EMPLOYEES, opDukcapil, 'c.csv', csv(10)),
    ]);
    expect(all.map((r) => r.statusCode).filter((s) => s === 503)).toHaveLength(1);
    expect(all[2]!.statusCode).toBe(503);
    expect(all[2]!.json()).toMatchObject({
      code: 'import.busy',
      title: expect.stringMatching(/^Server sedang menjalankan 2 impor/),
    });
  });
});
