import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createProgramme, employeeOf, enrol } from '../helpers/programmes.js';
import { createTenantB, TENANT_B, type TenantB } from '../helpers/tenant-b.js';

/** A reference to another object may only point at what the caller may reach (docs/decisions.md). */
let t: TestApp;
const c = {} as Record<'admin' | 'mitra' | 'op', string>;
let b: TenantB;
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
  c.admin = await t.login('admin');
  b = await createTenantB(t);
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

describe('programme target competencies', () => {
  const fieldsOf = (body: string) => ((JSON.parse(body) as Problem).errors ?? []).map((e) => e.field);
  const targets = async (id: string) =>
    (
      await t.db.execute<{ id: string }>(
        sql`select competency_id::text as id from program_competencies where program_id = ${id}`,
      )
    ).rows.map((r) => r.id);

  it("another tenant's competency is unknown (422 naming the row); nothing changes", async () => {
    const theirs = await one<{ id: string }>(sql`insert into competencies (tenant_id, code, "group")
      values (${b.id}, 'T.UJI.TUAL', 'T') returning id`);
    const p = await createProgramme(t.db);
    const res = await send('PATCH', `/api/programs/${p.id}`, c.admin, {
      competencies: [{ competencyId: theirs.id, expectedGain: 1 }],
    });
    expect(res.statusCode).toBe(422);
    expect(fieldsOf(res.body)).toEqual(['body.competencies.0.competencyId']);
    expect(await targets(p.id)).toEqual([]);
  });

  it('a retired competency cannot become a new target, but one already targeted may stay', async () => {
    const comp = await one<{ id: string }>(sql`insert into competencies (tenant_id, code, "group")
      select tenant_id, 'T.UJI.LAMA', 'T' from programs where id = ${mitraProgramme} returning id`);
    const p = await createProgramme(t.db);
    const before = await send('PATCH', `/api/programs/${p.id}`, c.admin, {
      competencies: [{ competencyId: comp.id, expectedGain: 1 }],
    });
    expect(before.statusCode).toBe(200);
    await t.db.execute(sql`update competencies set active = false where id = ${comp.id}`);
    const kept = await send('PATCH', `/api/programs/${p.id}`, c.admin, {
      competencies: [{ competencyId: comp.id, expectedGain: 2 }],
    });
    expect(kept.statusCode).toBe(200);
    const fresh = await createProgramme(t.db);
    const res = await send('PATCH', `/api/programs/${fresh.id}`, c.admin, {
      competencies: [{ competencyId: comp.id, expectedGain: 1 }],
    });
    expect(res.statusCode).toBe(422);
    expect(fieldsOf(res.body)).toEqual(['body.competencies.0.competencyId']);
    expect(res.body).toContain('tidak dipakai lagi');
    expect(await targets(fresh.id)).toEqual([]);
  });
});

