import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';

/** The tenant's JPM formula (settings.competency.jpmFormula) drives the profile's JPM. */
let t: TestApp;
let admin: string;
let nip: string;
let required: number[];

const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: admin } });
const patch = (settings: unknown) =>
  t.app.inject({
    method: 'PATCH',
    url: '/api/tenant',
    headers: { cookie: admin },
    payload: { settings } as Record<string, unknown>,
  });
/** The 9-box potential of the employee, looked up in whichever box (or the incomplete list) holds them. */
const nineBoxJpm = async () => {
  const unit = await t.db.execute<{ unit_id: string }>(sql`select unit_id from employees where nip = ${nip}`);
  const url = `/api/talent/nine-box?unitId=${unit.rows[0]!.unit_id}`;
  const all = (await get(url)).json() as { boxes: { box: number; count: number }[] };
  const boxes = [...all.boxes.filter((b) => b.count > 0).map((b) => String(b.box)), 'incomplete'];
  for (const box of boxes) {
    const body = (await get(`${url}&box=${box}`)).json() as {
      selection: { people: { nip: string; potential: number | null }[] };
    };
    const me = body.selection.people.find((p) => p.nip === nip);
    if (me) return me.potential;
  }
  throw new Error('not in the 9-box');
};
const profile = async () =>
  (await get(`/api/employees/${nip}/competency-profile`)).json() as {
    jpm: number | null;
    jpmFormula: string;
  };
const profileJpm = async () => (await profile()).jpm;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  nip = (
    (
      await t.app.inject({
        method: 'GET',
        url: '/api/auth/me',
        headers: { cookie: await t.login('pegawai.dukcapil') },
      })
    ).json() as { nip: string }
  ).nip;
  // Only assessment-centre levels: one above the standard on the first competency, one below on the rest.
  const std = await t.db.execute<{ competency_id: string; required_level: number; version_id: string }>(sql`
    select ps.competency_id, ps.required_level, v.id as version_id
    from employees e join position_standards ps on ps.position_id = e.position_id
    join competency_versions v on v.competency_id = ps.competency_id and v.version = 1
    where e.nip = ${nip} order by ps.competency_id`);
  await t.db.execute(
    sql`delete from assessments where employee_id = (select id from employees where nip = ${nip})`,
  );
  for (const [i, s] of std.rows.entries()) {
    const level = i === 0 ? Math.min(5, s.required_level + 2) : Math.max(1, s.required_level - 1);
    await t.db
      .execute(sql`insert into assessments (tenant_id, employee_id, competency_id, competency_version_id,
        source, level, assessed_on)
      select e.tenant_id, e.id, ${s.competency_id}, ${s.version_id}, 'assessment_center', ${level}, current_date
      from employees e where e.nip = ${nip}`);
  }
  required = std.rows.map((s) => s.required_level);
});
afterAll(async () => t?.close());

describe('JPM formula setting', () => {
  it('caps per competency by default and caps only the total when the tenant chooses so', async () => {
    expect(required.length).toBeGreaterThanOrEqual(3);
    const levels = required.map((r, i) => (i === 0 ? Math.min(5, r + 2) : Math.max(1, r - 1)));
    const total = required.reduce((s, r) => s + r, 0);
    const perCompetency = required.reduce((s, r, i) => s + Math.min(r, levels[i]!), 0);
    const sum = Math.min(
      total,
      levels.reduce((s, l) => s + l, 0),
    );
    const pct = (n: number) => Math.round((1000 * n) / total) / 10;
    expect(sum).toBeGreaterThan(perCompetency); // the surplus on the first competency counts only in 'total'

    expect(await profileJpm()).toBe(pct(perCompetency));
    expect(await nineBoxJpm()).toBe(pct(perCompetency));
    expect((await patch({ competency: { jpmFormula: 'total' } })).statusCode).toBe(200);
    expect(await profileJpm()).toBe(pct(sum));
    expect((await profile()).jpmFormula).toBe('total');
    expect(await nineBoxJpm()).toBe(pct(sum));
    expect((await patch({ competency: { jpmFormula: null } })).statusCode).toBe(200);
    expect(await profileJpm()).toBe(pct(perCompetency));
  });

  it('refuses an unknown formula with a 422 naming the field, and keeps the setting', async () => {
    const res = await patch({ competency: { jpmFormula: 'rata_rata' } });
    expect(res.statusCode).toBe(422);
    expect(JSON.stringify(res.json())).toContain('jpmFormula');
    const s = await t.db.execute<{ settings: { competency?: { jpmFormula?: string } } }>(
      sql`select settings from tenants where code = 'ambon'`,
    );
    expect(s.rows[0]!.settings.competency?.jpmFormula).toBeUndefined();
  });
});
