import net from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { sqlArray } from '../../src/server/db/client.js';
import { freshDatabase } from '../helpers/db.js';
import { createProgramme, employeeOf } from '../helpers/programmes.js';

let t: TestApp;
const c = {} as Record<'admin' | 'opBkpsdm' | 'op' | 'atasan' | 'pegawai' | 'mitra' | 'pimpinan', string>;
type Item = {
  id: string;
  programId: string;
  employeeId: string;
  status: string;
  waitlistPosition: number | null;
  name: string;
};
type Result = { enrollment: Item; warnings: string[] };
type Problem = {
  code: string;
  title: string;
  detail?: string;
  errors?: { field?: string; message: string }[];
};

const send = (method: 'GET' | 'POST' | 'PUT', url: string, cookie: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie }, payload: method === 'GET' ? undefined : (payload ?? {}) });
let pegawaiId: string;
let atasanId: string;
/** atasan.dukcapil's subordinates (the whole chain below) other than pegawai.dukcapil. */
let subs: { id: string; nip: string }[];
/** Two more employees of Disdukcapil, outside that chain. */
let others: { id: string; nip: string }[];

beforeAll(async () => {
  t = await createTestApp();
  const names = {
    admin: 'admin',
    opBkpsdm: 'operator.bkpsdm',
    op: 'operator.dukcapil',
    atasan: 'atasan.dukcapil',
    pegawai: 'pegawai.dukcapil',
    mitra: 'mitra.unpatti',
    pimpinan: 'pimpinan',
  } as const;
  for (const [k, u] of Object.entries(names)) c[k as keyof typeof names] = await t.login(u);
  await t.db.execute(sql`update users set email = username || '@asah.test'
    where username in ('atasan.dukcapil', 'pegawai.dukcapil', 'operator.bkpsdm', 'admin')`);
  pegawaiId = await employeeOf(t.db, 'pegawai.dukcapil');
  atasanId = await employeeOf(t.db, 'atasan.dukcapil');
  subs = (
    await t.db.execute<{ id: string; nip: string }>(sql`with recursive sub(id) as (
        select id from employees where supervisor_id = ${atasanId}
        union select e.id from employees e join sub on e.supervisor_id = sub.id)
      select e.id, e.nip from employees e join sub on sub.id = e.id
      where e.id <> ${pegawaiId} and e.active order by e.nip limit 4`)
  ).rows;
  expect(subs.length).toBe(2);
  others = (
    await t.db.execute<{ id: string; nip: string }>(sql`select e.id, e.nip from employees e
      join org_units u on u.id = e.unit_id
      where e.active and e.id <> ${pegawaiId} and e.id <> ${atasanId} and e.id <> all(${sqlArray(subs.map((x) => x.id))}::uuid[])
        and u.path like '%/' || (select r.unit_id::text from user_roles r join users us on us.id = r.user_id
          where us.username = 'operator.dukcapil' and r.role = 'operator') || '/%'
      order by e.nip limit 2`)
  ).rows;
  expect(others.length).toBe(2);
});
afterAll(async () => t?.close());

