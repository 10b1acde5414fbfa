/**
 * `asah restore`: checks the whole file first (format, migration level, every table's row count and
 * SHA-256), and only then rebuilds the database: schema at the backup's migration level, all rows in one
 * transaction, then the migrations Asah has since. A file that fails a check changes nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import { findMigrations, runMigrations, type Database } from '../db/client.js';
import { quoteIdent, readJournal } from './backup.js';
import {
  BackupError,
  FORMAT,
  FORMAT_VERSION,
  newHash,
  readLines,
  type Header,
  type Manifest,
} from './format.js';

const BATCH_ROWS = 1000;
const BATCH_CHARS = 8 * 1024 * 1024;

/** Reads the file through and answers its manifest; throws BackupError when anything does not add up. */
export async function verifyBackup(file: string): Promise<Manifest> {
  if (!fs.existsSync(file))
    throw new BackupError(`Berkas cadangan tidak ada / backup file not found: ${file}`);
  let header: Header | null = null;
  let manifest: Manifest | null = null;
  let table: string | null = null;
  let hash = newHash();
  let rows = 0;
  const seen: { name: string; rows: number; sha256: string }[] = [];
  try {
    for await (const l of readLines(file)) {
      if (l.tag === 'R') {
        if (!table) throw new BackupError('row outside a table');
        hash.update(l.rowText + '\n');
        rows++;
      } else if (l.line[0] === 'H') {
        header = l.line[1];
      } else if (l.line[0] === 'T') {
        table = l.line[1];
        hash = newHash();
        rows = 0;
      } else if (l.line[0] === 'E') {
        const [, name, count, sha] = l.line;
        const actual = hash.digest('hex');
        if (name !== table || count !== rows || sha !== actual) {
          throw new BackupError(
            `Isi tabel ${name} tidak cocok dengan checksum-nya; berkas rusak atau diubah. ` +
              `Table ${name} does not match its checksum: the file is damaged or was altered.`,
          );
        }
        seen.push({ name, rows, sha256: actual });
        table = null;
      } else {
        manifest = l.line[1];
      }
    }
  } catch (e) {
    if (e instanceof BackupError) throw e;
    throw new BackupError(`Berkas cadangan tidak terbaca / unreadable backup file: ${(e as Error).message}`);
  }
  if (!header || header.format !== FORMAT || header.formatVersion > FORMAT_VERSION) {
    throw new BackupError('Bukan berkas cadangan Asah yang dikenal / not a known Asah backup file.');
  }
  if (!manifest || JSON.stringify(manifest.tables) !== JSON.stringify(seen)) {
    throw new BackupError(
      'Berkas cadangan tidak lengkap (daftar tabel tidak cocok) / incomplete backup: the table list does not match.',
    );
  }
  const journal = readJournal();
  const latest = journal.at(-1)?.when ?? 0;
  if (header.migration.when > latest || !journal.some((e) => e.when === header.migration.when)) {
    throw new BackupError(
      `Cadangan ini dari versi Asah yang lebih baru (migrasi ${header.migration.tag ?? header.migration.when}); ` +
        'perbarui Asah dulu. The backup comes from a newer Asah: upgrade Asah first.',
    );
  }
  return manifest;
}

export async function hasRows(client: pg.ClientBase): Promise<boolean> {
  const tables = await client.query<{ name: string }>(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind in ('r', 'p')`,
  );
  for (const t of tables.rows) {
    const r = await client.query(`select 1 from public.${quoteIdent(t.name)} limit 1`);
    if (r.rowCount) return true;
  }
  return false;
}

/** A copy of the migrations folder that stops at `when`: the schema the backup was taken from. */
function migrationsUpTo(when: number): string {
  const src = findMigrations();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'asah-migrations-'));
  fs.mkdirSync(path.join(dir, 'meta'));
  const journal = JSON.parse(fs.readFileSync(path.join(src, 'meta', '_journal.json'), 'utf8')) as {
    entries: { when: number; tag: string }[];
  };
  journal.entries = journal.entries.filter((e) => e.when <= when);
  for (const e of journal.entries)
    fs.copyFileSync(path.join(src, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
  fs.writeFileSync(path.join(dir, 'meta', '_journal.json'), JSON.stringify(journal));
  return dir;
}

export interface RestoreResult {
  manifest: Manifest;
  rows: number;
}

export async function restoreBackup(
  database: Database,
  file: string,
  opts: { wipe?: boolean } = {},
): Promise<RestoreResult> {
  const manifest = await verifyBackup(file);
  const { pool } = database;
  const client = await pool.connect();
  try {
    if ((await hasRows(client)) && !opts.wipe) {
      throw new BackupError(
        'Basis data tujuan berisi data; tambahkan --wipe untuk menghapusnya dan memulihkan cadangan. ' +
          'The target database has data: add --wipe to erase it and restore.',
      );
    }
    // The schema exactly as it was when the backup was taken.
    await client.query('drop schema if exists drizzle cascade');
    await client.query('drop schema if exists public cascade');
    await client.query('create schema public');
  } finally {
    client.release();
  }
  const folder = migrationsUpTo(manifest.migration.when);
  try {
    await runMigrations(database, folder);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
  const rows = await loadRows(pool, file);
  await runMigrations(database); // the migrations Asah has gained since the backup
  return { manifest, rows };
}

/** All rows in one transaction; foreign-key triggers off (superuser) or tables in dependency order. */
async function loadRows(pool: pg.Pool, file: string): Promise<number> {
  const client = await pool.connect();
  let total = 0;
  try {
    await client.query('begin');
    const su = await client.query<{ s: boolean }>(
      'select rolsuper as s from pg_roles where rolname = current_user',
    );
    if (su.rows[0]?.s) await client.query('set local session_replication_role = replica');
    await client.query('set constraints all deferred');
    let table = '';
    let cols: string[] = [];
    let batch: string[] = [];
    let chars = 0;
    const flush = async () => {
      if (!batch.length) return;
      const list = cols.map(quoteIdent).join(', ');
      const t = `public.${quoteIdent(table)}`;
      await client.query(
        `insert into ${t} (${list}) select ${list} from jsonb_populate_recordset(null::${t}, $1::jsonb)`,
        [`[${batch.join(',')}]`],
      );
      total += batch.length;
      batch = [];
      chars = 0;
    };
    for await (const l of readLines(file)) {
      if (l.tag === 'R') {
        batch.push(l.rowText);
        chars += l.rowText.length;
        if (batch.length >= BATCH_ROWS || chars >= BATCH_CHARS) await flush();
      } else if (l.line[0] === 'T') {
        table = l.line[1];
        cols = l.line[2];
      } else if (l.line[0] === 'E') {
        await flush();
      }
    }
    // Sequences (bigserial) continue after the restored rows.
    const seqs = await client.query<{ seq: string; tbl: string; col: string }>(
      `select s.oid::regclass::text as seq, t.oid::regclass::text as tbl, a.attname as col
       from pg_class s join pg_depend d on d.objid = s.oid and d.deptype = 'a'
       join pg_class t on t.oid = d.refobjid join pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid
       where s.relkind = 'S'`,
    );
    for (const s of seqs.rows) {
      await client.query(
        `select setval($1::regclass, coalesce((select max(${quoteIdent(s.col)}) from ${s.tbl}), 0) + 1, false)`,
        [s.seq],
      );
    }
    await client.query('commit');
    return total;
  } catch (e) {
    await client.query('rollback').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}
