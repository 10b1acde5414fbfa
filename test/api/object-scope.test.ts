import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createProgramme } from '../helpers/programmes.js';

/** A reference to another object may only point at what the caller may reach (docs/decisions.md). */
let t: TestApp;
const c = {} as Record<'mitra' | 'op', string>;
type Problem = { code: string; errors?: { field?: string; message: string }[] };
const send = (method: 'GET' | 'PATCH' | 'POST', url: string, cookie: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie }, payload });
const one = async <T>(q: ReturnType<typeof sql>) => (await t.db.execute(q)).rows[0] as T;

let mitraProgramme: string;
let otherUnit: string;
let otherPartner: string;
let ownNip: string;
let outsider: { nip: string; name: string };

beforeAll(async () => {
  t = await createTestApp();
  c.mitra = await t.login('mitra.unpatti');
  c.op = await t.login('operator.dukcapil');
  const partner = await one<{ name: string }>(sql`select pa.name from partners pa
    join partner_members m on m.partner_id = pa.id join users u on u.id = m.user_id
    where u.username = 'mitra.unpatti' limit 1`);
  mitraProgramme = (await createProgramme(t.db, { partnerName: partner.name })).id;
  otherPartner = (
    await one<{ id: string }>(
      sql`select id from partners where name <> ${partner.name} order by name limit 1`,
    )
  ).id;
  const opUnit = sql`(select r.unit_id::text from user_roles r join users us on us.id = r.user_id
      where us.username = 'operator.dukcapil' and r.role = 'operator')`;
  otherUnit = (
    await one<{ id: string }>(sql`select id from org_units where path not like '%/' || ${opUnit} || '/%'
      and code <> 'BKPSDM' order by code limit 1`)
  ).id;
  ownNip = (
    await one<{ nip: string }>(sql`select e.nip from employees e join users u on u.employee_id = e.id
    where u.username = 'pegawai.dukcapil'`)
  ).nip;
  outsider = await one<{ nip: string; name: string }>(sql`select e.nip, e.name from employees e
    join org_units u on u.id = e.unit_id where e.active and u.path not like '%/' || ${opUnit} || '/%'
    order by e.nip limit 1`);
});
afterAll(async () => t?.close());

describe('programmes', () => {
  it('a mitra cannot move its programme to another OPD; nothing changes', async () => {
    const res = await send('PATCH', `/api/programs/${mitraProgramme}`, c.mitra, {
      organiserUnitId: otherUnit,
    });
    expect(res.statusCode).toBe(422);
    expect((res.json() as Problem).errors?.map((e) => e.field)).toContain('body.organiserUnitId');
    const row = await one<{ u: string | null }>(
      sql`select organiser_unit_id::text as u from programs where id = ${mitraProgramme}`,
    );
    expect(row.u).not.toBe(otherUnit);
  });

  it('a mitra cannot hand its programme to another partner', async () => {
    const res = await send('PATCH', `/api/programs/${mitraProgramme}`, c.mitra, { partnerId: otherPartner });
    expect(res.statusCode).toBe(422);
    expect((res.json() as Problem).errors?.map((e) => e.field)).toContain('body.partnerId');
  });

  it('a mitra may still change its programme while keeping its organiser', async () => {
    const res = await send('PATCH', `/api/programs/${mitraProgramme}`, c.mitra, {
      title: 'Judul baru mitra',
    });
    expect(res.statusCode).toBe(200);
  });
});

describe('employees', () => {
  it('an OPD operator cannot name a supervisor outside their OPD, and the name is not echoed', async () => {
    const direct = await send('GET', `/api/employees/${outsider.nip}`, c.op);
    expect(direct.statusCode).toBe(404);
    const res = await send('PATCH', `/api/employees/${ownNip}`, c.op, { supervisorNip: outsider.nip });
    expect(res.statusCode).toBe(422);
    expect((res.json() as Problem).errors?.map((e) => e.field)).toEqual(['body.supervisorNip']);
    expect(res.body).not.toContain(outsider.name);
    const after = await send('GET', `/api/employees/${ownNip}`, c.op);
    expect(after.body).not.toContain(outsider.name);
  });

  it('an OPD operator cannot move their employee to a unit outside their OPD', async () => {
    const res = await send('POST', `/api/employees/${ownNip}/moves`, c.op, {
      unitId: otherUnit,
      effectiveFrom: '2026-01-01',
    });
    expect([403, 422]).toContain(res.statusCode);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const moved = await one<{ n: number }>(sql`select count(*)::int as n from employees
      where nip = ${ownNip} and unit_id = ${otherUnit}`);
    expect(moved.n).toBe(0);
  });
});
