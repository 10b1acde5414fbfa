import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkinCode } from '../../src/domain/learning/checkin.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createProgramme, employeeOf, enrol } from '../helpers/programmes.js';

let t: TestApp;
const c = {} as Record<'admin' | 'opBkpsdm' | 'op' | 'atasan' | 'pegawai' | 'mitra', string>;
type Problem = { code: string; detail?: string; errors?: { field?: string; message: string }[] };
const send = (method: 'GET' | 'POST' | 'PUT', url: string, cookie: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie }, payload: method === 'GET' ? undefined : (payload ?? {}) });
const secretOf = async (sessionId: string) =>
  (
    await t.db.execute<{ s: string }>(
      sql`select checkin_secret as s from program_sessions where id = ${sessionId}`,
    )
  ).rows[0]!.s;

let pegawaiId: string;
let prog: { id: string; sessionIds: string[] };
let own: string;

beforeAll(async () => {
  t = await createTestApp();
  const names = {
    admin: 'admin',
    opBkpsdm: 'operator.bkpsdm',
    op: 'operator.dukcapil',
    atasan: 'atasan.dukcapil',
    pegawai: 'pegawai.dukcapil',
    mitra: 'mitra.unpatti',
  } as const;
  for (const [k, u] of Object.entries(names)) c[k as keyof typeof names] = await t.login(u);
  pegawaiId = await employeeOf(t.db, 'pegawai.dukcapil');
  // Two sessions running now, one tomorrow; organised by BKPSDM.
  prog = await createProgramme(t.db, {
    sessions: [
      [-10, 120],
      [-5, 125],
      [60 * 24, 60 * 24 + 120],
    ],
  });
  own = await enrol(t.db, prog.id, pegawaiId, 'approved');
});
afterAll(async () => t?.close());

describe('QR check-in', () => {
  it('only organisers get the rotating code', async () => {
    const s = prog.sessionIds[0]!;
    const res = await send('GET', `/api/sessions/${s}/checkin-code`, c.opBkpsdm);
    expect(res.statusCode).toBe(200);
    const body = res.json() as { code: string; path: string; secondsLeft: number; participants: number };
    expect(body.code).toMatch(/^[2-9A-Z]{6}$/);
    expect(body.path).toBe(`/hadir?sesi=${s}&kode=${body.code}`);
    expect(body.participants).toBe(1);
    expect((await send('GET', `/api/sessions/${s}/checkin-code`, c.pegawai)).statusCode).toBe(403);
    // An operator of another OPD sees the programme but does not organise it.
    expect((await send('GET', `/api/sessions/${s}/checkin-code`, c.op)).statusCode).toBe(403);
    // A mitra of another partner does not even see it.
    expect((await send('GET', `/api/sessions/${s}/checkin-code`, c.mitra)).statusCode).toBe(404);
  });

  it('the current code marks the participant present; a second check-in is fine', async () => {
    const s = prog.sessionIds[0]!;
    const code = ((await send('GET', `/api/sessions/${s}/checkin-code`, c.admin)).json() as { code: string })
      .code;
    const first = await send('POST', `/api/sessions/${s}/checkin`, c.pegawai, { code: code.toLowerCase() });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ status: 'hadir', already: false });
    const again = await send('POST', `/api/sessions/${s}/checkin`, c.pegawai, { code });
    expect(again.json()).toMatchObject({ status: 'hadir', already: true });
    const rows = await t.db.execute(
      sql`select status, method from attendance where session_id = ${s} and enrollment_id = ${own}`,
    );
    expect(rows.rows).toEqual([{ status: 'hadir', method: 'qr' }]);
  });

  it("the previous window's code still counts; an older one is refused with a clear message", async () => {
    const s = prog.sessionIds[1]!;
    const secret = await secretOf(s);
    const stale = await send('POST', `/api/sessions/${s}/checkin`, c.pegawai, {
      code: checkinCode(secret, s, Date.now() - 95_000),
    });
    expect(stale.statusCode).toBe(422);
    expect((stale.json() as Problem).detail).toMatch(/kedaluwarsa/);
    expect(await t.db.execute(sql`select 1 from attendance where session_id = ${s}`)).toMatchObject({
      rows: [],
    });
    // Retry once if the 30-second window turned between computing the code and the server's check.
    let res = await send('POST', `/api/sessions/${s}/checkin`, c.pegawai, {
      code: checkinCode(secret, s, Date.now() - 30_000),
    });
    if (res.statusCode === 422)
      res = await send('POST', `/api/sessions/${s}/checkin`, c.pegawai, {
        code: checkinCode(secret, s, Date.now() - 30_000),
      });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ already: false });
  });

  it('someone without an approved enrolment is refused', async () => {
    const s = prog.sessionIds[0]!;
    const code = checkinCode(await secretOf(s), s, Date.now());
    const res = await send('POST', `/api/sessions/${s}/checkin`, c.atasan, { code });
    expect(res.statusCode).toBe(403);
    expect((res.json() as Problem).detail).toMatch(/tidak terdaftar/);
  });

  it('outside the session window the check-in is refused', async () => {
    const s = prog.sessionIds[2]!;
    const code = checkinCode(await secretOf(s), s, Date.now());
    const res = await send('POST', `/api/sessions/${s}/checkin`, c.pegawai, { code });
    expect(res.statusCode).toBe(422);
    expect((res.json() as Problem).detail).toMatch(/dibuka/);
  });

  it('an unknown session is not found', async () => {
    const res = await send('POST', `/api/sessions/${crypto.randomUUID()}/checkin`, c.pegawai, {
      code: 'ABCDEF',
    });
    expect(res.statusCode).toBe(404);
  });
});

