import crypto from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import { connect } from '../../src/server/db/client.js';
import { watchBusyConnections } from './db.js';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The served app's own database, for tests that must set up what no page can (a platform admin). */
    e2eDatabaseUrl: string;
  }
}

/** Serves the built web app and the API on a random port, on its own copy of the test database. */
export default async function setup(project: TestProject) {
  if (!fs.existsSync('dist/web/index.html')) {
    throw new Error(
      'dist/web belum dibangun: jalankan `npm run build` sebelum uji peramban (npm test melakukannya).',
    );
  }
  const { pgAdminUrl: adminUrl, templateDb } = project.getProvidedContext();
  const name = `asah_e2e_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name} template ${templateDb}`);
  await admin.end();
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'warn', DATABASE_URL: u.toString() });
  const database = connect(u.toString(), 'external', 10);
  const checkConnections = watchBusyConnections();
  const app = await buildApp({ config, database, serveWeb: true });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  project.provide('baseUrl', `http://127.0.0.1:${port}`);
  project.provide('e2eDatabaseUrl', u.toString());
  return async () => {
    await app.close();
    await database.close();
    checkConnections();
  };
}
