import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import type { DestinationStream } from 'pino';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import type { Db } from '../../src/server/db/client.js';
import { freshDatabase, watchBusyConnections } from './db.js';

export const DEMO_PASSWORD = 'asah-demo';

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  pool: pg.Pool;
  /** The connection string of this file's database copy (for a child process). */
  dbUrl: string;
  /** Signs in and returns the Cookie header value for later requests. */
  login(username: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

/** The whole Asah app on its own fresh copy of the seeded test database; `env` adds settings. */
export async function createTestApp(
  env: Record<string, string> = {},
  opts: { logStream?: DestinationStream; poolMax?: number } = {},
): Promise<TestApp> {
  const { poolMax, ...appOpts } = opts;
  const fresh = await freshDatabase(poolMax);
  const checkConnections = watchBusyConnections();
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DATABASE_URL: fresh.url,
    ...env,
  });
  const app = await buildApp({ config, database: fresh.database, serveWeb: false, ...appOpts });
  await app.ready();
  return {
    app,
    db: fresh.database.db,
    pool: fresh.database.pool,
    dbUrl: fresh.url,
    async login(username, password = DEMO_PASSWORD) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password },
      });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'asah_session');
      return `asah_session=${cookie!.value}`;
    },
    async close() {
      await app.close();
      await fresh.drop();
      checkConnections();
    },
  };
}
