import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import { connect } from '../../src/server/db/client.js';
import { createTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
const lines: string[] = [];
beforeAll(async () => {
  t = await createTestApp(
    { LOG_LEVEL: 'info' },
    { poolMax: 1, logStream: { write: (line: string) => void lines.push(line) } },
  );
});
afterAll(async () => t?.close());

const logged = (msg: string) => lines.filter((l) => (JSON.parse(l) as { msg?: string }).msg === msg);

describe('a busy pool is not a dead database', () => {
  it('answers 503 db.busy with Retry-After while the only connection is held by a slow query, then serves again', async () => {
    const admin = await t.login('admin');
    const list = () => t.app.inject({ method: 'GET', url: '/api/employees', headers: { cookie: admin } });
    expect((await list()).statusCode).toBe(200);

    // The pool has one connection: a slow query holds it longer than the 5 s a request waits for it.
    const slow = t.pool.query('select pg_sleep(6.5)');
    const busy = await list();
    expect(busy.statusCode).toBe(503);
    expect(busy.headers['retry-after']).toBe('2');
    expect(busy.json()).toMatchObject({
      code: 'db.busy',
      reason: 'pool_busy',
      title: 'Server sedang sibuk, coba lagi sebentar.',
    });
    expect(logged('database pool busy')).toHaveLength(1);
    expect(logged('database unavailable')).toHaveLength(0);
    await slow;

    expect((await list()).statusCode).toBe(200);
  }, 40_000);

  it('keeps db.unavailable for a database that refuses connections, logged apart', async () => {
    // A port nobody listens on: every connection is refused at once.
    const server = net.createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as net.AddressInfo).port;
    await new Promise((r) => server.close(r));
    const deadLines: string[] = [];
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      DATABASE_URL: `postgres://asah:asah@127.0.0.1:${port}/asah`,
    });
    const database = connect(config.databaseUrl!, 'external', 1);
    const app = await buildApp({
      config,
      database,
      serveWeb: false,
      logStream: { write: (line: string) => void deadLines.push(line) },
    });
    try {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'admin', password: 'asah-demo' },
      });
      expect(res.statusCode).toBe(503);
      expect(res.headers['retry-after']).toBe('5');
      expect(res.json()).toMatchObject({ code: 'db.unavailable', reason: 'database_unreachable' });
      const msgs = deadLines.map((l) => (JSON.parse(l) as { msg?: string }).msg);
      expect(msgs).toContain('database unavailable');
      expect(msgs).not.toContain('database pool busy');
    } finally {
      await app.close();
      await database.close();
    }
  });
});
