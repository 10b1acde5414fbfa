import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
let admin: string;
let opDukcapil: string;
let pimpinan: string;
let pegawaiNip: string;
const units: Record<string, string> = {};

type Cell = { unitId: string; competencyId: string; required: number; below: number; notAssessed: number };
type Person = { nip: string; required: number; current: number | null; gap: number };
type People = { total: number; below: number; notAssessed: number; items: Person[] };
type NineBoxBody = {
  year: number;
  employees: number;
  placed: number;
  cutoffs: { performance: number[]; potential: number[] };
  boxes: { box: number; count: number; succession: boolean }[];
  incomplete: { count: number; byReason: Record<string, number> };
  selection: {
    total: number;
    people: { nip: string; box: number | null; potential: number | null }[];
  } | null;
};

const get = (url: string, cookie: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
const put = (url: string, cookie: string, payload: unknown) =>
  t.app.inject({ method: 'PUT', url, headers: { cookie }, payload: payload as object });

/** Sets the pegawai's assessment-centre level for every competency, dated today. */
async function assessAll(nip: string, level: (code: string) => number) {
  const comps = await t.db.execute<{ id: string; code: string; version_id: string }>(
    sql`select c.id, c.code, v.id as version_id from competencies c
      join competency_versions v on v.competency_id = c.id and v.version = 1 where c.active`,
  );
  for (const c of comps.rows)
    await t.db
      .execute(sql`insert into assessments (tenant_id, employee_id, competency_id, competency_version_id,
        source, level, assessed_on)
      select e.tenant_id, e.id, ${c.id}, ${c.version_id}, 'assessment_center', ${level(c.code)}, current_date
      from employees e where e.nip = ${nip}`);
  return comps.rows;
}

beforeAll(async () => {
  t = await createTestApp();
  [admin, opDukcapil, pimpinan] = await Promise.all([
    t.login('admin'),
    t.login('operator.dukcapil'),
    t.login('pimpinan'),
  ]);
  const list = (await get('/api/org-units', admin)).json() as { id: string; code: string }[];
  for (const u of list) units[u.code] = u.id;
  pegawaiNip = ((await get('/api/auth/me', await t.login('pegawai.dukcapil'))).json() as { nip: string }).nip;
});
afterAll(async () => t?.close());

describe('gap drill-down and downloads', () => {
  it('lists exactly the people of a heatmap cell, widest gap first', async () => {
    const map = (await get(`/api/gaps/heatmap?unitId=${units.DISDUKCAPIL}`, admin)).json() as {
      cells: Cell[];
    };
    const cells = map.cells.filter((c) => c.below > 0 && c.required <= 50);
    expect(cells.length).toBeGreaterThan(0);
    for (const cell of cells.slice(0, 4)) {
      const res = await get(
        `/api/gaps/people?unitId=${cell.unitId}&competencyId=${cell.competencyId}`,
        admin,
      );
      expect(res.statusCode).toBe(200);
      const body = res.json() as People;
      expect(body.total).toBe(cell.required);
      expect(body.below).toBe(cell.below);
      expect(body.items).toHaveLength(cell.required);
      expect(body.notAssessed).toBe(cell.notAssessed);
      expect(body.items.filter((p) => p.current !== null && p.gap > 0)).toHaveLength(cell.below);
      expect(body.items.filter((p) => p.current === null)).toHaveLength(cell.notAssessed);
      const gaps = body.items.map((p) => p.gap);
      expect(gaps).toEqual([...gaps].sort((a, b) => b - a));
      for (const p of body.items) expect(p.gap).toBe(Math.max(0, p.required - (p.current ?? 0)));
    }
  });

  it('refuses an operator a unit outside their OPD', async () => {
    const map = (await get(`/api/gaps/heatmap?unitId=${units.BKPSDM}`, admin)).json() as { cells: Cell[] };
    const cell = map.cells[0]!;
    const q = `unitId=${cell.unitId}&competencyId=${cell.competencyId}`;
    expect((await get(`/api/gaps/people?${q}`, opDukcapil)).statusCode).toBe(403);
    expect((await get(`/api/gaps/people.xlsx?${q}`, opDukcapil)).statusCode).toBe(403);
    expect((await get(`/api/gaps/heatmap.xlsx?unitId=${units.BKPSDM}`, opDukcapil)).statusCode).toBe(403);
    expect((await get(`/api/talent/nine-box?unitId=${units.BKPSDM}`, opDukcapil)).statusCode).toBe(403);
  });

  it('downloads the heatmap and a cell as XLSX with a Petunjuk sheet', async () => {
    const map = (await get(`/api/gaps/heatmap?unitId=${units.DISDUKCAPIL}`, admin)).json() as {
      cells: Cell[];
    };
    const res = await get(`/api/gaps/heatmap.xlsx?unitId=${units.DISDUKCAPIL}`, opDukcapil);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Peta kesenjangan', 'Petunjuk']);
    const sheet = wb.worksheets[0]!;
    expect(sheet.rowCount - 1).toBe(map.cells.filter((c) => c.required > 0).length);
    const below = sheet.getColumn(7).values.slice(2) as number[];
    expect(below.reduce((s, v) => s + v, 0)).toBe(map.cells.reduce((s, c) => s + c.below, 0));

    const cell = map.cells.find((c) => c.below > 0)!;
    const people = await get(
      `/api/gaps/people.xlsx?unitId=${cell.unitId}&competencyId=${cell.competencyId}`,
      admin,
    );
    expect(people.statusCode).toBe(200);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(people.rawPayload as unknown as ArrayBuffer);
    expect(wb2.worksheets[0]!.rowCount - 1).toBe(cell.required);
    expect(wb2.worksheets[1]!.name).toBe('Petunjuk');
  });
});

describe('target position', () => {
  it('computes the JPM against another position from the current levels', async () => {
    await assessAll(pegawaiNip, () => 2);
    const target = await t.db.execute<{ id: string; name: string }>(sql`
      select p.id, p.name from positions p join employees e on e.nip = ${pegawaiNip}
      where p.id <> e.position_id and exists (select 1 from position_standards ps where ps.position_id = p.id and ps.required_level >= 3)
      order by p.name limit 1`);
    const pos = target.rows[0]!;
    const std = await t.db.execute<{ competency_id: string; required_level: number }>(
      sql`select competency_id, required_level from position_standards where position_id = ${pos.id}`,
    );
    const total = std.rows.reduce((s, r) => s + r.required_level, 0);
    const met = std.rows.reduce((s, r) => s + Math.min(r.required_level, 2), 0);
    const res = await get(
      `/api/employees/${pegawaiNip}/competency-profile?targetPositionId=${pos.id}`,
      admin,
    );
    expect(res.statusCode).toBe(200);
    const body = res.json() as {
      jpm: number;
      items: unknown[];
      target: {
        positionName: string;
        jpm: number;
        items: { required: number; current: number; gap: number }[];
      };
    };
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.target.positionName).toBe(pos.name);
    expect(body.target.jpm).toBe(Math.round((1000 * met) / total) / 10);
    expect(body.target.items).toHaveLength(std.rows.length);
    for (const i of body.target.items) expect(i.gap).toBe(Math.max(0, i.required - 2));
    const plain = (await get(`/api/employees/${pegawaiNip}/competency-profile`, admin)).json() as object;
    expect('target' in plain).toBe(false);
  });
});

