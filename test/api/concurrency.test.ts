import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkinCode } from '../../src/domain/learning/checkin.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createProgramme, employeeOf, enrol } from '../helpers/programmes.js';

/** Requests sent at the same moment end in one consistent state, and the loser is told so. */
let t: TestApp;
const c = {} as Record<'atasan' | 'atasan2' | 'opBkpsdm' | 'pegawai' | 'pegawai2', string>;
const send = (url: string, cookie: string, payload: object) =>
  t.app.inject({ method: 'POST', url, headers: { cookie }, payload });
let pegawaiId: string;

beforeAll(async () => {
  t = await createTestApp();
  c.atasan = await t.login('atasan.dukcapil');
  c.atasan2 = await t.login('atasan.dukcapil');
  c.opBkpsdm = await t.login('operator.bkpsdm');
  c.pegawai = await t.login('pegawai.dukcapil');
  c.pegawai2 = await t.login('pegawai.dukcapil');
  pegawaiId = await employeeOf(t.db, 'pegawai.dukcapil');
});
afterAll(async () => t?.close());

const statusOf = async (id: string) =>
  (
    await t.db.execute<{ status: string; bkpsdm: string | null }>(
      sql`select status, bkpsdm_decided_by as bkpsdm from enrollments where id = ${id}`,
    )
  ).rows[0]!;

describe('two decisions at once', () => {
  it('the atasan approving twice at once passes the atasan step only; the other answer is 409', async () => {
    for (let round = 0; round < 3; round++) {
      const p = await createProgramme(t.db, { capacity: 5 });
      const id = await enrol(t.db, p.id, pegawaiId, 'pending_atasan');
      const [a, b] = await Promise.all([
        send(`/api/enrollments/${id}/decision`, c.atasan, { decision: 'approve' }),
        send(`/api/enrollments/${id}/decision`, c.atasan2, { decision: 'approve' }),
      ]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
      const lost = a.statusCode === 409 ? a : b;
      expect(lost.headers['content-type']).toContain('application/problem+json');
      expect(await statusOf(id)).toEqual({ status: 'pending_bkpsdm', bkpsdm: null });
    }
  });

  it('the atasan and BKPSDM at once: BKPSDM never decides a step the atasan has not passed', async () => {
    for (let round = 0; round < 3; round++) {
      const p = await createProgramme(t.db, { capacity: 5 });
      const id = await enrol(t.db, p.id, pegawaiId, 'pending_atasan');
      const [a, b] = await Promise.all([
        send(`/api/enrollments/${id}/decision`, c.atasan, { decision: 'approve' }),
        send(`/api/enrollments/${id}/decision`, c.opBkpsdm, { decision: 'approve' }),
      ]);
      expect(a.statusCode).toBe(200);
      const after = await statusOf(id);
      // BKPSDM either came first (refused: not its step) or second (approved the BKPSDM step).
      if (b.statusCode === 200) expect(after.status).toBe('approved');
      else {
        expect(b.statusCode).toBe(403);
        expect(after).toEqual({ status: 'pending_bkpsdm', bkpsdm: null });
      }
    }
  });
});

describe('two identical requests at once', () => {
  it('two enrolment requests end in one enrolment; the other answer is 409', async () => {
    const p = await createProgramme(t.db, { capacity: 5 });
    const [a, b] = await Promise.all([
      send('/api/enrollments', c.pegawai, { programId: p.id, reason: 'Tugas pelayanan' }),
      send('/api/enrollments', c.pegawai2, { programId: p.id, reason: 'Tugas pelayanan' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const n = await t.db.execute<{ n: number }>(
      sql`select count(*)::int as n from enrollments where program_id = ${p.id}`,
    );
    expect(n.rows[0]!.n).toBe(1);
  });

  it('two QR check-ins end in one attendance mark', async () => {
    const p = await createProgramme(t.db, { sessions: [[-10, 120]] });
    const en = await enrol(t.db, p.id, pegawaiId, 'approved');
    const sid = p.sessionIds[0]!;
    const secret = (
      await t.db.execute<{ s: string }>(
        sql`select checkin_secret as s from program_sessions where id = ${sid}`,
      )
    ).rows[0]!.s;
    const code = checkinCode(secret, sid, Date.now());
    const [a, b] = await Promise.all([
      send(`/api/sessions/${sid}/checkin`, c.pegawai, { code }),
      send(`/api/sessions/${sid}/checkin`, c.pegawai2, { code }),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    const marks = await t.db.execute<{ n: number }>(
      sql`select count(*)::int as n from attendance where session_id = ${sid} and enrollment_id = ${en}`,
    );
    expect(marks.rows[0]!.n).toBe(1);
  });
});
