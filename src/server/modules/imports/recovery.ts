/**
 * Start-up step of the server: imports a stopped process left `queued` or `running` are marked failed
 * with the code `import.interrupted` (the user is told to upload the file again; an import writes in one
 * transaction, so nothing of it was saved), and the upload files it left in the temp folder are removed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { sqlArray, type Db } from '../../db/client.js';
import { pidAlive } from '../../db/embedded.js';
import { UPLOAD_PREFIX } from './upload.js';

interface Logger {
  warn(obj: object, msg: string): void;
}

/** Files named without an owner (older versions of Asah) are removed once they are an hour old. */
const UNOWNED_MAX_AGE_MS = 60 * 60 * 1000;

/** Removes upload files whose owning process is gone; answers how many were removed. */
export async function removeOrphanUploads(dir = os.tmpdir()): Promise<number> {
  let removed = 0;
  for (const name of await fs.promises.readdir(dir)) {
    if (!name.startsWith(UPLOAD_PREFIX)) continue;
    const file = path.join(dir, name);
    const owner = /^(\d+)-/.exec(name.slice(UPLOAD_PREFIX.length));
    if (owner) {
      const pid = Number(owner[1]);
      if (pid === process.pid || pidAlive(pid)) continue;
    } else {
      const stat = await fs.promises.stat(file).catch(() => null);
      if (!stat || Date.now() - stat.mtimeMs < UNOWNED_MAX_AGE_MS) continue;
    }
    await fs.promises.rm(file, { force: true });
    removed++;
  }
  return removed;
}

/**
 * Whether the process that signed a job is known to be gone: one of this host whose pid no longer
 * runs, or one that signed nothing (older versions). A job of another host is left to that host's
 * own start, or to the hour after which any reader fails it (jobs.ts): with several Asah processes
 * on one database, one process's start must not fail another's running import.
 */
export function runnerGone(runner: string | null, host = os.hostname()): boolean {
  if (!runner) return true;
  const at = runner.lastIndexOf(':');
  if (runner.slice(0, at) !== host) return false;
  const pid = Number(runner.slice(at + 1));
  return pid !== process.pid && !pidAlive(pid);
}

/** Marks the imports a stopped process left unfinished; answers how many were marked. */
export async function markInterruptedImports(db: Db): Promise<number> {
  const open = await db.execute<{ id: string; runner: string | null }>(
    sql`select id, runner from import_jobs where status in ('queued', 'running')`,
  );
  const ids = open.rows.filter((j) => runnerGone(j.runner)).map((j) => j.id);
  if (!ids.length) return 0;
  const r =
    await db.execute(sql`update import_jobs set status = 'failed', phase = 'done', finished_at = now(),
    result = jsonb_build_object('code', 'import.interrupted')
    where status in ('queued', 'running') and id = any(${sqlArray(ids)}::uuid[])`);
  return r.rowCount ?? 0;
}

export async function recoverInterruptedImports(db: Db, log: Logger): Promise<void> {
  const jobs = await markInterruptedImports(db);
  const files = await removeOrphanUploads();
  if (jobs || files) log.warn({ jobs, files }, 'Impor yang terhenti ditandai; berkas sementaranya dihapus');
}