describe('organiser marking and the completion rule', () => {
  it('marks a whole session at once, refuses non-participants, and decides who passed', async () => {
    const p = await createProgramme(t.db, {
      sessions: [
        [-60 * 48, -60 * 47],
        [-60 * 24, -60 * 23],
      ],
      minAttendancePct: 50,
      postTestPassMark: 70,
    });
    const emps = (
      await t.db.execute<{ id: string }>(
        sql`select id from employees where active and id <> ${pegawaiId} order by nip limit 3`,
      )
    ).rows.map((r) => r.id);
    const a = await enrol(t.db, p.id, pegawaiId, 'approved');
    const b = await enrol(t.db, p.id, emps[0]!, 'approved');
    const d = await enrol(t.db, p.id, emps[1]!, 'approved');
    const waiting = await enrol(t.db, p.id, emps[2]!, 'pending_bkpsdm');
    const [s1, s2] = p.sessionIds as [string, string];

    const bad = await send('PUT', `/api/sessions/${s1}/attendance`, c.opBkpsdm, {
      marks: [
        { enrollmentId: a, status: 'hadir' },
        { enrollmentId: waiting, status: 'hadir' },
      ],
    });
    expect(bad.statusCode).toBe(422);
    expect((bad.json() as Problem).errors?.[0]?.field).toBe('body.marks.1.enrollmentId');
    expect(await t.db.execute(sql`select 1 from attendance where session_id = ${s1}`)).toMatchObject({
      rows: [],
    });

    expect(
      (
        await send('PUT', `/api/sessions/${s1}/attendance`, c.pegawai, {
          marks: [{ enrollmentId: a, status: 'hadir' }],
        })
      ).statusCode,
    ).toBe(403);
    const m1 = await send('PUT', `/api/sessions/${s1}/attendance`, c.opBkpsdm, {
      marks: [
        { enrollmentId: a, status: 'hadir' },
        { enrollmentId: b, status: 'hadir' },
        { enrollmentId: d, status: 'sakit' },
      ],
    });
    expect(m1.json()).toEqual({ saved: 3 });
    await send('PUT', `/api/sessions/${s2}/attendance`, c.opBkpsdm, {
      marks: [
        { enrollmentId: a, status: 'hadir' },
        { enrollmentId: b, status: 'alpa' },
        { enrollmentId: d, status: 'izin' },
      ],
    });
    const scores = await send('PUT', `/api/programs/${p.id}/scores`, c.opBkpsdm, {
      scores: [
        { enrollmentId: a, preTestScore: 55, postTestScore: 80 },
        { enrollmentId: b, preTestScore: 60, postTestScore: 90 },
        { enrollmentId: d, preTestScore: 40, postTestScore: 95 },
      ],
    });
    expect(scores.statusCode).toBe(200);

    const roster = (await send('GET', `/api/programs/${p.id}/participants`, c.opBkpsdm)).json() as {
      participants: { id: string; attendancePct: number | null; attendance: Record<string, string> }[];
    };
    expect(roster.participants.find((x) => x.id === a)).toMatchObject({
      attendancePct: 100,
      attendance: { [s1]: 'hadir', [s2]: 'hadir' },
    });
    expect(roster.participants.find((x) => x.id === b)?.attendancePct).toBe(50);

    const done = await send('POST', `/api/programs/${p.id}/completion`, c.opBkpsdm);
    expect(done.statusCode).toBe(200);
    // a: 100 % and 80 → passed; b: 50 % (the minimum) and 90 → passed; d: 0 % → not passed.
    expect(done.json()).toEqual({ completed: 2, notCompleted: 1 });
    const rows = await t.db.execute<{ id: string; status: string; done: boolean }>(sql`select id, status,
      completed_at is not null as done from enrollments where program_id = ${p.id} order by status, id`);
    const byId = Object.fromEntries(rows.rows.map((r) => [r.id, r]));
    expect(byId[a]).toMatchObject({ status: 'completed', done: true });
    expect(byId[b]).toMatchObject({ status: 'completed', done: true });
    expect(byId[d]).toMatchObject({ status: 'not_completed', done: false });
    expect(byId[waiting]).toMatchObject({ status: 'pending_bkpsdm' });
    // The learning hook made a record for each one who passed.
    const records = await t.db.execute(
      sql`select 1 from learning_records where enrollment_id in (${a}, ${b})`,
    );
    expect(records.rows).toHaveLength(2);
    // Deciding again changes nothing and adds no second record.
    expect((await send('POST', `/api/programs/${p.id}/completion`, c.opBkpsdm)).json()).toEqual({
      completed: 2,
      notCompleted: 1,
    });
    expect(
      (await t.db.execute(sql`select 1 from learning_records where enrollment_id in (${a}, ${b})`)).rows,
    ).toHaveLength(2);

    // A corrected post-test score takes b's pass back: no JP, the certificate is revoked for everyone
    // who checks it, and completing again restores both.
    const cert = async () =>
      (
        await t.db.execute<{ code: string }>(
          sql`select verification_code as code from certificates where enrollment_id = ${b}`,
        )
      ).rows[0]!.code;
    const publicStatus = async () =>
      (
        (await t.app.inject({ method: 'GET', url: `/api/public/certificates/${await cert()}` })).json() as {
          status: string;
        }
      ).status;
    const recordsOfB = async () =>
      (await t.db.execute(sql`select 1 from learning_records where enrollment_id = ${b}`)).rows.length;
    expect(await publicStatus()).toBe('valid');
    await send('PUT', `/api/programs/${p.id}/scores`, c.opBkpsdm, {
      scores: [{ enrollmentId: b, preTestScore: 60, postTestScore: 50 }],
    });
    expect((await send('POST', `/api/programs/${p.id}/completion`, c.opBkpsdm)).json()).toEqual({
      completed: 1,
      notCompleted: 2,
    });
    expect(await recordsOfB()).toBe(0);
    expect(await publicStatus()).toBe('revoked');
    const trail = await t.db.execute<{
      entity: string;
      action: string;
    }>(sql`select entity, action from audit_log
      where entity in ('learning_record', 'certificate') and action in ('delete', 'update')
        and (before->>'enrollmentId' = ${b} or entity_id = (select id::text from certificates where enrollment_id = ${b}))`);
    expect(trail.rows.map((r) => `${r.entity}.${r.action}`).sort()).toEqual([
      'certificate.update',
      'learning_record.delete',
    ]);
    await send('PUT', `/api/programs/${p.id}/scores`, c.opBkpsdm, {
      scores: [{ enrollmentId: b, preTestScore: 60, postTestScore: 75 }],
    });
    expect((await send('POST', `/api/programs/${p.id}/completion`, c.opBkpsdm)).json()).toEqual({
      completed: 2,
      notCompleted: 1,
    });
    expect(await recordsOfB()).toBe(1);
    expect(await publicStatus()).toBe('valid');

    // The roster names each participant's certificate, and BKPSDM may revoke it from there.
    type Cert = { id: string; number: string; verificationCode: string; revokedAt: string | null } | null;
    const certRoster = async () =>
      (await send('GET', `/api/programs/${p.id}/participants`, c.opBkpsdm)).json() as {
        canRevoke: boolean;
        participants: { id: string; certificate: Cert }[];
      };
    const before = await certRoster();
    expect(before.canRevoke).toBe(true);
    const certA = before.participants.find((x) => x.id === a)!.certificate!;
    expect(certA).toMatchObject({ revokedAt: null });
    expect(before.participants.find((x) => x.id === b)!.certificate!.verificationCode).toBe(await cert());
    expect(before.participants.find((x) => x.id === d)!.certificate).toBeNull();
    const revoke = await send('POST', `/api/certificates/${certA.id}/revoke`, c.opBkpsdm, {
      reason: 'Data kehadiran tidak benar',
    });
    expect(revoke.statusCode).toBe(200);
    const after = (await certRoster()).participants.find((x) => x.id === a)!.certificate!;
    expect(after).toMatchObject({ id: certA.id, revokedReason: 'Data kehadiran tidak benar' });
    expect(after.revokedAt).not.toBeNull();
    const adminRoster = (await send('GET', `/api/programs/${p.id}/participants`, c.admin)).json() as {
      canRevoke: boolean;
    };
    expect(adminRoster.canRevoke).toBe(true);
  });
});
