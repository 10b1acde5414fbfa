/**
 * Two real Asah processes (A and B) on one database, as behind a proxy: a session made on one is
 * valid on the other, the sign-in rate limit is one limit for both, scheduled work is done once,
 * an import previewed on one is saved through the other, and report reads use DATABASE_READ_URL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../helpers/db.js';
import { startAsah, startSmtpSink, type AsahProcess, type SmtpSink } from '../helpers/processes.js';
import { employeeCsv, makeNips } from '../../src/server/modules/imports/testkit.js';

const LOGIN_LIMIT = 20; // LOGIN_MAX_PER_MINUTE: failed sign-ins per address per minute

let fresh: Awaited<ReturnType<typeof freshDatabase>>;
let sink: SmtpSink;
let a: AsahProcess;
let b: AsahProcess;
let cookie = '';
/** Refused sign-ins of this file so far (successful ones are not counted against the limit). */
let failedLogins = 0;

const q = async <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
  (await fresh.database.pool.query(text, params)).rows as T[];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(what: string, check: () => Promise<boolean>, ms = 20_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`waited ${ms} ms for ${what}`);
    await sleep(200);
  }
}

async function login(p: AsahProcess, username: string, password = 'asah-demo') {
  const res = await fetch(`${p.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) failedLogins++;
  return { status: res.status, cookie: (res.headers.get('set-cookie') ?? '').split(';')[0]! };
}

const call = (p: AsahProcess, path: string, init: RequestInit = {}, who = cookie) =>
  // As Asah's own pages would send it: the origin names the process asked.
  fetch(`${p.url}${path}`, { ...init, headers: { cookie: who, origin: p.url, ...(init.headers ?? {}) } });

function csvForm(csv: string) {
  const form = new FormData();
  form.append('file', new Blob([csv], { type: 'text/csv' }), 'pegawai.csv');
  return form;
}

beforeAll(async () => {
  fresh = await freshDatabase();
  sink = await startSmtpSink();
  const env = {
    DATABASE_URL: fresh.url,
    DATABASE_READ_URL: fresh.url,
    SMTP_URL: sink.url,
    SMTP_FROM: 'Asah <no-reply@asah.test>',
    REMIND_EVERY_SEC: '1',
    MAIL_EVERY_SEC: '1',
  };
  [a, b] = await Promise.all([startAsah(env), startAsah(env)]);
  const signIn = await login(a, 'admin');
  expect(signIn.status).toBe(200);
  cookie = signIn.cookie;
});

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await sink?.close();
  await fresh?.drop();
});

describe('two Asah processes on one database', () => {
  it('honours a session made on A on B, and a sign-out on B on A', async () => {
    const me = await call(b, '/api/auth/me');
    expect(me.status).toBe(200);
    expect(((await me.json()) as { username: string }).username).toBe('admin');

    const other = await login(b, 'admin');
    expect(other.status).toBe(200);
    expect((await call(a, '/api/auth/me', {}, other.cookie)).status).toBe(200);
    expect((await call(b, '/api/auth/logout', { method: 'POST' }, other.cookie)).status).toBe(200);
    expect((await call(a, '/api/auth/me', {}, other.cookie)).status).toBe(401);
  });

  it('writes an agreement reminder once while both processes run the job every second', async () => {
    const [partner] = await q<{ id: string; tenant_id: string }>(
      `select id, tenant_id from partners limit 1`,
    );
    const number = 'PKS/DUA-PROSES/2026';
    const [agreement] = await q<{ id: string }>(
      `insert into partner_agreements (tenant_id, partner_id, kind, number, title, starts_on, ends_on, remind_days_before)
       values ($1, $2, 'pks', $3, 'Uji dua proses', current_date - 100, current_date + 10, 30) returning id`,
      [partner!.tenant_id, partner!.id, number],
    );
    const reminded = async () =>
      (await q(`select 1 from audit_log where action = 'remind' and entity_id = $1`, [agreement!.id]))
        .length > 0;
    await waitFor('the agreement reminder', reminded);
    await sleep(3000); // several more turns of both timers
    const audits = await q(`select 1 from audit_log where action = 'remind' and entity_id = $1`, [
      agreement!.id,
    ]);
    expect(audits).toHaveLength(1);
    const [n] = await q<{ all: number; users: number }>(
      `select count(*)::int as all, count(distinct user_id)::int as users from notifications where title = $1`,
      [`Perjanjian ${number} segera berakhir`],
    );
    expect(n!.all).toBeGreaterThan(0);
    expect(n!.all).toBe(n!.users);
  });

  it('sends each queued e-mail once while both processes run the sender every second', async () => {
    const [tenant] = await q<{ id: string }>(`select id from tenants limit 1`);
    const subjects = Array.from({ length: 6 }, (_, i) => `Uji dua proses nomor ${i}`);
    for (const [i, s] of subjects.entries())
      await q(
        `insert into email_outbox (tenant_id, to_address, subject, body) values ($1, $2, $3, 'Isi uji.')`,
        [tenant!.id, `uji${i}@asah.test`, s],
      );
    const pending = async () =>
      (await q(`select 1 from email_outbox where subject = any($1) and status <> 'sent'`, [subjects])).length;
    await waitFor('the e-mails to be sent', async () => (await pending()) === 0);
    await sleep(2500);
    for (const s of subjects) expect(sink.messages.filter((m) => m.includes(s))).toHaveLength(1);
  });

  it('sends one round of campaign reminders when A and B are asked at the same moment', async () => {
    const [campaign] = await q<{ id: string }>(`
      select c.id from assessment_campaigns c where c.status = 'open' and exists (
        select 1 from campaign_assignments x join users u on u.employee_id = x.assessor_employee_id and u.active
        where x.campaign_id = c.id and x.completed_at is null) limit 1`);
    expect(campaign).toBeDefined();
    for (let round = 0; round < 3; round++) {
      await q(`update campaign_assignments set reminded_at = null where campaign_id = $1`, [campaign!.id]);
      const [before] = await q<{ n: number }>(
        `select count(*)::int as n from notifications where kind = 'assessment.reminder'`,
      );
      const answers = await Promise.all(
        [a, b].map(async (p) => {
          const res = await call(p, `/api/campaigns/${campaign!.id}/remind`, { method: 'POST' });
          expect(res.status).toBe(200);
          return ((await res.json()) as { notified: number }).notified;
        }),
      );
      const [after] = await q<{ n: number }>(
        `select count(*)::int as n from notifications where kind = 'assessment.reminder'`,
      );
      expect(Math.min(...answers)).toBe(0);
      expect(Math.max(...answers)).toBeGreaterThan(0);
      expect(after!.n - before!.n).toBe(Math.max(...answers));
    }
  });

  it('saves through B an import previewed on A, once; a background import on A is followed on B', async () => {
    const taken = new Set((await q<{ nip: string }>(`select nip from employees`)).map((r) => r.nip));
    const nips = makeNips(4, taken, 7000);
    const inDb = async (list: string[]) =>
      (await q(`select 1 from employees where nip = any($1)`, [list])).length;

    const preview = await call(a, '/api/employees/import?dryRun=true', {
      method: 'POST',
      body: csvForm(employeeCsv(nips.slice(0, 3))),
    });
    expect(preview.status).toBe(200);
    const pv = (await preview.json()) as { jobId: string; created: number; dryRun: boolean };
    expect(pv).toMatchObject({ created: 3, dryRun: true });
    expect(await inDb(nips)).toBe(0);

    const saved = await call(b, `/api/imports/${pv.jobId}/confirm`, { method: 'POST' });
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({ created: 3, dryRun: false, errorCount: 0 });
    expect(await inDb(nips.slice(0, 3))).toBe(3);
    const again = await call(a, `/api/imports/${pv.jobId}/confirm`, {
      method: 'POST',
      headers: { 'accept-language': 'en' },
    });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ code: 'import.notConfirmable' });
    expect(await q(`select 1 from import_uploads where job_id = $1`, [pv.jobId])).toHaveLength(0);

    const started = await call(a, '/api/employees/import?async=true', {
      method: 'POST',
      body: csvForm(employeeCsv(nips.slice(3))),
    });
    expect(started.status).toBe(202);
    const { jobId } = (await started.json()) as { jobId: string };
    let job: { status: string; result: { created?: number } | null } = { status: 'queued', result: null };
    await waitFor('the background import', async () => {
      job = (await (await call(b, `/api/imports/${jobId}`)).json()) as typeof job;
      return job.status === 'succeeded' || job.status === 'failed';
    });
    expect(job).toMatchObject({ status: 'succeeded', result: { created: 1 } });
    expect(await inDb(nips.slice(3))).toBe(1);
    expect(await q(`select 1 from import_uploads where job_id = $1`, [jobId])).toHaveLength(0);
  });

  it('reads the JP compliance report and the gap heatmap through the DATABASE_READ_URL pool', async () => {
    for (const path of ['/api/reports/jp-compliance', '/api/gaps/heatmap']) {
      const res = await call(b, path);
      expect(res.status, path).toBe(200);
    }
    const readers = await q(
      `select 1 from pg_stat_activity where datname = current_database() and application_name = 'asah-read'`,
    );
    expect(readers.length).toBeGreaterThan(0);
  });

  it('holds one sign-in limit across A and B', async () => {
    const statuses: number[] = [];
    const attempts = 2 * LOGIN_LIMIT;
    for (let i = 0; i < attempts; i += 8) {
      const batch = Array.from({ length: Math.min(8, attempts - i) }, (_, k) =>
        login(i + k < attempts / 2 ? a : b, `tidak.ada.${i + k}`, 'salah-sekali').then((r) => r.status),
      );
      statuses.push(...(await Promise.all(batch)));
    }
    // Every refused sign-in of this file counted against one limit, whichever process answered.
    const allowedHere = LOGIN_LIMIT - (failedLogins - attempts);
    expect(statuses.filter((s) => s !== 429)).toHaveLength(allowedHere);
    expect(statuses.filter((s) => s === 429)).toHaveLength(attempts - allowedHere);
  });
});
