import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart } from '../../src/server/modules/imports/testkit.js';
import { createTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
let admin: string;
let operator: string;
let pegawai: string;
let pimpinan: string;

type Competency = { id: string; code: string; version: number; levels: { level: number; title: string }[] };
type MatrixBody = {
  total: number;
  competencies: { id: string; code: string }[];
  positions: { id: string; code: string; type: string; levels: Record<string, number> }[];
};

const inject = (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, cookie: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

const upload = (url: string, cookie: string, fileName: string, content: Buffer | string) => {
  const m = multipart(fileName, content);
  return t.app.inject({ method: 'POST', url, payload: m.payload, headers: { ...m.headers, cookie } });
};

const levels = (prefix: string) =>
  [1, 2, 3, 4, 5].map((n) => ({
    title: `${prefix} level ${n}`,
    description: `Deskripsi ${prefix} ${n}`,
    indicators: [`Indikator ${n}a`, '', `Indikator ${n}b`],
  }));

async function standardsSnapshot(): Promise<string> {
  const r = await t.pool.query<{ s: string }>(
    `select coalesce(string_agg(position_id || ':' || competency_id || ':' || required_level, ','
      order by position_id, competency_id), '') as s from position_standards`,
  );
  return r.rows[0]!.s;
}

async function dictionarySnapshot(): Promise<string> {
  const r = await t.pool.query<{ s: string }>(
    `select string_agg(competency_id || ':' || version, ',' order by competency_id, version) as s
     from competency_versions`,
  );
  return r.rows[0]!.s;
}

beforeAll(async () => {
  t = await createTestApp();
  [admin, operator, pegawai, pimpinan] = await Promise.all([
    t.login('admin'),
    t.login('operator.dukcapil'),
    t.login('pegawai.dukcapil'),
    t.login('pimpinan'),
  ]);
});
afterAll(async () => t?.close());

describe('dictionary', () => {
  it('creates a competency with five levels; blank indicators are dropped', async () => {
    const res = await inject('POST', '/api/competencies', admin, {
      code: 'T.9',
      group: 'T',
      name: 'Pengelolaan Arsip Digital',
      definition: 'Kemampuan mengelola arsip dinamis secara elektronik.',
      levels: levels('Arsip'),
    });
    expect(res.statusCode).toBe(201);
    const body = res.json() as Competency & { active: boolean };
    expect(body).toMatchObject({ code: 'T.9', version: 1, active: true });
    expect(body.levels.map((l) => l.level)).toEqual([1, 2, 3, 4, 5]);
    expect((body.levels[0] as unknown as { indicators: string[] }).indicators).toEqual([
      'Indikator 1a',
      'Indikator 1b',
    ]);
    const list = (await inject('GET', '/api/competencies', pegawai)).json() as Competency[];
    expect(list.map((c) => c.code)).toContain('T.9');

    const again = await inject('POST', '/api/competencies', admin, {
      code: 't.9',
      group: 'T',
      name: 'Lagi',
      definition: 'Lagi.',
      levels: levels('X'),
    });
    expect(again.statusCode).toBe(409);
  });

  it('names the field of a validation error (levels[2].title) and saves nothing', async () => {
    const bad = levels('Bad');
    bad[2]!.title = '   ';
    const before = await dictionarySnapshot();
    const res = await inject('POST', '/api/competencies', admin, {
      code: 'T.10',
      group: 'T',
      name: 'Uji',
      definition: 'Uji.',
      levels: bad,
    });
    expect(res.statusCode).toBe(422);
    const fields = (res.json() as { errors: { field: string }[] }).errors.map((e) => e.field);
    expect(fields).toContain('body.levels.2.title');
    expect(await dictionarySnapshot()).toBe(before);

    const four = await inject('POST', '/api/competencies', admin, {
      code: 'T.10',
      group: 'T',
      name: 'Uji',
      definition: 'Uji.',
      levels: levels('Four').slice(0, 4),
    });
    expect(four.statusCode).toBe(422);
    expect((four.json() as { errors: { field: string }[] }).errors[0]!.field).toBe('body.levels');
  });

  it('an edit makes version 2; past assessments keep version 1; a no-op edit makes no version', async () => {
    const list = (await inject('GET', '/api/competencies', admin)).json() as (Competency & {
      name: string;
      definition: string;
      levels: { title: string; description: string; indicators: string[] }[];
    })[];
    const m1 = list.find((c) => c.code === 'M.1')!;
    const old = await t.pool.query<{ id: string; competency_version_id: string }>(
      'select id, competency_version_id from assessments where competency_id = $1 limit 5',
      [m1.id],
    );
    expect(old.rows.length).toBeGreaterThan(0);

    const same = await inject('PUT', `/api/competencies/${m1.id}`, admin, {
      name: m1.name,
      definition: m1.definition,
      levels: m1.levels,
    });
    expect(same.statusCode).toBe(200);
    expect(same.json()).toMatchObject({ changed: false, competency: { version: 1 } });

    const edited = await inject('PUT', `/api/competencies/${m1.id}`, admin, {
      name: m1.name,
      definition: `${m1.definition} Termasuk menjaga kerahasiaan data.`,
      levels: m1.levels,
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ changed: true, competency: { version: 2 } });

    const now = (await inject('GET', '/api/competencies', pegawai)).json() as Competency[];
    expect(now.find((c) => c.code === 'M.1')!.version).toBe(2);
    const versions = (await inject('GET', `/api/competencies/${m1.id}/versions`, pegawai)).json() as {
      version: number;
      assessments: number;
    }[];
    expect(versions.map((v) => v.version)).toEqual([2, 1]);
    expect(versions[0]!.assessments).toBe(0);
    expect(versions[1]!.assessments).toBeGreaterThan(0);
    const after = await t.pool.query<{ id: string; competency_version_id: string }>(
      'select id, competency_version_id from assessments where id = any($1::uuid[])',
      [old.rows.map((r) => r.id)],
    );
    const was = new Map(old.rows.map((r) => [r.id, r.competency_version_id]));
    for (const r of after.rows) expect(r.competency_version_id).toBe(was.get(r.id));

    const audit = await t.pool.query(
      `select 1 from audit_log where entity = 'competency' and action = 'update' and entity_id = $1`,
      [m1.id],
    );
    expect(audit.rows).toHaveLength(1);
  });

  it('deactivates and reactivates a competency', async () => {
    const list = (await inject('GET', '/api/competencies', admin)).json() as Competency[];
    const t3 = list.find((c) => c.code === 'T.3')!;
    const off = await inject('PATCH', `/api/competencies/${t3.id}`, admin, { active: false });
    expect(off.json()).toMatchObject({ active: false });
    expect(
      ((await inject('GET', '/api/competencies', pegawai)).json() as Competency[]).map((c) => c.code),
    ).not.toContain('T.3');
    const on = await inject('PATCH', `/api/competencies/${t3.id}`, admin, { active: true });
    expect(on.json()).toMatchObject({ active: true });
  });

  it('operator, pegawai and pimpinan cannot write the dictionary or standards (403)', async () => {
    const list = (await inject('GET', '/api/competencies', admin)).json() as Competency[];
    const id = list[0]!.id;
    for (const who of [operator, pegawai, pimpinan]) {
      const body = { code: 'T.99', group: 'T', name: 'x', definition: 'x', levels: levels('x') };
      expect((await inject('POST', '/api/competencies', who, body)).statusCode).toBe(403);
      expect((await inject('PUT', `/api/competencies/${id}`, who, body)).statusCode).toBe(403);
      expect((await inject('PATCH', `/api/competencies/${id}`, who, { active: false })).statusCode).toBe(403);
      expect((await inject('PUT', '/api/position-standards', who, { changes: [] })).statusCode).toBe(403);
      expect(
        (
          await inject('POST', '/api/competency-templates/apply', who, {
            positionType: 'pengawas',
            mode: 'overwrite',
          })
        ).statusCode,
      ).toBe(403);
    }
    expect((await inject('GET', '/api/position-standards', pegawai)).statusCode).toBe(403);
    for (const who of [operator, pimpinan]) {
      expect((await inject('GET', '/api/competency-templates', who)).statusCode).toBe(200);
      expect((await inject('GET', '/api/position-standards.xlsx', who)).statusCode).toBe(200);
      const put = await inject('PUT', '/api/competency-templates', who, {
        positionType: 'pengawas',
        cells: [],
      });
      expect(put.statusCode).toBe(403);
    }
    expect((await inject('GET', '/api/competencies/moodle.csv', operator)).statusCode).toBe(403);
  });
});

describe('standards', () => {
  it('templates: class defaults as a suggestion, then a stored template applied with counts', async () => {
    const list = (await inject('GET', '/api/competency-templates', admin)).json() as {
      positionType: string;
      positionLevel: string;
      stored: boolean;
      positions: number;
      cells: { competencyId: string; requiredLevel: number }[];
    }[];
    const pengawas = list.find((x) => x.positionType === 'pengawas' && x.positionLevel === '')!;
    expect(pengawas.stored).toBe(false);
    expect(pengawas.positions).toBeGreaterThan(0);
    expect(new Set(pengawas.cells.map((c) => c.requiredLevel))).toEqual(new Set([2]));

    const cells = pengawas.cells.map((c) => ({ ...c, requiredLevel: 3 }));
    const put = await inject('PUT', '/api/competency-templates', admin, { positionType: 'pengawas', cells });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ stored: true });

    const fill = await inject('POST', '/api/competency-templates/apply', admin, {
      positionType: 'pengawas',
      mode: 'fill_missing',
    });
    expect(fill.statusCode).toBe(200);
    // Seeded standards already hold every M/SK cell at level 2: nothing missing, nothing overwritten.
    expect(fill.json()).toEqual({
      positions: pengawas.positions,
      inserted: 0,
      updated: 0,
      unchanged: pengawas.positions * cells.length,
      source: 'stored',
    });
    const over = await inject('POST', '/api/competency-templates/apply', admin, {
      positionType: 'pengawas',
      mode: 'overwrite',
    });
    expect(over.json()).toEqual({
      positions: pengawas.positions,
      inserted: 0,
      updated: pengawas.positions * cells.length,
      unchanged: 0,
      source: 'stored',
    });
    const m = (
      await inject('GET', '/api/position-standards?positionType=pengawas&pageSize=200', admin)
    ).json() as MatrixBody;
    for (const p of m.positions) for (const c of cells) expect(p.levels[c.competencyId]).toBe(3);
    const audited = await t.pool.query(`select 1 from audit_log where entity = 'position_standards'`);
    expect(audited.rows.length).toBeGreaterThanOrEqual(2);
  });

  it('matrix: paged and filtered; operators see the positions held in their OPD', async () => {
    const all = (await inject('GET', '/api/position-standards?pageSize=10', admin)).json() as MatrixBody;
    expect(all.positions).toHaveLength(10);
    expect(all.total).toBeGreaterThan(10);
    expect(all.competencies.length).toBeGreaterThanOrEqual(12);
    const op = await inject('GET', '/api/position-standards?pageSize=200', operator);
    expect(op.statusCode).toBe(200);
    const opBody = op.json() as MatrixBody;
    expect(opBody.total).toBeGreaterThan(0);
    expect(opBody.total).toBeLessThan(all.total);
    const q = (
      await inject('GET', `/api/position-standards?q=${encodeURIComponent(all.positions[0]!.code)}`, admin)
    ).json() as MatrixBody;
    expect(q.positions.map((p) => p.code)).toContain(all.positions[0]!.code);
    // LIKE wildcards in the search are plain characters.
    const pct = (await inject('GET', '/api/position-standards?q=%25', admin)).json() as MatrixBody;
    expect(pct.total).toBe(0);
  });

  it('a batch with one bad cell changes nothing; a good batch sets and removes cells', async () => {
    const m = (await inject('GET', '/api/position-standards?pageSize=2', admin)).json() as MatrixBody;
    const [p1, p2] = m.positions;
    const [c1, c2] = m.competencies;
    const before = await standardsSnapshot();
    const bad = await inject('PUT', '/api/position-standards', admin, {
      changes: [
        { positionId: p1!.id, competencyId: c1!.id, requiredLevel: 5 },
        { positionId: p2!.id, competencyId: c2!.id, requiredLevel: 7 },
      ],
    });
    expect(bad.statusCode).toBe(422);
    expect((bad.json() as { errors: { field: string }[] }).errors[0]!.field).toBe(
      'body.changes.1.requiredLevel',
    );
    const unknown = await inject('PUT', '/api/position-standards', admin, {
      changes: [
        { positionId: p1!.id, competencyId: c1!.id, requiredLevel: 5 },
        { positionId: crypto.randomUUID(), competencyId: c2!.id, requiredLevel: 2 },
      ],
    });
    expect(unknown.statusCode).toBe(422);
    expect((unknown.json() as { errors: { field: string }[] }).errors[0]!.field).toBe(
      'body.changes.1.positionId',
    );
    expect(await standardsSnapshot()).toBe(before);

    const had = p2!.levels[c2!.id];
    const ok = await inject('PUT', '/api/position-standards', admin, {
      changes: [
        { positionId: p1!.id, competencyId: c1!.id, requiredLevel: p1!.levels[c1!.id] === 5 ? 4 : 5 },
        { positionId: p2!.id, competencyId: c2!.id, requiredLevel: null },
      ],
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ removed: had === undefined ? 0 : 1 });
    const after = (await inject('GET', '/api/position-standards?pageSize=2', admin)).json() as MatrixBody;
    expect(after.positions[1]!.levels[c2!.id]).toBeUndefined();
  });

  it('XLSX: export then import unchanged changes nothing; a bad row is 422 with row and column', async () => {
    const res = await inject('GET', '/api/position-standards.xlsx', admin);
    expect(res.statusCode).toBe(200);
    const file = res.rawPayload;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Standar', 'Petunjuk']);
    const ws = wb.getWorksheet('Standar')!;
    const header = (ws.getRow(1).values as string[]).slice(1);
    expect(header.slice(0, 5)).toEqual(['kode_jabatan', 'nama_jabatan', 'jenis', 'jenjang', 'M.1']);

    const before = await standardsSnapshot();
    const dry = await upload('/api/position-standards/import?dryRun=true', admin, 'standar.xlsx', file);
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({ dryRun: true, inserted: 0, updated: 0, removed: 0, errors: [] });
    const commit = await upload('/api/position-standards/import', admin, 'standar.xlsx', file);
    expect(commit.json()).toMatchObject({ dryRun: false, inserted: 0, updated: 0, removed: 0 });
    expect(await standardsSnapshot()).toBe(before);

    // One change that would be valid, and three errors: level 9, unknown position, unknown column.
    ws.getRow(2).getCell(5).value = ws.getRow(2).getCell(5).value === 1 ? 2 : 1;
    ws.getRow(3).getCell(6).value = 9;
    ws.getRow(4).getCell(1).value = 'TIDAK-ADA';
    ws.getRow(1).getCell(header.length + 1).value = 'X.77';
    const broken = Buffer.from(await wb.xlsx.writeBuffer());
    const bad = await upload('/api/position-standards/import', admin, 'standar.xlsx', broken);
    expect(bad.statusCode).toBe(422);
    const body = bad.json() as { code: string; errors: { row: number; column: string; message: string }[] };
    expect(body.code).toBe('import.invalid');
    expect(body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 1, column: 'X.77' }),
        expect.objectContaining({ row: 3, column: header[5] }),
        expect.objectContaining({ row: 4, column: 'kode_jabatan' }),
      ]),
    );
    expect(await standardsSnapshot()).toBe(before);
  });
});

