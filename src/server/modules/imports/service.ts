/** Import runs, synchronous or in the background, each recorded in import_jobs. */
import fs from 'node:fs';
import type { Database } from '../../db/client.js';
import type { AuditActor } from '../../http/audit.js';
import type { AuthContext } from '../../http/auth.js';
import { AppError } from '../../http/errors.js';
import { t, type Lang } from '../../http/messages.js';
import type { ImportKind } from './columns.js';
import { employeeImporter } from './employees.js';
import { createJob, finishJob, updateProgress } from './jobs.js';
import { orgUnitImporter } from './org-units.js';
import { positionImporter } from './positions.js';
import { runImport, type ImportResult, type Importer, type ProgressFn } from './runner.js';

const IMPORTERS: Record<ImportKind, Importer<unknown>> = {
  employees: employeeImporter as Importer<unknown>,
  'org-units': orgUnitImporter as Importer<unknown>,
  positions: positionImporter as Importer<unknown>,
};

export interface ImportRequest {
  kind: ImportKind;
  ctx: AuthContext;
  actor: AuditActor;
  lang: Lang;
  filePath: string;
  fileName: string;
  dryRun: boolean;
  /** Called once a background import has ended, whatever its outcome. */
  onDone?: () => void;
}

const removeFile = (p: string) => fs.promises.rm(p, { force: true }).catch(() => undefined);

/** What a failed run leaves in the job: the problem document without transport details. */
function failure(e: unknown, lang: Lang): { status: number; body: Record<string, unknown> } {
  if (e instanceof AppError) {
    return {
      status: e.status,
      body: { code: e.code, title: t(lang, e.code, e.params), errors: e.errors, ...e.extra },
    };
  }
  return { status: 500, body: { code: 'internal', title: t(lang, 'internal', { requestId: '-' }) } };
}

export interface Logger {
  error(obj: object, msg: string): void;
}

export function importService(database: Database, log?: Logger) {
  const { db, pool } = database;
  const running = new Set<Promise<unknown>>();

  /** Progress writes, at most two a second and in order. */
  function progressWriter(jobId: string): { fn: ProgressFn; flush(): Promise<void> } {
    let chain: Promise<void> = Promise.resolve();
    let last = 0;
    let lastPhase = '';
    const fn: ProgressFn = (p) => {
      const now = Date.now();
      if (p.phase === lastPhase && now - last < 500) return;
      last = now;
      lastPhase = p.phase;
      chain = chain.then(() => updateProgress(db, jobId, { ...p, status: 'running' })).catch(() => undefined);
    };
    return { fn, flush: () => chain };
  }

  async function execute(jobId: string, r: ImportRequest): Promise<ImportResult> {
    const progress = progressWriter(jobId);
    try {
      const result = await runImport(pool, IMPORTERS[r.kind], { ...r, onProgress: progress.fn });
      await progress.flush();
      await finishJob(db, jobId, 'succeeded', result, result.totalRows);
      return result;
    } catch (e) {
      await progress.flush();
      const f = failure(e, r.lang);
      const total = typeof f.body.totalRows === 'number' ? f.body.totalRows : undefined;
      await finishJob(db, jobId, 'failed', f.body, total).catch(() => undefined);
      if (e instanceof AppError) throw new AppError(e.code, e.params, e.errors, { ...e.extra, jobId });
      throw e;
    }
  }

  return {
    /** Runs the import now and answers with its result; the upload is removed afterwards. */
    async runNow(r: ImportRequest): Promise<ImportResult & { jobId: string }> {
      try {
        const jobId = await createJob(db, r.ctx, {
          kind: r.kind,
          fileName: r.fileName,
          dryRun: r.dryRun,
          status: 'running',
        });
        return { ...(await execute(jobId, r)), jobId };
      } finally {
        await removeFile(r.filePath);
      }
    },

    /** Queues the import and runs it in this process in the background. */
    async start(r: ImportRequest): Promise<string> {
      let jobId: string;
      try {
        jobId = await createJob(db, r.ctx, {
          kind: r.kind,
          fileName: r.fileName,
          dryRun: r.dryRun,
          status: 'queued',
        });
      } catch (e) {
        await removeFile(r.filePath);
        r.onDone?.();
        throw e;
      }
      const p = new Promise<void>((resolve) => setImmediate(resolve))
        .then(() => execute(jobId, r))
        .catch((e: unknown) => {
          if (!(e instanceof AppError))
            log?.error(
              { err: { message: (e as Error).message, stack: (e as Error).stack }, jobId },
              'import job failed',
            );
        })
        .finally(() => {
          running.delete(p);
          r.onDone?.();
          return removeFile(r.filePath);
        });
      running.add(p);
      return jobId;
    },

    /** Waits for background imports (on shutdown). */
    async drain() {
      while (running.size) await Promise.all([...running]);
    },
  };
}
export type ImportService = ReturnType<typeof importService>;
