import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';

// Figures kept for 30 s: long enough that only a write can make them change within this test.
let t: TestApp;
let admin: string;
let pimpinan: string;
let opDukcapil: string;
const YEAR = 2032;
beforeAll(async () => {
  t = await createTestApp({ REPORT_CACHE_SECONDS: '30' });
  [admin, pimpinan, opDukcapil] = await Promise.all([
    t.login('admin'),
    t.login('pimpinan'),
    t.login('operator.dukcapil'),
  ]);
});
afterAll(async () => t?.close());

const get = (url: string, cookie: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
const jp = async (cookie: string, unit = '') =>
  (await get(`/api/reports/jp-compliance?year=${YEAR}${unit}`, cookie)).json() as {
    unit: { id: string; parent: unknown };
    total: { employees: number; compliant: number; averageJp: number };
    units: { unitId: string; employees: number; compliant: number }[];
  };
const heatmap = async (cookie: string) => (await get('/api/gaps/heatmap', cookie)).json() as object;

/** Every active employee of the tenant gets `jp` learning hours in YEAR, straight in the database. */
async function giveEveryoneJp(jpHours: number) {
  await t.db.execute(sql`
    insert into learning_records (tenant_id, employee_id, source, title, form, scope, starts_on, ends_on, year, jp)
    select e.tenant_id, e.id, 'import', 'Kegiatan uji', 'B7', 'nasional', make_date(${YEAR}::int, 3, 1),
      make_date(${YEAR}::int, 3, 2), ${YEAR}, ${jpHours}
    from employees e where e.active`);
}

describe('whole-unit report figures shared for a few seconds', () => {
  it('are identical when shared, the same for admin and pimpinan, and never cross into an OPD', async () => {
    const [a1, a2, p1] = await Promise.all([jp(admin), jp(admin), jp(pimpinan)]);
    expect(a2).toEqual(a1);
    expect(p1.total).toEqual(a1.total);
    expect(p1.units).toEqual(a1.units);
    const [h1, h2, hp] = await Promise.all([heatmap(admin), heatmap(admin), heatmap(pimpinan)]);
    expect(h2).toEqual(h1);
    expect(hp).toEqual(h1);

    // The operator gets their own OPD's figures, not the whole instansi's shared just before.
    const own = await jp(opDukcapil);
    expect(own.unit.id).not.toBe(a1.unit.id);
    expect(own.total.employees).toBeLessThan(a1.total.employees);
    const ownHeat = (await get('/api/gaps/heatmap', opDukcapil)).json() as { unitId: string };
    expect(ownHeat.unitId).toBe(own.unit.id);
    expect(ownHeat).not.toEqual(h1);
    // And asking for the whole instansi is still refused, shared figures or not.
    expect((await get(`/api/gaps/heatmap?unitId=${a1.unit.id}`, opDukcapil)).statusCode).toBe(403);
    expect((await get(`/api/reports/jp-compliance?unitId=${a1.unit.id}`, opDukcapil)).statusCode).toBe(403);
  });

  it('shows a write through this process at once, and a write elsewhere within the time kept', async () => {
    const before = await jp(admin);
    expect(before.total.compliant).toBe(0);
    // A change this process did not make (another process, a script): the shared figures stay.
    await giveEveryoneJp(25);
    expect((await jp(admin)).total).toEqual(before.total);
    // Any write through this process forgets them: the next read counts everyone compliant.
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'atasan.dukcapil', password: 'asah-demo' },
    });
    expect(login.statusCode).toBe(200);
    const after = await jp(admin);
    expect(after.total.employees).toBe(before.total.employees);
    expect(after.total.compliant).toBe(before.total.employees);
    expect(after.total.averageJp).toBe(25);
  });
});
