import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { startEmbedded, tmpDataDir, type EmbeddedHandle } from './embedded.js';
import { openDatabase, type OpenDatabase } from './open.js';

const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => undefined);
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(check: () => Promise<boolean>, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await sleep(250);
  }
  return false;
}

describe('a database that dies', () => {
  it('answers 503 naming the database while the embedded PostgreSQL is down, restarts it, and serves again', async () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      ASAH_DATA_DIR: tmpDataDir(),
      ASAH_DEMO: 'true',
      ASAH_DEMO_EMPLOYEES: '50',
    });
    const lost: Error[] = [];
    const database: OpenDatabase = await openDatabase(config, {
      restart: { attempts: 5, firstDelayMs: 3000 },
      onDatabaseLost: (e) => lost.push(e),
    });
    cleanups.push(() => database.shutdown());
    const app = await buildApp({ config, database, serveWeb: false });
    cleanups.push(() => app.close());
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: 'asah-demo' },
    });
    expect(login.statusCode).toBe(200);
    const cookie = `asah_session=${login.cookies.find((c) => c.name === 'asah_session')!.value}`;
    const employees = () => app.inject({ method: 'GET', url: '/api/employees', headers: { cookie } });
    expect((await employees()).statusCode).toBe(200);

    const pid = database.embedded!.pid()!;
    process.kill(pid, 'SIGKILL');
    await waitFor(async () => {
      try {
        process.kill(pid, 0);
        return false;
      } catch {
        return true;
      }
    }, 5000);

    const health = await app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(503);
    expect(health.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(health.json()).toMatchObject({
      status: 503,
      code: 'db.unavailable',
      reason: 'database_unreachable',
      database: 'embedded',
      title: expect.stringContaining('Basis data'),
    });
    const down = await employees();
    expect(down.statusCode).toBe(503);
    expect(down.headers['retry-after']).toBe('5');
    expect(down.json()).toMatchObject({
      code: 'db.unavailable',
      title: expect.stringContaining('Basis data'),
    });
    // A signed-in caller is answered in their own language (a session this process has just read
    // needs no database); an anonymous one by Accept-Language.
    const en = await app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'accept-language': 'en' },
    });
    expect(en.statusCode).toBe(503);
    expect(en.json().title).toContain('database is unavailable');

    // Asah starts PostgreSQL again by itself; the pool connects afresh.
    const back = await waitFor(
      async () => (await app.inject({ method: 'GET', url: '/api/health' })).statusCode === 200,
      60_000,
    );
    expect(back).toBe(true);
    expect(database.embedded!.pid()).not.toBe(pid);
    expect((await employees()).statusCode).toBe(200);
    expect(lost).toEqual([]);
  }, 180_000);

  it('gives up after the restart attempts and says so, so the server can exit for its supervisor', async () => {
    const lost: Error[] = [];
    const h: EmbeddedHandle = await startEmbedded({
      dataDir: tmpDataDir(),
      log: pino({ level: 'silent' }),
      restart: { attempts: 0, firstDelayMs: 100 },
      onLost: (e) => lost.push(e),
    });
    cleanups.push(() => h.stop());
    process.kill(h.pid()!, 'SIGKILL');
    expect(await waitFor(async () => lost.length === 1, 10_000)).toBe(true);
    expect(lost[0]!.message).toMatch(/tidak dapat dijalankan ulang/);
  }, 120_000);
});
