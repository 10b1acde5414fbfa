import type { TestProject } from 'vitest/node';
import pg from 'pg';
import pino from 'pino';
import { connect, runMigrations } from '../../src/server/db/client.js';
import { startEmbedded, tmpDataDir, type EmbeddedHandle } from '../../src/server/db/embedded.js';
import { seedDemo } from '../../src/server/seed/demo.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin URL of the test PostgreSQL server (database part is replaced per test file). */
    pgAdminUrl: string;
    templateDb: string;
    dbMode: 'embedded' | 'external';
  }
}

/** Per test process, so several runs (e.g. `npm test`'s parallel ones) can share one server. */
export const TEMPLATE_DB = `asah_test_template_${process.pid}`;
export const TEST_DEMO_EMPLOYEES = 400;

const withDb = (url: string, db: string) => {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
};

/**
 * One PostgreSQL for the whole run: the embedded one in a temporary folder, or the server in
 * TEST_DATABASE_URL. A template database is migrated and seeded once; every test file then gets
 * its own copy (CREATE DATABASE … TEMPLATE), so files never see each other's writes.
 */
export default async function setup(project: TestProject) {
  let embedded: EmbeddedHandle | null = null;
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    embedded = await startEmbedded({
      dataDir: tmpDataDir(),
      log: pino({ level: 'warn' }),
      database: 'postgres',
    });
    adminUrl = embedded.url;
  }
  const serverUrl = adminUrl;
  const admin = new pg.Client({ connectionString: withDb(serverUrl, 'postgres') });
  await admin.connect();
  await admin.query(`drop database if exists ${TEMPLATE_DB} with (force)`);
  await admin.query(`create database ${TEMPLATE_DB}`);
  const database = connect(withDb(adminUrl, TEMPLATE_DB), 'external', 4);
  await runMigrations(database);
  await seedDemo(database.db, { employees: TEST_DEMO_EMPLOYEES, seed: 7 });
  await database.close();
  await admin.end();

  project.provide('pgAdminUrl', withDb(adminUrl, 'postgres'));
  project.provide('templateDb', TEMPLATE_DB);
  project.provide('dbMode', embedded ? 'embedded' : 'external');

  return async () => {
    if (embedded) {
      await embedded.stop();
      return;
    }
    const cleanup = new pg.Client({ connectionString: withDb(serverUrl, 'postgres') });
    await cleanup.connect();
    await cleanup.query(`drop database if exists ${TEMPLATE_DB} with (force)`).catch(() => undefined);
    await cleanup.end();
  };
}
