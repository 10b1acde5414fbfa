import crypto from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { connect, type Database } from '../../src/server/db/client.js';

const withDb = (url: string, db: string) => {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
};

/** A fresh database copied from the seeded template; dropped by the returned `drop`. */
export async function freshDatabase(): Promise<{ database: Database; url: string; drop(): Promise<void> }> {
  const adminUrl = inject('pgAdminUrl');
  const name = `asah_t_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name} template ${inject('templateDb')}`);
  await admin.end();
  const url = withDb(adminUrl, name);
  const database = connect(url, inject('dbMode'), 10);
  return {
    database,
    url,
    async drop() {
      await database.close();
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}
