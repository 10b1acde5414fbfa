import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type SQL } from 'drizzle-orm';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema/index.js';

export type Db = NodePgDatabase<typeof schema>;
/** A database handle or an open transaction: repositories accept either. */
export type Tx = Db | Parameters<Parameters<Db['transaction']>[0]>[0];

// numeric and bigint arrive as strings; count(*) (int8) is mapped to number deliberately where used.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

/** One array parameter (drizzle would otherwise spread a JS array into a list): `${sqlArray(ids)}::uuid[]`. */
export const sqlArray = (values: readonly unknown[]): SQL => sql`${sql.param(values)}`;

export interface Database {
  db: Db;
  pool: pg.Pool;
  /**
   * For heavy report reads only (compliance, heatmap, their downloads): the read replica in
   * DATABASE_READ_URL when set, else the main pool. Never write through it; it may lag a moment.
   */
  read: Db;
  /** The pool behind `read` (the main pool when there is no replica). */
  readPool: pg.Pool;
  kind: 'embedded' | 'external';
  close(): Promise<void>;
}

/** How long a new database connection may take before the request fails as `db.unavailable`. */
export const CONNECT_TIMEOUT_MS = 5000;

const openPool = (url: string, max: number, name: string) => {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    application_name: name,
    // A database that does not answer fails the request (503) instead of holding it for ever.
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  });
  // A dropped idle connection is removed from the pool and replaced on next use: when the database comes
  // back, new connections simply succeed. A connection that drops while checked out (an import holding
  // its client) fails that client's queries; its 'error' event must not crash the process either.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  return pool;
};

/** Connects to `url`; report reads go to `readUrl` when given (a replica), else to `url` too. */
export function connect(url: string, kind: Database['kind'], max = 20, readUrl?: string | null): Database {
  const pool = openPool(url, max, 'asah');
  const db = drizzle(pool, { schema });
  if (!readUrl) return { db, pool, read: db, readPool: pool, kind, close: () => pool.end() };
  const readPool = openPool(readUrl, max, 'asah-read');
  const read = drizzle(readPool, { schema });
  return {
    db,
    pool,
    read,
    readPool,
    kind,
    close: async () => {
      await Promise.all([pool.end(), readPool.end()]);
    },
  };
}

const here = path.dirname(fileURLToPath(import.meta.url));

export async function runMigrations(database: Database, migrationsFolder = findMigrations()): Promise<void> {
  const client = await database.pool.connect();
  try {
    // One migrator at a time, even with several Asah processes on one server.
    await client.query('select pg_advisory_lock(727274)');
    await migrate(drizzle(client, { schema }), { migrationsFolder });
  } finally {
    await client.query('select pg_advisory_unlock(727274)').catch(() => undefined);
    client.release();
  }
}

export function findMigrations(): string {
  const candidates = [
    path.resolve(here, '../../../drizzle'),
    path.resolve(here, '../../drizzle'),
    path.resolve(here, '../drizzle'),
    path.resolve(process.cwd(), 'drizzle'),
  ];
  const found = candidates.find((p) => fs.existsSync(path.join(p, 'meta', '_journal.json')));
  if (!found) throw new Error('Folder migrasi drizzle/ tidak ditemukan');
  return found;
}
