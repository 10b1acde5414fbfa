/**
 * Uploads kept in PostgreSQL (`import_uploads`), so any Asah process can run or confirm an import:
 * the bytes are stored with the job, and whichever process runs a step writes them to a temporary
 * file of its own, removed afterwards.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';

export async function storeUpload(db: Db | Tx, jobId: string, tenantId: string, filePath: string) {
  const data = await fs.promises.readFile(filePath);
  await db.execute(sql`insert into import_uploads (job_id, tenant_id, size, data)
    values (${jobId}, ${tenantId}, ${data.length}, ${data})`);
}

/** Takes the stored upload away from the job (one taker only); null when there is none. */
export async function claimUpload(db: Db, jobId: string, tenantId: string): Promise<Buffer | null> {
  const r = await db.execute<{ data: Buffer }>(
    sql`delete from import_uploads where job_id = ${jobId} and tenant_id = ${tenantId} returning data`,
  );
  return r.rows[0]?.data ?? null;
}

/** Puts a claimed upload back (a confirmation that failed may be tried again). */
export async function restoreUpload(db: Db, jobId: string, tenantId: string, data: Buffer) {
  await db.execute(sql`insert into import_uploads (job_id, tenant_id, size, data)
    values (${jobId}, ${tenantId}, ${data.length}, ${data}) on conflict (job_id) do nothing`);
}

export async function dropUpload(db: Db, jobId: string) {
  await db.execute(sql`delete from import_uploads where job_id = ${jobId}`);
}

/** Writes bytes to a temporary file of this process; the caller removes it. */
export async function materialise(data: Buffer): Promise<string> {
  const filePath = path.join(os.tmpdir(), `asah-import-${crypto.randomUUID()}`);
  await fs.promises.writeFile(filePath, data, { mode: 0o600 });
  return filePath;
}

/** The stored upload of a job written to a temporary file; null when there is none. */
export async function materialiseStored(db: Db, jobId: string): Promise<string | null> {
  const r = await db.execute<{ data: Buffer }>(sql`select data from import_uploads where job_id = ${jobId}`);
  const data = r.rows[0]?.data;
  return data ? materialise(data) : null;
}