describe('enrolment employee', () => {
  it('an OPD operator cannot nominate someone outside their OPD; the name is not echoed', async () => {
    const p = await createProgramme(t.db);
    const res = await send('POST', '/api/enrollments', c.op, {
      programId: p.id,
      nip: outsider.nip,
      reason: 'Usulan OPD',
    });
    expect(res.statusCode).toBe(422);
    expect((res.json() as Problem).errors?.map((e) => e.field)).toEqual(['body.nip']);
    expect(res.body).not.toContain(outsider.name);
    const n = await one<{ n: number }>(
      sql`select count(*)::int as n from enrollments where program_id = ${p.id}`,
    );
    expect(n.n).toBe(0);
  });

  it("another tenant's NIP is unknown to a nomination", async () => {
    const p = await createProgramme(t.db);
    const res = await send('POST', '/api/enrollments', c.admin, {
      programId: p.id,
      nip: b.employees[0]!.nip,
      reason: 'Usulan',
    });
    expect(res.statusCode).toBe(422);
    expect((res.json() as Problem).errors?.map((e) => e.field)).toEqual(['body.nip']);
    expect(res.body).not.toContain(b.employees[0]!.name);
  });

  it('an OPD operator cannot replace their participant with someone outside their OPD', async () => {
    const p = await createProgramme(t.db);
    const id = await enrol(t.db, p.id, await employeeOf(t.db, 'pegawai.dukcapil'), 'approved');
    const res = await send('POST', `/api/enrollments/${id}/replace`, c.op, {
      nip: outsider.nip,
      reason: 'Berhalangan',
    });
    expect(res.statusCode).toBe(422);
    expect((res.json() as Problem).errors?.map((e) => e.field)).toEqual(['body.nip']);
    expect(res.body).not.toContain(outsider.name);
    const rows = await one<{ n: number; s: string }>(sql`select count(*)::int as n,
      max(status) as s from enrollments where program_id = ${p.id}`);
    expect(rows).toEqual({ n: 1, s: 'approved' });
  });

  it("an OPD operator cannot replace a participant of another OPD's employee (403, nothing changes)", async () => {
    const p = await createProgramme(t.db);
    const outsiderId = (await one<{ id: string }>(sql`select id from employees where nip = ${outsider.nip}`))
      .id;
    const id = await enrol(t.db, p.id, outsiderId, 'approved');
    const res = await send('POST', `/api/enrollments/${id}/replace`, c.op, { nip: ownNip, reason: 'Ganti' });
    expect([403, 404]).toContain(res.statusCode);
    const rows = await one<{ n: number }>(
      sql`select count(*)::int as n from enrollments where program_id = ${p.id}`,
    );
    expect(rows.n).toBe(1);
  });
});

describe('partner members', () => {
  const partnerId = async () =>
    (await one<{ id: string }>(sql`select id from partners where id = ${otherPartner}`)).id;

  it('a user of another tenant is unknown (422 body.username); nothing is linked', async () => {
    const res = await send('POST', `/api/partners/${await partnerId()}/members`, c.admin, {
      username: TENANT_B.admin,
    });
    expect(res.statusCode).toBe(422);
    expect((res.json() as Problem).errors?.map((e) => e.field)).toEqual(['body.username']);
    const n = await one<{ n: number }>(sql`select count(*)::int as n from partner_members m
      join users u on u.id = m.user_id where u.username = ${TENANT_B.admin}`);
    expect(n.n).toBe(0);
  });

  it('only a user with the mitra role may be linked: a pegawai is refused', async () => {
    const res = await send('POST', `/api/partners/${await partnerId()}/members`, c.admin, {
      username: 'pegawai.dukcapil',
    });
    expect(res.statusCode).toBe(422);
    expect((res.json() as Problem).errors?.map((e) => e.field)).toEqual(['body.username']);
  });
});

describe('assessment campaign target', () => {
  const campaign = (cookie: string, unitId: string) =>
    send('POST', '/api/campaigns', cookie, {
      name: 'Uji kampanye lintas',
      unitId,
      sources: ['self'],
      startsOn: new Date().toISOString().slice(0, 10),
      dueOn: '2099-12-31',
    });
  const made = async () =>
    (
      await one<{ n: number }>(sql`select count(*)::int as n from assessment_campaigns
      where name = 'Uji kampanye lintas'`)
    ).n;

  it("another tenant's unit is unknown to the admin (422 body.unitId); nothing is created", async () => {
    const res = await campaign(c.admin, b.unitIds[0]!);
    expect(res.statusCode).toBe(422);
    expect((res.json() as Problem).errors?.map((e) => e.field)).toEqual(['body.unitId']);
    expect(await made()).toBe(0);
  });

  it('an OPD operator cannot run a campaign over a unit outside their OPD (403)', async () => {
    expect((await campaign(c.op, otherUnit)).statusCode).toBe(403);
    expect(await made()).toBe(0);
  });
});
