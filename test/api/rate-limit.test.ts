/** Rate limits counted in PostgreSQL (`rate_limits`), keyed by the client address Asah believes. */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import { postgresRateLimitStore } from '../../src/server/http/rate-limit-store.js';
import { cleanupShared } from '../../src/server/jobs/start.js';
import { runExclusive } from '../../src/server/jobs/schedule.js';
import { freshDatabase } from '../helpers/db.js';

let fresh: Awaited<ReturnType<typeof freshDatabase>>;
const apps: FastifyInstance[] = [];

async function app(env: Record<string, string> = {}) {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: fresh.url, ...env });
  const a = await buildApp({ config, database: fresh.database, serveWeb: false });
  await a.ready();
  apps.push(a);
  return a;
}

const attempt = (a: FastifyInstance, remoteAddress: string, forwardedFor?: string) =>
  a
    .inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress,
      headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
      payload: { username: `tidak.ada.${Math.random()}`, password: 'salah-sekali' },
    })
    .then((r) => r.statusCode);

beforeAll(async () => {
  fresh = await freshDatabase();
});
afterAll(async () => {
  for (const a of apps) await a.close();
  await fresh.drop();
});

describe('sign-in rate limit', () => {
  it('cannot be dodged with a made-up X-Forwarded-For when no proxy is trusted', async () => {
    const a = await app();
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) statuses.push(await attempt(a, '203.0.113.7', `198.51.100.${i}`));
    expect(statuses.filter((s) => s !== 429)).toHaveLength(20);
    expect(statuses.slice(20)).toEqual([429, 429, 429, 429, 429]);
    const [row] = (
      await fresh.database.pool.query(`select count from rate_limits where key like '%203.0.113.7'`)
    ).rows as { count: number }[];
    expect(row?.count).toBe(25);
  });

  it('counts each client behind a trusted proxy on this machine apart', async () => {
    const a = await app({ ASAH_TRUST_PROXY: '127.0.0.1' });
    for (let i = 0; i < 20; i++) expect(await attempt(a, '127.0.0.1', '192.0.2.10')).toBe(401);
    const limited = await a.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '127.0.0.1',
      headers: { 'x-forwarded-for': '192.0.2.10', 'accept-language': 'en' },
      payload: { username: 'tidak.ada', password: 'salah-sekali' },
    });
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toContain('application/problem+json');
    expect(limited.json()).toMatchObject({ code: 'rateLimited' });
    expect(await attempt(a, '127.0.0.1', '192.0.2.11')).toBe(401);
  });
});

describe('PostgreSQL rate-limit store', () => {
  it('starts a new window once the old one is over, and cleanup removes long-finished windows', async () => {
    const Store = postgresRateLimitStore(fresh.database.db);
    const store = new Store().child({ routeInfo: { method: 'POST', url: '/uji' } });
    const incr = (key: string, windowMs: number) =>
      new Promise<{ current: number; ttl: number }>((resolve, reject) =>
        store.incr(key, (e, r) => (e ? reject(e) : resolve(r!)), windowMs),
      );
    expect((await incr('k', 60_000)).current).toBe(1);
    const second = await incr('k', 60_000);
    expect(second.current).toBe(2);
    expect(second.ttl).toBeGreaterThan(50_000);
    expect(second.ttl).toBeLessThanOrEqual(60_000);
    await fresh.database.pool.query(
      `update rate_limits set window_start = now() - interval '2 minutes' where key = 'POST /uji|k'`,
    );
    expect((await incr('k', 60_000)).current).toBe(1);

    // What a limited request costs: one upsert round trip, also with 8 at once on one key.
    const started = performance.now();
    for (let i = 0; i < 200; i++) await incr('timed', 60_000);
    const sequential = (performance.now() - started) / 200;
    const burst = await Promise.all(Array.from({ length: 8 }, () => incr('burst', 60_000)));
    expect(burst.map((r) => r.current).sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    console.log(`rate-limit upsert: ${sequential.toFixed(2)} ms per request`);

    await fresh.database.pool.query(
      `insert into rate_limits (key, window_start, count) values ('POST /uji|old', now() - interval '2 days', 3)`,
    );
    const r = await runExclusive(fresh.database.db, 'cleanup', cleanupShared);
    expect(r).toMatchObject({ ran: true, result: { rateLimits: 1 } });
    const keys = await fresh.database.pool.query(
      `select key from rate_limits where key like 'POST /uji|%' order by key`,
    );
    expect(keys.rows).toEqual([
      { key: 'POST /uji|burst' },
      { key: 'POST /uji|k' },
      { key: 'POST /uji|timed' },
    ]);
  });
});