describe('SKP performance ratings', () => {
  it('names the wrong field and writes nothing', async () => {
    const res = await put(`/api/employees/${pegawaiNip}/performance/2025`, admin, { score: 250 });
    expect(res.statusCode).toBe(422);
    expect((res.json().errors as { field: string }[]).map((e) => e.field)).toContain('body.score');
    const bad = await put(`/api/employees/${pegawaiNip}/performance/2025`, admin, {
      score: 100,
      predikat: 'hebat',
    });
    expect(bad.statusCode).toBe(422);
    expect((bad.json().errors as { field: string }[]).map((e) => e.field)).toContain('body.predikat');
  });

  it('an operator rates within their OPD only, and the rating is audited', async () => {
    const res = await put(`/api/employees/${pegawaiNip}/performance/2024`, opDukcapil, {
      score: 104.5,
      predikat: 'baik',
    });
    expect(res.statusCode).toBe(200);
    const list = (await get(`/api/employees/${pegawaiNip}/performance`, pimpinan)).json() as {
      year: number;
      score: number;
    }[];
    expect(list.find((r) => r.year === 2024)?.score).toBe(104.5);
    const audited = await t.db.execute(sql`select 1 from audit_log where entity = 'performance_rating'`);
    expect(audited.rows.length).toBeGreaterThan(0);
    const outsider = await t.db.execute<{
      nip: string;
    }>(sql`select e.nip from employees e join org_units u on u.id = e.unit_id
      where u.path like '%/' || ${units.BKPSDM} || '/%' limit 1`);
    const out = await put(`/api/employees/${outsider.rows[0]!.nip}/performance/2024`, opDukcapil, {
      score: 100,
    });
    expect(out.statusCode).toBe(404);
  });
});

