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
export async function freshDatabase(
  poolMax = 10,
): Promise<{ database: Database; url: string; drop(): Promise<void> }> {
  const adminUrl = inject('pgAdminUrl');
  const name = `asah_t_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name} template ${inject('templateDb')}`);
  await admin.end();
  const url = withDb(adminUrl, name);
  const database = connect(url, inject('dbMode'), poolMax);
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

/**
 * pg warns (once per process) when a query is sent on a connection still busy with another one: inside a
 * transaction that means queries of one `tx` run side by side (e.g. Promise.all), which pg 9 refuses.
 * Returns a check that throws when that happened since the watch began.
 */
export function watchBusyConnections(): () => void {
  const seen: string[] = [];
  const listener = (w: Error) => {
    if (w.message.includes('already executing a query')) seen.push(w.stack ?? w.message);
  };
  process.on('warning', listener);
  return () => {
    process.off('warning', listener);
    if (seen.length)
      throw new Error(
        `A query was sent on a connection busy with another; run the queries of one transaction one after another.\n${seen[0]}`,
      );
  };
}
