import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';

/** "Not yet assessed" is counted apart from "below standard" in the heatmap, its drill-down and downloads. */
let t: TestApp;
let admin: string;
let disdukcapil: string;

type Cell = {
  unitId: string;
  competencyId: string;
  required: number;
  below: number;
  notAssessed: number;
  share: number;
};
type People = {
  total: number;
  below: number;
  notAssessed: number;
  items: { nip: string; required: number; current: number | null; gap: number }[];
};
const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: admin } });
const heatmap = async () =>
  ((await get(`/api/gaps/heatmap?unitId=${disdukcapil}`)).json() as { cells: Cell[] }).cells;
const xlsx = async (url: string) => {
  const res = await get(url);
  expect(res.statusCode).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return wb.worksheets[0]!;
};

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  const units = (await get('/api/org-units')).json() as { id: string; code: string }[];
  disdukcapil = units.find((u) => u.code === 'DISDUKCAPIL')!.id;
});
afterAll(async () => t?.close());

describe('not yet assessed, apart from below standard', () => {
  it('counts below standard among the assessed and the unassessed apart, with hand-computed figures', async () => {
    // A cell of 4 to 50 people where someone's standard is at least 2.
    let cell: Cell | undefined;
    let people: People | undefined;
    for (const c of (await heatmap()).filter((c) => c.required >= 4 && c.required <= 50)) {
      const p = (
        await get(`/api/gaps/people?unitId=${c.unitId}&competencyId=${c.competencyId}`)
      ).json() as People;
      if (p.items.length === c.required && p.items.some((i) => i.required >= 2)) {
        cell = c;
        people = p;
        break;
      }
    }
    expect(cell).toBeDefined();
    const n = cell!.required;
    // Hand-made levels: one person one below the standard, one at the standard, the rest never assessed.
    const short = people!.items.find((i) => i.required >= 2)!;
    const meets = people!.items.find((i) => i.nip !== short.nip)!;
    await t.db.execute(sql`delete from assessments where competency_id = ${cell!.competencyId}
      and employee_id in (select id from employees where nip in (${sql.join(
        people!.items.map((i) => sql`${i.nip}`),
        sql`, `,
      )}))`);
    for (const [nip, level] of [
      [short.nip, short.required - 1],
      [meets.nip, meets.required],
    ] as const)
      await t.db
        .execute(sql`insert into assessments (tenant_id, employee_id, competency_id, competency_version_id,
          source, level, assessed_on)
        select e.tenant_id, e.id, c.id, v.id, 'assessment_center', ${level}, current_date
        from employees e, competencies c join competency_versions v on v.competency_id = c.id and v.version = 1
        where e.nip = ${nip} and c.id = ${cell!.competencyId}`);

    // Heatmap: 1 below of 2 assessed = 50 %; n − 2 not assessed, not counted as below.
    const after = (await heatmap()).find(
      (c) => c.unitId === cell!.unitId && c.competencyId === cell!.competencyId,
    )!;
    expect(after).toMatchObject({ required: n, below: 1, notAssessed: n - 2, share: 0.5 });

    // Drill-down: the same figures; every unassessed person is listed with no current level.
    const q = `unitId=${cell!.unitId}&competencyId=${cell!.competencyId}`;
    const list = (await get(`/api/gaps/people?${q}`)).json() as People;
    expect(list).toMatchObject({ total: n, below: 1, notAssessed: n - 2 });
    expect(list.items.filter((i) => i.current === null)).toHaveLength(n - 2);
    expect(list.items.filter((i) => i.current !== null && i.current < i.required)).toHaveLength(1);

    // Heatmap download: the row of this cell says 1 below, 50 %, n − 2 not assessed.
    const sheet = await xlsx(`/api/gaps/heatmap.xlsx?unitId=${disdukcapil}`);
    expect(sheet.getRow(1).getCell(9).value).toBe('Belum dinilai (orang)');
    const comp = await t.db.execute<{ code: string }>(
      sql`select code from competencies where id = ${cell!.competencyId}`,
    );
    const unit = await t.db.execute<{ code: string }>(
      sql`select code from org_units where id = ${cell!.unitId}`,
    );
    const row = sheet
      .getRows(2, sheet.rowCount - 1)!
      .find((r) => r.getCell(1).value === unit.rows[0]!.code && r.getCell(4).value === comp.rows[0]!.code)!;
    expect([row.getCell(6).value, row.getCell(7).value, row.getCell(8).value, row.getCell(9).value]).toEqual([
      n,
      1,
      50,
      n - 2,
    ]);
    // People download: everyone, the unassessed marked "Belum dinilai".
    const ppl = await xlsx(`/api/gaps/people.xlsx?${q}`);
    expect(ppl.rowCount - 1).toBe(n);
    const currentCol = (ppl.getColumn(6).values as unknown[]).slice(2);
    expect(currentCol.filter((v) => v === 'Belum dinilai')).toHaveLength(n - 2);
  });

  it('a cell where nobody is assessed has no share below standard', async () => {
    const cells = await heatmap();
    for (const c of cells) {
      const assessed = c.required - c.notAssessed;
      expect(c.below).toBeLessThanOrEqual(assessed);
      if (assessed === 0) expect(c.share).toBe(0);
      else expect(c.share).toBe(Math.round((10_000 * c.below) / assessed) / 10_000);
    }
  });
});
