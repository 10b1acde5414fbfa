import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { employeeCsv, makeNips, multipart } from './testkit.js';

let t: TestApp;
let admin: string;
let opDukcapil: string;
let taken: Set<string>;
let nipOffset = 0;

const count = async (sql: string, params: unknown[] = []) =>
  Number((await t.pool.query(sql, params)).rows[0].n);
const employeeCount = () => count('select count(*) as n from employees');
const auditCount = () => count(`select count(*) as n from audit_log where action = 'import'`);
const freshNips = (n: number) => {
  const nips = makeNips(n, taken, nipOffset);
  nipOffset += n * 3;
  for (const x of nips) taken.add(x);
  return nips;
};

async function upload(url: string, cookie: string, fileName: string, content: Buffer | string) {
  const m = multipart(fileName, content);
  return t.app.inject({ method: 'POST', url, payload: m.payload, headers: { ...m.headers, cookie } });
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  opDukcapil = await t.login('operator.dukcapil');
  taken = new Set((await t.pool.query<{ nip: string }>('select nip from employees')).rows.map((r) => r.nip));
});
afterAll(async () => t?.close());

describe('templates', () => {
  it('serves CSV and XLSX templates with the exact header', async () => {
    const csv = await t.app.inject({
      url: '/api/imports/templates/employees.csv',
      headers: { cookie: opDukcapil },
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.body.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(
      'nip,nama,gelar_depan,gelar_belakang,status,golongan,kode_unit,jabatan,nip_atasan,email,telepon',
    );
    for (const kind of ['employees', 'org-units', 'positions']) {
      const x = await t.app.inject({
        url: `/api/imports/templates/${kind}.xlsx`,
        headers: { cookie: admin },
      });
      expect(x.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
      expect(wb.worksheets.map((w) => w.name)).toEqual(['Data', 'Petunjuk']);
      const data = wb.getWorksheet('Data')!;
      expect(data.getRow(1).cellCount).toBeGreaterThan(3);
      expect(data.getCell('A1').numFmt).toBe('@');
    }
    const bad = await t.app.inject({ url: '/api/imports/templates/other.csv', headers: { cookie: admin } });
    expect(bad.statusCode).toBe(422);
    const doc = await t.app.inject({ url: '/api/openapi.json' });
    expect(Object.keys(doc.json().paths)).toEqual(
      expect.arrayContaining(['/api/employees/import', '/api/imports/{id}']),
    );
  });
});

describe('employee import', () => {
  it('rejects a file with a bad row and writes nothing', async () => {
    const nips = freshNips(3);
    const csv = employeeCsv(nips).replace(
      `${nips[1]},Pegawai Uji 1,,S.E.,PNS`,
      `${nips[1]},Pegawai Uji 1,,S.E.,HONORER`,
    );
    const before = await employeeCount();
    const res = await upload('/api/employees/import', admin, 'pegawai.csv', csv);
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const body = res.json();
    expect(body.code).toBe('import.invalid');
    expect(body.errors).toEqual([{ row: 3, column: 'status', message: expect.stringContaining('HONORER') }]);
    expect(body).toMatchObject({ created: 2, updated: 0, unchanged: 0, errorCount: 1 });
    expect(await employeeCount()).toBe(before);
  });

  it('reports unknown unit, position, supervisor, self-supervisor and duplicates', async () => {
    const [a, b, c] = freshNips(3);
    const csv = [
      'nip,nama,status,golongan,kode_unit,jabatan,nip_atasan',
      `${a},Satu,PNS,III/a,TIDAKADA,,`,
      `${b},Dua,PNS,III/a,DISDUKCAPIL,Jabatan Khayalan,`,
      `${c},Tiga,PNS,III/a,DISDUKCAPIL,,${c}`,
      `${a},Empat,PNS,III/a,DISDUKCAPIL,,199001012015011999`,
      `${b},Lima,PNS,IX,DISDUKCAPIL,,`,
    ].join('\n');
    const res = await upload('/api/employees/import', admin, 'x.csv', csv);
    expect(res.statusCode).toBe(422);
    const errors = res.json().errors as { row: number; column: string; message: string }[];
    const at = (row: number, column: string) =>
      errors.find((e) => e.row === row && e.column === column)?.message;
    expect(at(2, 'kode_unit')).toContain('TIDAKADA');
    expect(at(3, 'jabatan')).toContain('Jabatan Khayalan');
    expect(at(4, 'nip_atasan')).toContain('atasan dirinya sendiri');
    expect(at(5, 'nip')).toContain('baris 2');
    expect(at(5, 'nip_atasan')).toContain('199001012015011999');
    expect(at(6, 'golongan')).toContain('IX');
  });

  it('refuses supervisor chains that would loop, through the file or the stored data', async () => {
    const [a, b] = freshNips(2);
    const loop = [
      'nip,nama,status,golongan,kode_unit,jabatan,nip_atasan',
      `${a},Satu,PNS,III/a,DISDUKCAPIL,,${b}`,
      `${b},Dua,PNS,III/a,DISDUKCAPIL,,${a}`,
    ].join('\n');
    const res = await upload('/api/employees/import', admin, 'loop.csv', loop);
    expect(res.statusCode).toBe(422);
    const rows = (res.json().errors as { row: number; column: string; message: string }[])
      .filter((e) => e.column === 'nip_atasan')
      .map((e) => e.row);
    expect(rows).toEqual([2, 3]);
    // a → b stored first; then b → a through a second file must be refused as well.
    const first = [
      'nip,nama,status,golongan,kode_unit,jabatan,nip_atasan',
      `${b},Dua,PNS,III/a,DISDUKCAPIL,,`,
      `${a},Satu,PNS,III/a,DISDUKCAPIL,,${b}`,
    ].join('\n');
    expect((await upload('/api/employees/import', admin, 'ok.csv', first)).statusCode).toBe(200);
    const back = [
      'nip,nama,status,golongan,kode_unit,jabatan,nip_atasan',
      `${b},Dua,PNS,III/a,DISDUKCAPIL,,${a}`,
    ].join('\n');
    const again = await upload('/api/employees/import', admin, 'back.csv', back);
    expect(again.statusCode).toBe(422);
    expect(again.json().errors[0]).toMatchObject({
      row: 2,
      column: 'nip_atasan',
      message: expect.stringContaining('melingkar'),
    });
    // The same rule holds for the form.
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/employees/${b}`,
      headers: { cookie: admin },
      payload: { supervisorNip: a },
    });
    expect(patch.statusCode).toBe(422);
    expect(patch.json().errors[0]).toMatchObject({
      field: 'body.supervisorNip',
      message: expect.stringContaining('melingkar'),
    });
  });

  it('imports once, and the same file again changes nothing', async () => {
    const nips = freshNips(5);
    const pos = (await t.pool.query(`select name from positions order by code limit 1`)).rows[0]
      .name as string;
    const csv = employeeCsv(nips, { position: pos.toUpperCase() });
    const first = await upload('/api/employees/import', admin, 'p.csv', csv);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      created: 5,
      updated: 0,
      unchanged: 0,
      errors: [],
      dryRun: false,
      totalRows: 5,
    });
    expect(first.json().preview[0]).toMatchObject({ row: 2, nip: nips[0], nama: 'Pegawai Uji 0' });
    const assignments = await count(
      `select count(*) as n from employee_assignments a join employees e on e.id = a.employee_id where e.nip = any($1)`,
      [nips],
    );
    expect(assignments).toBe(5);
    const audits = await auditCount();
    const second = await upload('/api/employees/import', admin, 'p.csv', csv);
    expect(second.json()).toMatchObject({ created: 0, updated: 0, unchanged: 5 });
    expect(await auditCount()).toBe(audits);
  });

  it('moves an employee: closes the open assignment and opens one today', async () => {
    const [nip] = freshNips(1);
    expect((await upload('/api/employees/import', admin, 'a.csv', employeeCsv([nip!]))).statusCode).toBe(200);
    const moved = await upload(
      '/api/employees/import',
      admin,
      'b.csv',
      employeeCsv([nip!], { unit: 'BKPSDM' }),
    );
    expect(moved.json()).toMatchObject({ created: 0, updated: 1, unchanged: 0 });
    const hist = await t.pool.query(
      `select effective_from::text, effective_to::text from employee_assignments a join employees e on e.id = a.employee_id
       where e.nip = $1 order by a.created_at`,
      [nip],
    );
    expect(hist.rows).toHaveLength(2);
    expect(hist.rows[0].effective_to).not.toBeNull();
    expect(hist.rows[1].effective_to).toBeNull();
    const last = await t.pool.query(
      `select after from audit_log where action = 'import' order by id desc limit 1`,
    );
    expect(last.rows[0].after).toMatchObject({ fileName: 'b.csv', updated: 1, updatedNips: [nip] });
  });

  it('reads ; separated CSV with a BOM and a title row', async () => {
    const nips = freshNips(2);
    const csv =
      '\uFEFFDaftar Pegawai Disdukcapil;;\r\n' +
      employeeCsv(nips, { sep: ';' }).replace('nip;nama', 'NIP;Nama');
    const res = await upload('/api/employees/import', opDukcapil, 'pegawai.csv', csv);
    expect(res.json()).toMatchObject({ created: 2 });
    expect(res.json().preview[0].row).toBe(3);
  });

  it('explains Excel quirks: title rows, merged cells, blank rows, numeric NIP', async () => {
    const nips = freshNips(3);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Pegawai');
    ws.addRow(['DAFTAR PEGAWAI']);
    ws.mergeCells('A1:E1');
    ws.addRow([]);
    ws.addRow(['NIP', 'Nama', 'Status', 'Golongan', 'Kode Unit']);
    ws.addRow([nips[0], { richText: [{ text: 'Rich ' }, { text: 'Text' }] }, 'PNS', 'III/a', 'DISDUKCAPIL']);
    ws.addRow([Number(nips[1]), 'Angka', 'PNS', 'III/a', 'DISDUKCAPIL']);
    ws.addRow([nips[2], 'Rumus', 'PNS', { formula: '"III/"&"b"', result: 'III/b' }, 'DISDUKCAPIL']);
    ws.addRow([]);
    ws.addRow(['', '', '']);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await upload('/api/employees/import', admin, 'pegawai.xlsx', buf);
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([
      { row: 5, column: 'nip', message: expect.stringContaining('ilmiah') },
    ]);
    expect(res.json().totalRows).toBe(3);
    ws.getCell('A5').value = nips[1];
    const ok = await upload(
      '/api/employees/import',
      admin,
      'pegawai.xlsx',
      Buffer.from(await wb.xlsx.writeBuffer()),
    );
    expect(ok.json()).toMatchObject({ created: 3 });
    const rich = await t.pool.query('select name, golongan from employees where nip = any($1) order by nip', [
      [nips[0], nips[2]],
    ]);
    expect(rich.rows.map((r) => r.name).sort()).toEqual(['Rich Text', 'Rumus']);
  });

  it('stops an operator at the border of their OPD', async () => {
    const nips = freshNips(2);
    const csv = employeeCsv(nips).replace(
      `${nips[1]},Pegawai Uji 1,,S.E.,PNS,III/a,DISDUKCAPIL`,
      `${nips[1]},Pegawai Uji 1,,S.E.,PNS,III/a,BKPSDM`,
    );
    const before = await employeeCount();
    const res = await upload('/api/employees/import', opDukcapil, 'x.csv', csv);
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([
      { row: 3, column: 'kode_unit', message: expect.stringContaining('BKPSDM') },
    ]);
    expect(await employeeCount()).toBe(before);
    // An employee of another OPD cannot be pulled over by the operator either.
    const other = (
      await t.pool.query(
        `select e.nip from employees e join org_units u on u.id = e.unit_id where u.code = 'BKPSDM' limit 1`,
      )
    ).rows[0];
    if (other) {
      const steal = await upload('/api/employees/import', opDukcapil, 'y.csv', employeeCsv([other.nip]));
      expect(steal.statusCode).toBe(422);
      expect(steal.json().errors[0]).toMatchObject({ row: 2, column: 'nip' });
    }
  });

  it('previews without writing (dry run)', async () => {
    const nips = freshNips(4);
    const before = await employeeCount();
    const res = await upload('/api/employees/import?dryRun=true', admin, 'x.csv', employeeCsv(nips));
    expect(res.json()).toMatchObject({ created: 4, dryRun: true, totalRows: 4 });
    expect(await employeeCount()).toBe(before);
  });

  it('gives one clear error for whole-file problems', async () => {
    const missing = await upload('/api/employees/import', admin, 'x.csv', 'nip,nama\n199001012015011001,A\n');
    expect(missing.statusCode).toBe(422);
    expect(missing.json().errors).toEqual([
      { row: 1, column: 'status, kode_unit', message: expect.stringContaining('status, kode_unit') },
    ]);
    const empty = await upload('/api/employees/import', admin, 'x.csv', '');
    expect(empty.json().code).toBe('import.unreadable');
    const binary = await upload(
      '/api/employees/import',
      admin,
      'x.xlsx',
      Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 0, 0, 9]),
    );
    expect(binary.json().code).toBe('import.unreadable');
    const png = await upload(
      '/api/employees/import',
      admin,
      'x.png',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]),
    );
    expect(png.json().code).toBe('import.unreadable');
    const none = await t.app.inject({
      method: 'POST',
      url: '/api/employees/import',
      headers: { cookie: admin },
    });
    expect(none.statusCode).toBe(400);
    expect(none.json().code).toBe('import.fileMissing');
    const headerOnly = await upload(
      '/api/employees/import',
      admin,
      'x.csv',
      'nip,nama,status,kode_unit\n\n\n',
    );
    expect(headerOnly.statusCode).toBe(422);
    const pegawai = await t.login('pegawai.dukcapil');
    expect((await upload('/api/employees/import', pegawai, 'x.csv', 'nip')).statusCode).toBe(403);
  });

  it('imports 20,000 rows fast, and a re-import is all unchanged', async () => {
    const nips = freshNips(20_000);
    const csv = employeeCsv(nips);
    // Reference: a plain COPY of the same rows into the employees table, rolled back.
    const client = await t.pool.connect();
    const tenant = (await client.query('select id from tenants limit 1')).rows[0].id;
    const unit = (await client.query(`select id from org_units where code = 'DISDUKCAPIL'`)).rows[0].id;
    const lines = nips
      .map(
        (n, i) =>
          `${tenant}\t${n}\tPegawai Uji ${i}\t\\N\tS.E.\tPNS\tIII/a\tL\t1980-01-01\t2003-01\t${unit}\n`,
      )
      .join('');
    await client.query('begin');
    let t0 = performance.now();
    await pipeline(
      Readable.from([lines]),
      client.query(
        copyFrom(
          'copy employees (tenant_id, nip, name, front_title, back_title, status, golongan, gender, birth_date, appointment, unit_id) from stdin',
        ),
      ),
    );
    const copyMs = performance.now() - t0;
    await client.query('rollback');
    client.release();

    t0 = performance.now();
    const first = await upload('/api/employees/import', admin, 'big.csv', csv);
    const importMs = performance.now() - t0;
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ created: 20_000, totalRows: 20_000 });
    t0 = performance.now();
    const second = await upload('/api/employees/import', admin, 'big.csv', csv);
    const reimportMs = performance.now() - t0;
    expect(second.json()).toMatchObject({ created: 0, updated: 0, unchanged: 20_000 });
    console.log(
      `20k rows: import ${importMs.toFixed(0)} ms, re-import ${reimportMs.toFixed(0)} ms, plain COPY ${copyMs.toFixed(0)} ms (${((copyMs / importMs) * 100).toFixed(0)} %)`,
    );
  });

  it('runs in the background and reports progress', async () => {
    const nips = freshNips(300);
    const res = await upload('/api/employees/import?async=true', admin, 'bg.csv', employeeCsv(nips));
    expect(res.statusCode).toBe(202);
    const { jobId } = res.json();
    let job;
    for (let i = 0; i < 100; i++) {
      job = (await t.app.inject({ url: `/api/imports/${jobId}`, headers: { cookie: admin } })).json();
      if (job.status === 'succeeded' || job.status === 'failed') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(job).toMatchObject({ status: 'succeeded', phase: 'done', processedRows: 300, totalRows: 300 });
    expect(job.result).toMatchObject({ created: 300 });
    // Another user may not see it.
    const other = await t.app.inject({ url: `/api/imports/${jobId}`, headers: { cookie: opDukcapil } });
    expect(other.statusCode).toBe(404);
  });

  it('downloads the error table of a failed run', async () => {
    const [nip] = freshNips(1);
    const bad = await upload(
      '/api/employees/import?dryRun=true',
      admin,
      'x.csv',
      employeeCsv([nip!], { unit: 'NOPE' }),
    );
    const { jobId } = bad.json();
    const xlsx = await t.app.inject({ url: `/api/imports/${jobId}/errors.xlsx`, headers: { cookie: admin } });
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(2).values).toEqual([undefined, 2, 'kode_unit', expect.stringContaining('NOPE')]);
  });
});

describe('org-unit and position import', () => {
  it('builds paths for new units, parents later in the file, and moves', async () => {
    const csv = [
      'kode_unit,nama,jenis,kode_induk',
      'UJI-SEKSI,Seksi Uji,seksi,UJI-BIDANG',
      'UJI-BIDANG,Bidang Uji,bidang,DISDUKCAPIL',
    ].join('\n');
    const res = await upload('/api/org-units/import', admin, 'u.csv', csv);
    expect(res.json()).toMatchObject({ created: 2, updated: 0 });
    const path = async (code: string) =>
      (await t.pool.query('select id, path from org_units where code = $1', [code])).rows[0];
    const [dinas, bidang, seksi] = [
      await path('DISDUKCAPIL'),
      await path('UJI-BIDANG'),
      await path('UJI-SEKSI'),
    ];
    expect(bidang.path).toBe(`${dinas.path}${bidang.id}/`);
    expect(seksi.path).toBe(`${bidang.path}${seksi.id}/`);
    expect((await upload('/api/org-units/import', admin, 'u.csv', csv)).json()).toMatchObject({
      unchanged: 2,
    });

    const move = await upload(
      '/api/org-units/import',
      admin,
      'm.csv',
      'kode_unit,nama,jenis,kode_induk\nUJI-BIDANG,Bidang Uji,bidang,BKPSDM\n',
    );
    expect(move.json()).toMatchObject({ updated: 1 });
    const bkpsdm = await path('BKPSDM');
    expect((await path('UJI-SEKSI')).path).toBe(`${bkpsdm.path}${bidang.id}/${seksi.id}/`);

    const cycle = await upload(
      '/api/org-units/import',
      admin,
      'c.csv',
      'kode_unit,nama,jenis,kode_induk\nUJI-BIDANG,Bidang Uji,bidang,UJI-SEKSI\n',
    );
    expect(cycle.statusCode).toBe(422);
    expect(cycle.json().errors[0]).toMatchObject({ row: 2, column: 'kode_induk' });
    const op = await upload('/api/org-units/import', opDukcapil, 'c.csv', csv);
    expect(op.statusCode).toBe(403);
  });

  it('imports positions with level rules', async () => {
    const csv = [
      'kode_jabatan,nama,jenis,jenjang',
      'UJI-JF,Analis Uji Ahli Muda,Fungsional Keahlian,Ahli Muda',
      'UJI-PL,Pelaksana Uji,pelaksana,',
    ].join('\n');
    expect((await upload('/api/positions/import', admin, 'p.csv', csv)).json()).toMatchObject({ created: 2 });
    const bad = await upload(
      '/api/positions/import',
      admin,
      'p.csv',
      `${csv}\nUJI-X,Uji X,fungsional_keterampilan,\nUJI-Y,Uji Y,pelaksana,mahir\n`,
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
      [4, 'jenjang'],
      [5, 'jenjang'],
    ]);
  });
});
