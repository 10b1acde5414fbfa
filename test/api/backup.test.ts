import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { writeBackup } from '../../src/server/backup/backup.js';
import { restoreBackup } from '../../src/server/backup/restore.js';
import { connect, type Database } from '../../src/server/db/client.js';
import { createTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
let target: Database;
const targetName = `asah_r_${crypto.randomBytes(6).toString('hex')}`;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'asah-backup-test-'));

const admin = async (q: string) => {
  const c = new pg.Client({ connectionString: inject('pgAdminUrl') });
  await c.connect();
  await c.query(q);
  await c.end();
};

beforeAll(async () => {
  t = await createTestApp();
  await admin(`create database ${targetName}`);
  const u = new URL(inject('pgAdminUrl'));
  u.pathname = `/${targetName}`;
  target = connect(u.toString(), 'external', 4);
});
afterAll(async () => {
  await target?.close();
  await admin(`drop database if exists ${targetName} with (force)`);
  await t?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Every table of the public schema: its row count and an order-independent checksum of its rows. */
async function fingerprint(pool: pg.Pool): Promise<Record<string, { rows: number; md5: string | null }>> {
  const tables = await pool.query<{ name: string }>(
    `select tablename as name from pg_tables where schemaname = 'public' order by tablename`,
  );
  const out: Record<string, { rows: number; md5: string | null }> = {};
  for (const { name } of tables.rows) {
    const r = await pool.query<{ n: string; md5: string | null }>(
      `select count(*) as n, md5(string_agg(x::text, '|' order by x::text)) as md5 from public."${name}" x`,
    );
    out[name] = { rows: Number(r.rows[0]!.n), md5: r.rows[0]!.md5 };
  }
  return out;
}

/** Rewrites a backup with one row line changed (a field value altered, the checksums left as they were). */
function tamper(src: string, dst: string) {
  const lines = zlib.gunzipSync(fs.readFileSync(src)).toString('utf8').split('\n');
  const i = lines.findIndex((l) => l.startsWith('["R",') && l.includes('"name": "'));
  expect(i).toBeGreaterThan(0);
  lines[i] = lines[i]!.replace(/"name": "([^"]*)"/, '"name": "$1 X"');
  fs.writeFileSync(dst, zlib.gzipSync(lines.join('\n')));
}

describe('backup and restore', () => {
  it('restores every table, files included, with identical row counts and checksums', async () => {
    const tenant = await t.db.execute<{ id: string }>(sql`select id from tenants limit 1`);
    const bytes = crypto.randomBytes(70_000);
    await t.db.execute(sql`insert into files (tenant_id, purpose, name, content_type, size, sha256, data)
      values (${tenant.rows[0]!.id}, 'evidence', 'bukti.pdf', 'application/pdf', ${bytes.length},
        ${crypto.createHash('sha256').update(bytes).digest('hex')}, ${bytes})`);
    const before = await fingerprint(t.pool);
    expect(before.files!.rows).toBeGreaterThan(0);
    expect(before.employees!.rows).toBeGreaterThan(0);

    const file = path.join(dir, 'asah.asahbak.gz');
    const manifest = await writeBackup(t.pool, file);
    expect(manifest.migration.count).toBeGreaterThan(0);
    expect(manifest.tables.find((x) => x.name === 'files')!.rows).toBe(before.files!.rows);

    const result = await restoreBackup(target, file);
    expect(result.rows).toBe(Object.values(before).reduce((s, x) => s + x.rows, 0));
    expect(await fingerprint(target.pool)).toEqual(before);
    const restored = await target.pool.query<{ data: Buffer }>(
      `select data from files where name = 'bukti.pdf'`,
    );
    expect(Buffer.compare(restored.rows[0]!.data, bytes)).toBe(0);
    // Sequences continue after the restored rows: the next audit row gets a new id.
    const next = await target.pool.query<{ ok: boolean }>(
      `select nextval(pg_get_serial_sequence('audit_log', 'id')) > (select max(id) from audit_log) as ok`,
    );
    expect(next.rows[0]!.ok).toBe(true);

    // A non-empty target is refused unless --wipe; with it the database is rebuilt the same.
    await expect(restoreBackup(target, file)).rejects.toThrow(/--wipe/);
    await restoreBackup(target, file, { wipe: true });
    expect(await fingerprint(target.pool)).toEqual(before);
  });

  it('refuses a tampered, truncated or newer backup and changes nothing', async () => {
    const file = path.join(dir, 'asah.asahbak.gz');
    const before = await fingerprint(target.pool);
    const tampered = path.join(dir, 'tampered.asahbak.gz');
    tamper(file, tampered);
    await expect(restoreBackup(target, tampered, { wipe: true })).rejects.toThrow(/checksum/);

    const truncated = path.join(dir, 'truncated.asahbak.gz');
    const lines = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8').split('\n');
    fs.writeFileSync(truncated, zlib.gzipSync(lines.slice(0, Math.floor(lines.length / 2)).join('\n')));
    await expect(restoreBackup(target, truncated, { wipe: true })).rejects.toThrow(/tidak lengkap|checksum/);

    const newer = path.join(dir, 'newer.asahbak.gz');
    const header = JSON.parse(lines[0]!) as [string, { migration: { when: number } }];
    header[1].migration.when += 1;
    fs.writeFileSync(newer, zlib.gzipSync([JSON.stringify(header), ...lines.slice(1)].join('\n')));
    await expect(restoreBackup(target, newer, { wipe: true })).rejects.toThrow(/lebih baru/);

    expect(await fingerprint(target.pool)).toEqual(before);
  });
});
