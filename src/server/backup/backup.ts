/**
 * `asah backup`: every table of the database in one consistent snapshot (one REPEATABLE READ, READ ONLY
 * transaction), written while Asah keeps running, to one gzip'd file with a manifest and a SHA-256 per
 * table (see format.ts). Files (bytea) are tables like the others.
 */
import fs from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import zlib from 'node:zlib';
import type pg from 'pg';
import { findMigrations } from '../db/client.js';
import {
  FORMAT,
  FORMAT_VERSION,
  newHash,
  type Header,
  type Line,
  type Manifest,
  type MigrationLevel,
} from './format.js';

const FETCH_ROWS = 2000;

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The Asah version, from the package.json next to the migrations. */
export function asahVersion(): string {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(findMigrations(), '..', 'package.json'), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

interface JournalEntry {
  idx: number;
  when: number;
  tag: string;
}

export function readJournal(folder = findMigrations()): JournalEntry[] {
  return (
    JSON.parse(fs.readFileSync(path.join(folder, 'meta', '_journal.json'), 'utf8')) as {
      entries: JournalEntry[];
    }
  ).entries;
}

export async function migrationLevel(client: pg.ClientBase): Promise<MigrationLevel> {
  const exists = await client.query(`select to_regclass('drizzle.__drizzle_migrations') as t`);
  if (!exists.rows[0].t) return { count: 0, when: 0, tag: null };
  const r = await client.query<{ n: string; when: string | null }>(
    'select count(*) as n, max(created_at) as when from drizzle.__drizzle_migrations',
  );
  const when = Number(r.rows[0]!.when ?? 0);
  const tag = readJournal().find((e) => e.when === when)?.tag ?? null;
  return { count: Number(r.rows[0]!.n), when, tag };
}

/** The tables of the public schema, parents before children (foreign keys), then by name. */
export async function tablesInOrder(client: pg.ClientBase): Promise<string[]> {
  const tables = (
    await client.query<{ name: string }>(
      `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind in ('r', 'p') order by c.relname`,
    )
  ).rows.map((r) => r.name);
  const deps = await client.query<{ child: string; parent: string }>(
    `select distinct c.relname as child, p.relname as parent from pg_constraint k
       join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
       join pg_namespace n on n.oid = c.relnamespace
     where k.contype = 'f' and n.nspname = 'public' and c.oid <> p.oid`,
  );
  const parents = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const d of deps.rows) parents.get(d.child)?.add(d.parent);
  const ordered: string[] = [];
  const done = new Set<string>();
  while (ordered.length < tables.length) {
    const ready = tables.filter((t) => !done.has(t) && [...parents.get(t)!].every((p) => done.has(p)));
    // A cycle between tables: take the rest by name (the restore defers the checks where it can).
    const next = ready.length ? ready : tables.filter((t) => !done.has(t)).slice(0, 1);
    for (const t of next) {
      ordered.push(t);
      done.add(t);
    }
  }
  return ordered;
}

/** Writes the backup to `file` (through a temporary file beside it, renamed when complete). */
export async function writeBackup(pool: pg.Pool, file: string): Promise<Manifest> {
  const tmp = `${file}.partial-${process.pid}`;
  const gzip = zlib.createGzip();
  const sink = fs.createWriteStream(tmp, { mode: 0o600 });
  gzip.pipe(sink);
  const write = async (text: string) => {
    if (!gzip.write(text)) await once(gzip, 'drain');
  };
  const line = (l: Line) => write(JSON.stringify(l) + '\n');
  const client = await pool.connect();
  try {
    await client.query('begin isolation level repeatable read read only');
    const header: Header = {
      format: FORMAT,
      formatVersion: FORMAT_VERSION,
      asahVersion: asahVersion(),
      migration: await migrationLevel(client),
      createdAt: new Date().toISOString(),
    };
    await line(['H', header]);
    const manifest: Manifest = { ...header, tables: [] };
    for (const table of await tablesInOrder(client)) {
      const cols = await client.query<{ name: string }>(
        `select attname as name from pg_attribute where attrelid = $1::regclass and attnum > 0
           and not attisdropped and attgenerated = '' order by attnum`,
        [`public.${quoteIdent(table)}`],
      );
      await line(['T', table, cols.rows.map((c) => c.name)]);
      const hash = newHash();
      let rows = 0;
      await client.query(`declare backup_rows no scroll cursor for
        select to_jsonb(t)::text as j from public.${quoteIdent(table)} t`);
      for (;;) {
        const batch = await client.query<{ j: string }>(`fetch ${FETCH_ROWS} from backup_rows`);
        for (const r of batch.rows) {
          hash.update(r.j + '\n');
          await write(`["R",${r.j}]\n`);
        }
        rows += batch.rows.length;
        if (batch.rows.length < FETCH_ROWS) break;
      }
      await client.query('close backup_rows');
      const sha256 = hash.digest('hex');
      await line(['E', table, rows, sha256]);
      manifest.tables.push({ name: table, rows, sha256 });
    }
    await line(['M', manifest]);
    await client.query('commit');
    gzip.end();
    await once(sink, 'close');
    await fs.promises.rename(tmp, file);
    return manifest;
  } catch (e) {
    await client.query('rollback').catch(() => undefined);
    gzip.destroy();
    sink.destroy();
    await fs.promises.rm(tmp, { force: true });
    throw e;
  } finally {
    client.release();
  }
}

/** `--dir D --keep N`: a new file named by time in D; the oldest beyond N are removed. */
export async function backupToDir(
  pool: pg.Pool,
  dir: string,
  keep: number,
): Promise<{ file: string; removed: string[] }> {
  await fs.promises.mkdir(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = path.join(dir, `asah-${stamp}.asahbak.gz`);
  await writeBackup(pool, file);
  const all = (await fs.promises.readdir(dir)).filter((f) => /^asah-.*\.asahbak\.gz$/.test(f)).sort();
  const removed = all.slice(0, Math.max(0, all.length - keep));
  for (const f of removed) await fs.promises.rm(path.join(dir, f), { force: true });
  return { file, removed };
}
