import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
let behindProxy: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  behindProxy = await createTestApp({ ASAH_TRUST_PROXY: '10.0.0.0/8' });
});
afterAll(async () => {
  await t?.close();
  await behindProxy?.close();
});

const login = (app: TestApp, username: string, password: string, more: Record<string, unknown> = {}) =>
  app.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, ...more });

/** The answer without what differs on every request. */
const answer = (res: { statusCode: number; body: string }) => {
  const { requestId: _r, instance: _i, ...body } = JSON.parse(res.body) as Record<string, unknown>;
  return { status: res.statusCode, body };
};

describe('sign-in behind a proxy', () => {
  it('ignores X-Forwarded-For from a client that is no configured proxy: 20 a minute per address', async () => {
    const remoteAddress = '192.0.2.10';
    for (let i = 0; i < 20; i++) {
      const r = await login(t, 'nobody', 'x', {
        remoteAddress,
        headers: { 'x-forwarded-for': `198.51.100.${i}` },
      });
      expect(r.statusCode).toBe(401);
    }
    const over = await login(t, 'nobody', 'x', {
      remoteAddress,
      headers: { 'x-forwarded-for': '198.51.100.99' },
    });
    expect(over.statusCode).toBe(429);
    expect(over.json().code).toBe('rateLimited');
    // A limit per address, in PostgreSQL: another address still signs in.
    expect((await login(t, 'nobody', 'x', { remoteAddress: '192.0.2.11' })).statusCode).toBe(401);
    const rows = await t.db.execute(
      sql`select key, count from rate_limits where key = ${`sign-in|${remoteAddress}`}`,
    );
    expect(rows.rows).toEqual([{ key: `sign-in|${remoteAddress}`, count: 21 }]);
  });

  it('counts guesses, not sign-ins: 30 ASN of one office signing in from one address all get in', async () => {
    const remoteAddress = '192.0.2.30';
    for (let i = 0; i < 30; i++)
      expect((await login(t, 'pegawai.dukcapil', 'asah-demo', { remoteAddress })).statusCode).toBe(200);
    const rows = await t.db.execute(
      sql`select count from rate_limits where key = ${`sign-in|${remoteAddress}`}`,
    );
    expect(rows.rows).toEqual([{ count: 0 }]);
  });

  it('believes X-Forwarded-For only from the proxy named in ASAH_TRUST_PROXY', async () => {
    const fromProxy = { remoteAddress: '10.1.2.3', headers: { 'x-forwarded-for': '203.0.113.7' } };
    expect((await login(behindProxy, 'nobody', 'x', fromProxy)).statusCode).toBe(401);
    const rows = await behindProxy.db.execute(
      sql`select key from rate_limits where key like 'sign-in|%' order by key`,
    );
    expect(rows.rows.map((r) => r.key)).toEqual(['sign-in|203.0.113.7']);
  });
});

describe('sign-in per account', () => {
  it('holds an account back after repeated failures from many addresses, answering like a wrong password', async () => {
    const wrong = await login(t, 'pimpinan', 'salah', { remoteAddress: '192.0.2.20' });
    const unknown = await login(t, 'tidak.ada', 'salah', { remoteAddress: '192.0.2.21' });
    expect(wrong.statusCode).toBe(401);
    expect(answer(unknown)).toEqual(answer(wrong));
    for (let i = 0; i < 4; i++) {
      const r = await login(t, 'pimpinan', 'salah', { remoteAddress: `192.0.2.${30 + i}` });
      expect(answer(r)).toEqual(answer(wrong));
    }
    // Five failures from five addresses: even the right password waits, and says nothing more.
    const held = await login(t, 'pimpinan', 'asah-demo', { remoteAddress: '192.0.2.40' });
    expect(answer(held)).toEqual(answer(wrong));
    expect(held.cookies.find((c) => c.name === 'asah_session')).toBeUndefined();
    const en = await login(t, 'pimpinan', 'asah-demo', {
      remoteAddress: '192.0.2.41',
      headers: { 'accept-language': 'en' },
    });
    const enWrong = await login(t, 'tidak.ada', 'x', {
      remoteAddress: '192.0.2.41',
      headers: { 'accept-language': 'en' },
    });
    expect(answer(en)).toEqual(answer(enWrong));
    const audit = await t.db.execute(
      sql`select action, count(*)::int as n from audit_log where action in ('login.failed', 'lock') group by action order by action`,
    );
    expect(audit.rows).toEqual([
      { action: 'lock', n: 1 },
      { action: 'login.failed', n: 4 },
    ]);
  });

  it('signs in again once the wait is over, and starts counting anew', async () => {
    await t.db.execute(
      sql`update users set locked_until = now() - interval '1 second' where username = 'pimpinan'`,
    );
    const ok = await login(t, 'pimpinan', 'asah-demo', { remoteAddress: '192.0.2.50' });
    expect(ok.statusCode).toBe(200);
    const row = await t.db.execute(
      sql`select failed_attempts, locked_until from users where username = 'pimpinan'`,
    );
    expect(row.rows[0]).toEqual({ failed_attempts: 0, locked_until: null });
  });

  it('counts 20 parallel wrong guesses as 20 failures and waits longer for each after the fifth', async () => {
    const guesses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        login(t, 'atasan.dukcapil', `tebakan-${i}`, { remoteAddress: `198.18.0.${i + 1}` }),
      ),
    );
    expect(guesses.map((g) => g.statusCode)).toEqual(Array(20).fill(401));
    const row = await t.db.execute(
      sql`select failed_attempts, extract(epoch from locked_until - now()) as wait from users where username = 'atasan.dukcapil'`,
    );
    expect(row.rows[0]!.failed_attempts).toBe(20);
    // 2^15 s is capped at LOGIN_LOCK_MINUTES (15 minutes).
    expect(Number(row.rows[0]!.wait)).toBeGreaterThan(14 * 60);
    expect(Number(row.rows[0]!.wait)).toBeLessThanOrEqual(15 * 60);
  });
});
