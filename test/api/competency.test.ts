import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
let admin: string;
let opDukcapil: string;
let pegawai: string;
const units: Record<string, string> = {};

type Item = {
  competencyId: string;
  code: string;
  required: number | null;
  current: number | null;
  source: string | null;
  gap: number | null;
  needsReview: boolean;
  bySource: Record<string, number>;
};
type Profile = { nip: string; positionId: string | null; jpm: number | null; items: Item[] };
type Cell = {
  unitId: string;
  competencyId: string;
  required: number;
  below: number;
  notAssessed: number;
  share: number;
};
type HeatmapBody = {
  unitId: string;
  units: { id: string; code: string; employees: number }[];
  competencies: { id: string; code: string }[];
  cells: Cell[];
};

async function get(url: string, cookie: string) {
  return t.app.inject({ method: 'GET', url, headers: { cookie } });
}

beforeAll(async () => {
  t = await createTestApp();
  [admin, opDukcapil, pegawai] = await Promise.all([
    t.login('admin'),
    t.login('operator.dukcapil'),
    t.login('pegawai.dukcapil'),
  ]);
  const list = (await get('/api/org-units', admin)).json() as { id: string; code: string }[];
  for (const u of list) units[u.code] = u.id;
});
afterAll(async () => t?.close());

describe('competency dictionary', () => {
  it('lists the 9 manajerial/sosial-kultural and 3 teknis competencies, 5 levels each', async () => {
    const res = await get('/api/competencies', pegawai);
    expect(res.statusCode).toBe(200);
    const list = res.json() as { code: string; group: string; version: number; levels: unknown[] }[];
    expect(list).toHaveLength(12);
    expect(list.map((c) => c.code)).toEqual([
      ...['M.1', 'M.2', 'M.3', 'M.4', 'M.5', 'M.6', 'M.7', 'M.8', 'SK.1'],
      ...['T.1', 'T.2', 'T.3'],
    ]);
    for (const c of list) {
      expect(c.version).toBe(1);
      expect(c.levels).toHaveLength(5);
      expect(c.levels.map((l) => (l as { level: number }).level)).toEqual([1, 2, 3, 4, 5]);
    }
  });
});

describe('competency profile', () => {
  it("shows a pegawai's own required levels from their position and a JPM in 0–100", async () => {
    const me = (await get('/api/auth/me', pegawai)).json() as { nip: string };
    const res = await get(`/api/employees/${me.nip}/competency-profile`, pegawai);
    expect(res.statusCode).toBe(200);
    const profile = res.json() as Profile;
    expect(profile.nip).toBe(me.nip);
    const standards = await t.db.execute<{ competency_id: string; required_level: number }>(
      sql`select competency_id, required_level from position_standards where position_id = ${profile.positionId}`,
    );
    expect(standards.rows.length).toBeGreaterThanOrEqual(10);
    for (const s of standards.rows) {
      expect(profile.items.find((i) => i.competencyId === s.competency_id)?.required).toBe(s.required_level);
    }
    expect(profile.jpm).not.toBeNull();
    expect(profile.jpm!).toBeGreaterThanOrEqual(0);
    expect(profile.jpm!).toBeLessThanOrEqual(100);
    for (const i of profile.items.filter((i) => i.required !== null)) {
      expect(i.gap).toBe(Math.max(0, i.required! - (i.current ?? 0)));
    }
  });

  it('flags a competency whose self and atasan levels are more than one apart', async () => {
    const me = (await get('/api/auth/me', pegawai)).json() as { nip: string };
    await t.db.execute(sql`
      insert into assessments (tenant_id, employee_id, competency_id, competency_version_id, source, level, assessed_on)
      select e.tenant_id, e.id, c.id, v.id, s.source, s.level, current_date
      from employees e join competencies c on c.tenant_id = e.tenant_id and c.code = 'M.3'
      join competency_versions v on v.competency_id = c.id and v.version = 1
      cross join (values ('self', 5), ('atasan', 2)) s(source, level)
      where e.nip = ${me.nip}`);
    const profile = (await get(`/api/employees/${me.nip}/competency-profile`, pegawai)).json() as Profile;
    const m3 = profile.items.find((i) => i.code === 'M.3')!;
    expect(m3).toMatchObject({ current: 2, source: 'atasan', needsReview: true });
    expect(m3.bySource).toMatchObject({ self: 5, atasan: 2 });
  });

  it('has disagreements in the seeded demo data', async () => {
    const res = await t.db.execute<{ n: number }>(sql`
      select count(*)::int as n from (
        select employee_id, competency_id from assessments where source in ('self', 'atasan')
        group by 1, 2 having max(level) filter (where source = 'self') - min(level) filter (where source = 'atasan') > 1
      ) x`);
    expect(res.rows[0]!.n).toBeGreaterThan(0);
  });

  it('answers 404 to an operator for an employee outside their OPD', async () => {
    const other = (await get(`/api/employees?unitId=${units.BKPSDM}&pageSize=1`, admin)).json() as {
      items: { nip: string }[];
    };
    const nip = other.items[0]!.nip;
    expect((await get(`/api/employees/${nip}/competency-profile`, admin)).statusCode).toBe(200);
    expect((await get(`/api/employees/${nip}/competency-profile`, opDukcapil)).statusCode).toBe(404);
  });
});

describe('gap heatmap', () => {
  it("refuses an operator the heatmap of another OPD's unit", async () => {
    expect((await get(`/api/gaps/heatmap?unitId=${units.BKPSDM}`, opDukcapil)).statusCode).toBe(403);
    expect((await get('/api/gaps/heatmap', opDukcapil)).json().unitId).toBe(units.DISDUKCAPIL);
  });

  it('aggregates the child units of Disdukcapil, matching the profiles of their employees', async () => {
    const res = await get(`/api/gaps/heatmap?unitId=${units.DISDUKCAPIL}`, opDukcapil);
    expect(res.statusCode).toBe(200);
    const map = res.json() as HeatmapBody;
    const children = (await get('/api/org-units', admin))
      .json()
      .filter((u: { parentId: string | null }) => u.parentId === units.DISDUKCAPIL)
      .map((u: { id: string }) => u.id);
    expect(map.units.map((u) => u.id).sort()).toEqual([...children].sort());
    expect(map.cells.length).toBeGreaterThan(0);
    for (const c of map.cells) {
      expect(c.below).toBeLessThanOrEqual(c.required);
      const assessed = c.required - c.notAssessed;
      expect(c.share).toBeCloseTo(assessed ? c.below / assessed : 0, 3);
    }

    // Hand check of one cell: the unit with most employees × M.1, from each employee's profile.
    const unit = [...map.units].sort((a, b) => b.employees - a.employees)[0]!;
    const m1 = map.competencies.find((c) => c.code === 'M.1')!;
    const staff = (await get(`/api/employees?unitId=${unit.id}&pageSize=200`, admin)).json() as {
      total: number;
      items: { nip: string }[];
    };
    expect(staff.total).toBe(unit.employees);
    let required = 0;
    let below = 0;
    let notAssessed = 0;
    for (const e of staff.items) {
      const p = (await get(`/api/employees/${e.nip}/competency-profile`, admin)).json() as Profile;
      const item = p.items.find((i) => i.competencyId === m1.id);
      if (item?.required == null) continue;
      required += 1;
      if (item.current === null) notAssessed += 1;
      else if (item.current < item.required) below += 1;
    }
    const cell = map.cells.find((c) => c.unitId === unit.id && c.competencyId === m1.id);
    expect(required).toBeGreaterThan(0);
    expect(cell).toMatchObject({ required, below, notAssessed });
  });
});