describe('request → atasan → BKPSDM', () => {
  let programId: string;
  let id: string;

  it('a pegawai requests a place; the atasan hears of it in the app and by e-mail', async () => {
    programId = (await createProgramme(t.db, { capacity: 5, fee: 2_500_000, travel: 3_000_000 })).id;
    const noReason = await send('POST', '/api/enrollments', c.pegawai, { programId });
    expect(noReason.statusCode).toBe(422);
    expect((noReason.json() as Problem).errors?.[0]?.field).toBe('body.reason');

    const res = await send('POST', '/api/enrollments', c.pegawai, { programId, reason: 'Tugas pelayanan' });
    expect(res.statusCode).toBe(200);
    const r = res.json() as Result;
    expect(r.enrollment).toMatchObject({ status: 'pending_atasan', employeeId: pegawaiId });
    id = r.enrollment.id;

    const bell = (await send('GET', '/api/notifications', c.atasan)).json() as {
      items: { kind: string; link: string }[];
    };
    expect(bell.items.some((n) => n.kind === 'enrollment.approval' && n.link === '/persetujuan')).toBe(true);
    const mails = await t.db.execute<{
      n: number;
      status: string;
    }>(sql`select count(*)::int as n, min(status) as status
      from email_outbox where to_address = 'atasan.dukcapil@asah.test'`);
    expect(mails.rows[0]!.n).toBeGreaterThanOrEqual(1);
    expect(mails.rows[0]!.status).toBe('not_sent'); // no SMTP in this app
    const audit = await t.db.execute(
      sql`select 1 from audit_log where entity = 'enrollment' and entity_id = ${id}`,
    );
    expect(audit.rows.length).toBe(1);
  });

  it('a second active enrolment of the same person is refused', async () => {
    const again = await send('POST', '/api/enrollments', c.pegawai, { programId, reason: 'Lagi' });
    expect(again.statusCode).toBe(409);
  });

  it('someone outside the supervisor chain cannot approve; the atasan can', async () => {
    expect(
      (await send('POST', `/api/enrollments/${id}/decision`, c.op, { decision: 'approve' })).statusCode,
    ).toBe(403);
    expect(
      (await send('POST', `/api/enrollments/${id}/decision`, c.opBkpsdm, { decision: 'approve' })).statusCode,
    ).toBe(403);
    const waiting = (await send('GET', '/api/enrollments/approvals', c.atasan)).json() as {
      items: { id: string; step: string }[];
    };
    expect(waiting.items.find((i) => i.id === id)?.step).toBe('atasan');
    const ok = await send('POST', `/api/enrollments/${id}/decision`, c.atasan, { decision: 'approve' });
    expect(ok.statusCode).toBe(200);
    expect((ok.json() as Result).enrollment.status).toBe('pending_bkpsdm');
    // The atasan's step is done: deciding it again is a conflict, and the BKPSDM step is not theirs.
    expect(
      (await send('POST', `/api/enrollments/${id}/decision`, c.atasan, { decision: 'approve' })).statusCode,
    ).toBe(409);
  });

  it('BKPSDM sees the budget effect and approves', async () => {
    await t.db.execute(sql`update tenants set settings = settings || jsonb_build_object('learningBudget',
      jsonb_build_object(extract(year from now() at time zone time_zone)::text, 900000000)) where code = 'ambon'`);
    const list = (await send('GET', '/api/enrollments/approvals', c.opBkpsdm)).json() as {
      items: { id: string; step: string; cost: number }[];
      budget: { year: number; committed: number; ceiling: number | null }[];
    };
    const mine = list.items.find((i) => i.id === id)!;
    expect(mine).toMatchObject({ step: 'bkpsdm', cost: 5_500_000 });
    const year = list.budget.find((b) => b.ceiling !== null)!;
    expect(year.ceiling).toBe(900_000_000);
    const before = year.committed;

    const rejectNoNote = await send('POST', `/api/enrollments/${id}/decision`, c.opBkpsdm, {
      decision: 'reject',
    });
    expect(rejectNoNote.statusCode).toBe(422);
    const ok = await send('POST', `/api/enrollments/${id}/decision`, c.opBkpsdm, { decision: 'approve' });
    expect((ok.json() as Result).enrollment.status).toBe('approved');
    const after = (await send('GET', '/api/enrollments/approvals', c.admin)).json() as {
      budget: { year: number; committed: number }[];
    };
    expect(after.budget.find((b) => b.year === year.year)!.committed).toBe(before + 5_500_000);
    const mails = await t.db.execute<{ n: number }>(sql`select count(*)::int as n from email_outbox
      where to_address = 'pegawai.dukcapil@asah.test' and subject like '%disetujui%'`);
    expect(mails.rows[0]!.n).toBe(1);
  });

  it('a schedule clash with an approved programme is a warning, not a refusal', async () => {
    const other = await createProgramme(t.db, { capacity: 5 });
    const res = await send('POST', '/api/enrollments', c.pegawai, {
      programId: other.id,
      reason: 'Juga perlu',
    });
    expect(res.statusCode).toBe(200);
    const r = res.json() as Result;
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatch(/bentrok/);
  });

  it('eligibility refusals say why', async () => {
    const p = await createProgramme(t.db, { eligibleGolongan: ['45'] });
    const res = await send('POST', '/api/enrollments', c.pegawai, { programId: p.id, reason: 'Ingin ikut' });
    expect(res.statusCode).toBe(422);
    expect((res.json() as Problem).detail).toMatch(/Golongan/);
    expect(await t.db.execute(sql`select 1 from enrollments where program_id = ${p.id}`)).toMatchObject({
      rows: [],
    });
  });
});