describe('Moodle interchange', () => {
  it('export then import is "no change"', async () => {
    const res = await inject('GET', '/api/competencies/moodle.csv', admin);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.body.split('\n')[0]).toContain('Parent ID number');
    const before = await dictionarySnapshot();
    const dry = await upload('/api/competencies/moodle?dryRun=true', admin, 'kamus.csv', res.body);
    expect(dry.statusCode).toBe(200);
    const list = (await inject('GET', '/api/competencies', admin)).json() as Competency[];
    expect(dry.json()).toMatchObject({ created: [], newVersions: [], dropped: [] });
    expect((dry.json() as { unchanged: string[] }).unchanged).toHaveLength(list.length);
    const commit = await upload('/api/competencies/moodle', admin, 'kamus.csv', res.body);
    expect(commit.json()).toMatchObject({ dryRun: false, created: [], newVersions: [] });
    expect(await dictionarySnapshot()).toBe(before);

    // A competency moved to another group in Moodle keeps its group in Asah, and the preview says so.
    const moved = res.body.replace(/\nM,M\.1,/, '\nT,M.1,');
    expect(moved).not.toBe(res.body);
    const movedDry = await upload('/api/competencies/moodle?dryRun=true', admin, 'kamus.csv', moved);
    expect(movedDry.json()).toMatchObject({ created: [], newVersions: [] });
    expect((movedDry.json() as { dropped: string[] }).dropped).toEqual([
      expect.stringMatching(/^M\.1: kelompok T tidak diterapkan/),
    ]);
  });

  it('imports a multi-level framework made in Moodle, with HTML descriptions and a \\" inside a field', async () => {
    const csv = [
      '"Parent ID number","ID number","Short name",Description,"Description format","Scale values","Scale configuration","Rule type (optional)","Rule outcome (optional)","Rule config (optional)","Cross-referenced competency ID numbers","Exported ID (optional)","Is framework",Taxonomy',
      ',PUSKESMAS-2026,"Kompetensi Puskesmas","<p>Kerangka dari Moodle</p>",1,"Belum,Kompeten","[{""scaleid"":""2""},{""id"":1,""scaledefault"":1,""proficient"":0},{""id"":2,""scaledefault"":0,""proficient"":1}]",,,,,,1,"domain,competency,level"',
      ',T,"Kompetensi Teknis",,1,,,,0,null,,10,,',
      'T,KES.1,"Pelayanan Kesehatan Dasar","<p>Melayani pasien <strong>rawat jalan</strong>,',
      'sesuai standar.</p>",1,,,,0,null,,11,,',
      'KES.1,KES.1-L1,"Level 1 — Mengenali","<p>Mengenali layanan dasar.</p><ul><li>Menjelaskan alur</li></ul>",1,,,,0,null,KES.1-L2,12,,',
      'KES.1,KES.1-L2,"Level 2 — Melaksanakan","<p class=\\"lead\\">Melaksanakan layanan, mandiri.</p><ul><li>Mencatat rekam medis</li><li>Merujuk pasien</li></ul>",1,,,,0,null,"KES.1-L1,KES.1-L3",13,,',
      'KES.1,KES.1-L3,"Level 3 — Membimbing","<p>Membimbing rekan.</p>",1,,,,0,null,KES.1-L2,14,,',
      '',
    ].join('\r\n');
    const before = await dictionarySnapshot();
    const dry = await upload('/api/competencies/moodle?dryRun=true', admin, 'moodle.csv', csv);
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({ dryRun: true, created: ['KES.1'], newVersions: [] });
    expect(await dictionarySnapshot()).toBe(before);

    const res = await upload('/api/competencies/moodle', admin, 'moodle.csv', csv);
    expect(res.statusCode).toBe(200);
    const list = (await inject('GET', '/api/competencies', admin)).json() as (Competency & {
      group: string;
      definition: string;
      levels: { level: number; title: string; description: string; indicators: string[] }[];
    })[];
    const kes = list.find((c) => c.code === 'KES.1')!;
    expect(kes).toMatchObject({ group: 'T', definition: 'Melayani pasien rawat jalan, sesuai standar.' });
    expect(kes.levels.map((l) => [l.level, l.title])).toEqual([
      [1, 'Mengenali'],
      [2, 'Melaksanakan'],
      [3, 'Membimbing'],
    ]);
    expect(kes.levels[1]).toMatchObject({
      description: 'Melaksanakan layanan, mandiri.',
      indicators: ['Mencatat rekam medis', 'Merujuk pasien'],
    });
    const audited = await t.pool.query(
      `select 1 from audit_log where entity = 'competency' and action = 'import'`,
    );
    expect(audited.rows).toHaveLength(1);
  });

  it('a broken Moodle file is 422 with row and column, and nothing is saved', async () => {
    const csv = [
      'a,b,c,d,e,f,g,h,i,j,k,l,m,n',
      ',FW,Kerangka,,1,"A,B","[{""scaleid"":1},{""id"":1,""scaledefault"":1,""proficient"":0},{""id"":2,""scaledefault"":0,""proficient"":1}]",,,,,,1,competency',
      'NOPE,X.1,"Satu",,1,,,,0,null,,,,',
    ].join('\n');
    const before = await dictionarySnapshot();
    const res = await upload('/api/competencies/moodle', admin, 'moodle.csv', csv);
    expect(res.statusCode).toBe(422);
    expect((res.json() as { errors: unknown[] }).errors).toEqual([
      { row: 3, column: 'Parent ID number', message: 'Induk "NOPE" tidak ditemukan.' },
    ]);
    expect(await dictionarySnapshot()).toBe(before);
  });
});
