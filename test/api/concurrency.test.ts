import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkinCode } from '../../src/domain/learning/checkin.js';
import { employeeCsv, makeNips, multipart } from '../../src/server/modules/imports/testkit.js';
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

describe('one intent, one step', () => {
  const auditsOf = async (id: string) =>
    (
      await t.db.execute<{ n: number }>(
        sql`select count(*)::int as n from audit_log where entity = 'enrollment' and entity_id = ${id}`,
      )
    ).rows[0]!.n;

  it('an admin double-clicking "approve" with the step they saw passes that step only', async () => {
    const admin = await t.login('admin');
    const admin2 = await t.login('admin');
    for (let round = 0; round < 3; round++) {
      const p = await createProgramme(t.db, { capacity: 5 });
      const id = await enrol(t.db, p.id, pegawaiId, 'pending_atasan');
      const body = { decision: 'approve', expectedStatus: 'pending_atasan' };
      const [a, b] = await Promise.all([
        send(`/api/enrollments/${id}/decision`, admin, body),
        send(`/api/enrollments/${id}/decision`, admin2, body),
      ]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
      const lost = a.statusCode === 409 ? a : b;
      expect(lost.headers['content-type']).toContain('application/problem+json');
      expect(lost.body).toContain('Muat ulang');
      expect(await statusOf(id)).toEqual({ status: 'pending_bkpsdm', bkpsdm: null });
      expect(await auditsOf(id)).toBe(1);
    }
  });

  it('a decision whose step has passed is 409 and changes nothing; the current step still goes', async () => {
    const admin = await t.login('admin');
    const p = await createProgramme(t.db, { capacity: 5 });
    const id = await enrol(t.db, p.id, pegawaiId, 'pending_bkpsdm');
    const stale = await send(`/api/enrollments/${id}/decision`, admin, {
      decision: 'reject',
      note: 'Tidak sesuai',
      expectedStatus: 'pending_atasan',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('sudah diputuskan');
    expect(await statusOf(id)).toEqual({ status: 'pending_bkpsdm', bkpsdm: null });
    expect(await auditsOf(id)).toBe(0);
    const ok = await send(`/api/enrollments/${id}/decision`, admin, {
      decision: 'approve',
      expectedStatus: 'pending_bkpsdm',
    });
    expect(ok.statusCode).toBe(200);
    expect((await statusOf(id)).status).toBe('approved');
  });

  it('a stale step on an enrolment the caller may not see is still 404', async () => {
    const p = await createProgramme(t.db, { capacity: 5 });
    const id = await enrol(t.db, p.id, pegawaiId, 'pending_bkpsdm');
    const mitra = await t.login('mitra.unpatti');
    const res = await send(`/api/enrollments/${id}/decision`, mitra, {
      decision: 'approve',
      expectedStatus: 'pending_atasan',
    });
    expect([403, 404]).toContain(res.statusCode);
    expect(await statusOf(id)).toEqual({ status: 'pending_bkpsdm', bkpsdm: null });
  });
});

describe('two revocations, two confirmations', () => {
  it('two revocations of one certificate at once: one revocation, one audit entry, the other 409', async () => {
    const admin = await t.login('admin');
    const admin2 = await t.login('admin');
    for (let round = 0; round < 3; round++) {
      const p = await createProgramme(t.db, { sessions: [[-600, -300]] });
      const en = await enrol(t.db, p.id, pegawaiId, 'completed');
      const cert = randomUUID();
      await t.db.execute(sql`insert into certificates (id, tenant_id, enrollment_id, employee_id, number,
          verification_code, holder_name, program_title, starts_on, ends_on, jp, issued_on)
        select ${cert}, tenant_id, id, employee_id, ${`UJI/${cert.slice(0, 8)}`},
          ${cert.replace(/-/g, '').slice(0, 12).toUpperCase()}, 'Peserta uji', 'Program uji', current_date,
          current_date, 8, current_date from enrollments where id = ${en}`);
      const url = `/api/certificates/${cert}/revoke`;
      const [a, b] = await Promise.all([
        send(url, admin, { reason: 'Data kehadiran keliru' }),
        send(url, admin2, { reason: 'Alasan kedua' }),
      ]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
      const won = a.statusCode === 200 ? a : b;
      const row = (
        await t.db.execute<{ reason: string }>(
          sql`select revoked_reason as reason from certificates where id = ${cert}`,
        )
      ).rows[0]!;
      expect(row.reason).toBe((won.json() as { revokedReason: string }).revokedReason);
      const audits = await t.db.execute<{ n: number }>(
        sql`select count(*)::int as n from audit_log where entity = 'certificate' and entity_id = ${cert}`,
      );
      expect(audits.rows[0]!.n).toBe(1);
    }
  });

  it('two confirmations of one import preview at once save it once; the other is 409', async () => {
    const op = await t.login('operator.dukcapil');
    const op2 = await t.login('operator.dukcapil');
    for (let round = 0; round < 2; round++) {
      const taken = new Set(
        (await t.db.execute<{ nip: string }>(sql`select nip from employees`)).rows.map((r) => r.nip),
      );
      const nips = makeNips(2, taken, 9100 + round * 10);
      const form = multipart('f.csv', employeeCsv(nips));
      const preview = await t.app.inject({
        method: 'POST',
        url: '/api/employees/import?dryRun=true',
        headers: { ...form.headers, cookie: op },
        payload: form.payload,
      });
      expect(preview.statusCode).toBe(200);
      const { jobId } = preview.json() as { jobId: string };
      const before = (
        await t.db.execute<{ n: number }>(
          sql`select count(*)::int as n from audit_log where action = 'import'`,
        )
      ).rows[0]!.n;
      const confirm = (cookie: string) =>
        t.app.inject({ method: 'POST', url: `/api/imports/${jobId}/confirm`, headers: { cookie } });
      const [a, b] = await Promise.all([confirm(op), confirm(op2)]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
      const made = await t.db.execute<{ n: number }>(
        sql`select count(*)::int as n from employees where nip in ${sql.raw(`('${nips.join("','")}')`)}`,
      );
      expect(made.rows[0]!.n).toBe(2);
      const after = (
        await t.db.execute<{ n: number }>(
          sql`select count(*)::int as n from audit_log where action = 'import'`,
        )
      ).rows[0]!.n;
      expect(after).toBe(before + 1);
    }
  });
});