describe('capacity, waitlist, cancellation, replacement', () => {
  it('an atasan nominates subordinates straight to BKPSDM; a full programme waitlists; cancelling promotes', async () => {
    const p = await createProgramme(t.db, { capacity: 1 });
    const ids: string[] = [];
    for (const s of subs.slice(0, 2)) {
      const r = await send('POST', '/api/enrollments', c.atasan, {
        programId: p.id,
        nip: s.nip,
        reason: 'Perlu',
      });
      expect(r.statusCode).toBe(200);
      expect((r.json() as Result).enrollment.status).toBe('pending_bkpsdm');
      ids.push((r.json() as Result).enrollment.id);
    }
    // A pegawai cannot nominate anyone.
    const foreign = await send('POST', '/api/enrollments', c.pegawai, {
      programId: p.id,
      nip: others[0]!.nip,
      reason: 'x',
    });
    expect(foreign.statusCode).toBe(422);

    const first = await send('POST', `/api/enrollments/${ids[0]}/decision`, c.opBkpsdm, {
      decision: 'approve',
    });
    expect((first.json() as Result).enrollment.status).toBe('approved');
    const second = await send('POST', `/api/enrollments/${ids[1]}/decision`, c.opBkpsdm, {
      decision: 'approve',
    });
    expect((second.json() as Result).enrollment).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    const seats = await t.db.execute<{ n: number }>(sql`select count(*)::int as n from enrollments
      where program_id = ${p.id} and status = 'approved'`);
    expect(seats.rows[0]!.n).toBe(1);

    const cancel = await send('POST', `/api/enrollments/${ids[0]}/cancel`, c.op, { reason: 'Tugas lain' });
    expect(cancel.statusCode).toBe(200);
    expect((cancel.json() as Result).enrollment.status).toBe('cancelled');
    const promoted = (
      await send('GET', `/api/enrollments?programId=${p.id}&status=approved`, c.admin)
    ).json() as {
      items: Item[];
    };
    expect(promoted.items.map((i) => i.id)).toEqual([ids[1]]);
  });

  it('an operator replaces a participant in the same seat, in one step', async () => {
    const p = await createProgramme(t.db, { capacity: 3 });
    const r = await send('POST', '/api/enrollments', c.op, {
      programId: p.id,
      nip: others[0]!.nip,
      reason: 'Usulan',
    });
    expect((r.json() as Result).enrollment.status).toBe('pending_atasan');
    const a = (r.json() as Result).enrollment.id;
    await send('POST', `/api/enrollments/${a}/decision`, c.admin, { decision: 'approve' });
    await send('POST', `/api/enrollments/${a}/decision`, c.opBkpsdm, { decision: 'approve' });
    const rep = await send('POST', `/api/enrollments/${a}/replace`, c.op, {
      nip: others[1]!.nip,
      reason: 'Sakit',
    });
    expect(rep.statusCode).toBe(200);
    expect((rep.json() as Result).enrollment).toMatchObject({
      status: 'approved',
      employeeId: others[1]!.id,
    });
    const rows = await t.db.execute<{ employee_id: string; status: string }>(sql`select employee_id, status
      from enrollments where program_id = ${p.id} order by created_at`);
    expect(rows.rows).toEqual([
      { employee_id: others[0]!.id, status: 'cancelled' },
      { employee_id: others[1]!.id, status: 'approved' },
    ]);
    // A pegawai cannot replace.
    const byPegawai = await send('POST', `/api/enrollments/${a}/replace`, c.pegawai, { nip: subs[0]!.nip });
    expect(byPegawai.statusCode).toBe(403);
  });
});

describe('scoping', () => {
  it("a mitra sees only participants of their partner's programmes; a pegawai only themself", async () => {
    const mine = await createProgramme(t.db, { partnerName: 'Universitas Pattimura' });
    const r = await send('POST', '/api/enrollments', c.atasan, {
      programId: mine.id,
      nip: subs[0]!.nip,
      reason: 'x',
    });
    expect(r.statusCode).toBe(200);
    const seen = (await send('GET', '/api/enrollments?pageSize=200', c.mitra)).json() as {
      items: Item[];
      total: number;
    };
    expect(seen.total).toBeGreaterThanOrEqual(1);
    expect(seen.items.some((i) => i.programId === mine.id)).toBe(true);
    const partners = await t.db.execute<{ name: string | null }>(sql`select distinct pa.name from programs p
      left join partners pa on pa.id = p.partner_id where p.id = any(${sqlArray(seen.items.map((i) => i.programId))}::uuid[])`);
    expect(partners.rows).toEqual([{ name: 'Universitas Pattimura' }]);

    const own = (await send('GET', '/api/enrollments?pageSize=200', c.pegawai)).json() as { items: Item[] };
    expect(own.items.length).toBeGreaterThan(0);
    expect(own.items.every((i) => i.employeeId === pegawaiId)).toBe(true);
    const team = (await send('GET', '/api/enrollments?pageSize=200', c.atasan)).json() as { items: Item[] };
    expect(team.items.some((i) => i.employeeId === subs[0]!.id)).toBe(true);
    expect((await send('GET', '/api/enrollments/approvals', c.pegawai)).statusCode).toBe(403);
    expect((await send('GET', '/api/outbox', c.opBkpsdm)).statusCode).toBe(403);
    const outbox = (await send('GET', '/api/outbox', c.admin)).json() as { smtp: boolean; total: number };
    expect(outbox).toMatchObject({ smtp: false });
    expect(outbox.total).toBeGreaterThan(0);
  });
});