describe('talent 9-box', () => {
  it('counts add up, a hand-placed employee lands in the expected box, and cut-offs move them', async () => {
    await assessAll(pegawaiNip, () => 5);
    const year = 2023;
    expect(
      (await put(`/api/employees/${pegawaiNip}/performance/${year}`, admin, { score: 120 })).statusCode,
    ).toBe(200);
    const url = `/api/talent/nine-box?unitId=${units.DISDUKCAPIL}&year=${year}`;
    const view = (await get(url, pimpinan)).json() as NineBoxBody;
    expect(view.cutoffs).toEqual({ performance: [90, 110], potential: [68, 80] });
    expect(view.boxes.reduce((s, b) => s + b.count, 0)).toBe(view.placed);
    expect(view.placed + view.incomplete.count).toBe(view.employees);
    const rated = await t.db.execute<{ n: number }>(sql`select count(*)::int as n from performance_ratings pr
      join employees e on e.id = pr.employee_id join org_units u on u.id = e.unit_id
      where pr.year = ${year} and e.active and u.path like '%/' || ${units.DISDUKCAPIL} || '/%'`);
    expect(view.employees - view.incomplete.byReason.noPerformance!).toBe(rated.rows[0]!.n);
    expect(view.boxes.filter((b) => b.succession).map((b) => b.box)).toEqual([7, 8, 9]);

    const box9 = (await get(`${url}&box=9`, pimpinan)).json() as NineBoxBody;
    expect(box9.selection!.people.map((p) => p.nip)).toContain(pegawaiNip);
    expect(box9.selection!.people.find((p) => p.nip === pegawaiNip)!.potential).toBe(100);

    const bad = await put('/api/talent/settings', admin, { performance: [130, 120], potential: [68, 80] });
    expect(bad.statusCode).toBe(422);
    expect(
      (await put('/api/talent/settings', pimpinan, { performance: [130, 150], potential: [68, 80] }))
        .statusCode,
    ).toBe(403);
    const ok = await put('/api/talent/settings', admin, { performance: [130, 150], potential: [68, 80] });
    expect(ok.statusCode).toBe(200);
    const box6 = (await get(`${url}&box=6`, pimpinan)).json() as NineBoxBody;
    expect(box6.cutoffs.performance).toEqual([130, 150]);
    expect(box6.selection!.people.map((p) => p.nip)).toContain(pegawaiNip);
    expect((await get('/api/talent/settings', pimpinan)).json()).toEqual({
      performance: [130, 150],
      potential: [68, 80],
    });
  });
});
