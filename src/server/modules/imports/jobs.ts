import os from 'node:os';
/** import_jobs: the record of every import run, its progress and its result. */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { hasRole, type AuthContext } from '../../http/auth.js';
import type { ImportKind } from './columns.js';
import type { Phase } from './runner.js';

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed';

export type JobRow = {
  id: string;
  kind: string;
  file_name: string;
  dry_run: number;
  status: JobStatus;
  phase: Phase;
  total_rows: number;
  processed_rows: number;
  result: Record<string, unknown> | null;
  created_at: Date;
  finished_at: Date | null;
  user_id: string;
};

const COLUMNS = sql`id, kind, file_name, dry_run, status, phase, total_rows, processed_rows, result, created_at, finished_at, user_id`;

/** This process, as it signs the import jobs it runs. */
export const RUNNER = `${os.hostname()}:${process.pid}`;

export async function createJob(
  db: Db,
  ctx: AuthContext,
  j: { kind: ImportKind; fileName: string; dryRun: boolean; status: JobStatus },
): Promise<string> {
  const r = await db.execute<{
    id: string;
  }>(sql`insert into import_jobs (tenant_id, user_id, kind, file_name, dry_run, status, runner)
    values (${ctx.tenantId}, ${ctx.userId}, ${j.kind}, ${j.fileName.slice(0, 255)}, ${j.dryRun ? 1 : 0}, ${j.status}, ${RUNNER}) returning id`);
  return r.rows[0]!.id;
}

export async function updateProgress(
  db: Db,
  id: string,
  p: { status?: JobStatus; phase: Phase; processedRows: number; totalRows: number },
) {
  await db.execute(sql`update import_jobs set status = coalesce(${p.status ?? null}, status), phase = ${p.phase},
    processed_rows = ${p.processedRows}, total_rows = ${p.totalRows} where id = ${id}`);
}

export async function finishJob(db: Db, id: string, status: JobStatus, result: unknown, totalRows?: number) {
  await db.execute(sql`update import_jobs set status = ${status}, phase = 'done', result = ${JSON.stringify(result)}::jsonb,
    total_rows = coalesce(${totalRows ?? null}::int, total_rows),
    processed_rows = coalesce(${totalRows ?? null}::int, processed_rows), finished_at = now() where id = ${id}`);
}

/** Jobs left running by a process that died are failed after an hour. */
async function failStale(db: Db, tenantId: string) {
  await db.execute(sql`update import_jobs set status = 'failed', phase = 'done', finished_at = now(),
    result = coalesce(result, '{"code":"import.interrupted"}'::jsonb)
    where tenant_id = ${tenantId} and status in ('queued', 'running') and created_at < now() - interval '1 hour'`);
}

const visible = (ctx: AuthContext) =>
  hasRole(ctx, 'admin')
    ? sql`tenant_id = ${ctx.tenantId}`
    : sql`tenant_id = ${ctx.tenantId} and user_id = ${ctx.userId}`;

export async function getJob(db: Db, ctx: AuthContext, id: string): Promise<JobRow | null> {
  await failStale(db, ctx.tenantId);
  const r = await db.execute<JobRow>(
    sql`select ${COLUMNS} from import_jobs where id = ${id} and ${visible(ctx)}`,
  );
  return r.rows[0] ?? null;
}

export async function listJobs(db: Db, ctx: AuthContext, limit = 50): Promise<JobRow[]> {
  await failStale(db, ctx.tenantId);
  const r = await db.execute<JobRow>(
    sql`select ${COLUMNS} from import_jobs where ${visible(ctx)} order by created_at desc limit ${limit}`,
  );
  return r.rows;
}