/** A tiny SMTP server speaking just enough of RFC 5321 for one client, keeping what it receives. */
function smtpServer() {
  const received: string[] = [];
  const server = net.createServer((sock) => {
    let data = false;
    let buf = '';
    sock.write('220 test ESMTP\r\n');
    sock.on('data', (chunk) => {
      buf += chunk.toString('utf8');
      for (;;) {
        if (data) {
          const end = buf.indexOf('\r\n.\r\n');
          if (end < 0) return;
          received.push(buf.slice(0, end));
          buf = buf.slice(end + 5);
          data = false;
          sock.write('250 OK queued\r\n');
          continue;
        }
        const nl = buf.indexOf('\r\n');
        if (nl < 0) return;
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 2);
        const cmd = line.slice(0, 4).toUpperCase();
        if (cmd === 'EHLO' || cmd === 'HELO') sock.write('250 test\r\n');
        else if (cmd === 'DATA') {
          data = true;
          sock.write('354 go ahead\r\n');
        } else if (cmd === 'QUIT') {
          sock.end('221 bye\r\n');
        } else sock.write('250 OK\r\n');
      }
    });
  });
  return { server, received };
}

describe('SMTP', () => {
  it('with SMTP_URL, queued mail is sent to the server and marked sent', async () => {
    const { server, received } = smtpServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as net.AddressInfo).port;
    const fresh = await freshDatabase();
    const app = await buildApp({
      config: loadConfig({
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        DATABASE_URL: fresh.url,
        SMTP_URL: `smtp://127.0.0.1:${port}?ignoreTLS=true`,
        SMTP_FROM: 'Asah <asah@asah.test>',
        PUBLIC_URL: 'https://asah.ambon.test/',
      }),
      database: fresh.database,
      serveWeb: false,
    });
    try {
      await app.ready();
      const login = async (u: string) => {
        const res = await app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: u, password: 'asah-demo' },
        });
        return `asah_session=${res.cookies.find((x) => x.name === 'asah_session')!.value}`;
      };
      await fresh.database.db.execute(
        sql`update users set email = 'atasan@asah.test' where username = 'atasan.dukcapil'`,
      );
      const p = await createProgramme(fresh.database.db, {});
      const peg = await login('pegawai.dukcapil');
      const r = await app.inject({
        method: 'POST',
        url: '/api/enrollments',
        headers: { cookie: peg },
        payload: { programId: p.id, reason: 'Perlu' },
      });
      expect(r.statusCode).toBe(200);
      const pending = await fresh.database.db.execute<{ status: string }>(
        sql`select status from email_outbox where to_address = 'atasan@asah.test'`,
      );
      expect(pending.rows).toEqual([{ status: 'pending' }]);

      const admin = await login('admin');
      const sent = await app.inject({ method: 'POST', url: '/api/outbox/send', headers: { cookie: admin } });
      expect(sent.statusCode).toBe(200);
      expect((sent.json() as { sent: number }).sent).toBeGreaterThanOrEqual(1);
      const after = await fresh.database.db.execute<{
        status: string;
        attempts: number;
      }>(sql`select status, attempts
        from email_outbox where to_address = 'atasan@asah.test'`);
      expect(after.rows).toEqual([{ status: 'sent', attempts: 1 }]);
      expect(received.some((m) => m.includes('Pendaftaran menunggu persetujuan Anda'))).toBe(true);
      // With PUBLIC_URL the mail links to the full address of the page, not a bare path.
      expect(received.some((m) => m.includes('Buka Asah: https://asah.ambon.test/persetujuan'))).toBe(true);
    } finally {
      await app.close();
      await fresh.drop();
      server.close();
    }
  });
});

describe('demo enrolments', () => {
  it('wait for atasan.dukcapil and for BKPSDM, fill small programmes with a waitlist, and hold past attendance', async () => {
    const atasan = (await send('GET', '/api/enrollments/approvals', c.atasan)).json() as {
      items: { step: string; employeeId: string }[];
    };
    expect(atasan.items.some((i) => i.step === 'atasan' && i.employeeId === pegawaiId)).toBe(true);
    const bkpsdm = (await send('GET', '/api/enrollments/approvals', c.opBkpsdm)).json() as {
      items: { step: string }[];
    };
    expect(bkpsdm.items.some((i) => i.step === 'bkpsdm')).toBe(true);
    const counts = await t.db.execute<{ waitlisted: number; attendance: number; overfull: number }>(sql`select
      (select count(*)::int from enrollments where status = 'waitlisted') as waitlisted,
      (select count(*)::int from attendance) as attendance,
      (select count(*)::int from programs p where p.capacity < (select count(*) from enrollments en
        where en.program_id = p.id and en.status in ('approved', 'completed', 'not_completed'))) as overfull`);
    expect(counts.rows[0]!.waitlisted).toBeGreaterThan(0);
    expect(counts.rows[0]!.attendance).toBeGreaterThan(0);
    expect(counts.rows[0]!.overfull).toBe(0);
  });
});
