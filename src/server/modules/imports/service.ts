/** Import runs, synchronous or in the background, each recorded in import_jobs. */
import fs from 'node:fs';
import type { Database } from '../../db/client.js';
import type { AuditActor } from '../../http/audit.js';
import { hasRole, type AuthContext } from '../../http/auth.js';
import { AppError, forbidden, notFound } from '../../http/errors.js';
import { t, type Lang } from '../../http/messages.js';
import type { ImportKind } from './columns.js';
import { employeeImporter } from './employees.js';
import { createJob, finishJob, getJob, updateProgress } from './jobs.js';
import { orgUnitImporter } from './org-units.js';
import { positionImporter } from './positions.js';
import { runImport, type ImportResult, type Importer, type ProgressFn } from './runner.js';
import {
  claimUpload,
  dropUpload,
  materialise,
  materialiseStored,
  restoreUpload,
  storeUpload,
} from './stored.js';

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

  /** Creates the job and runs it here and now; a preview's upload is kept for its confirmation. */
  async function runHere(r: ImportRequest): Promise<ImportResult & { jobId: string }> {
    const jobId = await createJob(db, r.ctx, {
      kind: r.kind,
      fileName: r.fileName,
      dryRun: r.dryRun,
      status: 'running',
    });
    if (r.dryRun) await storeUpload(db, jobId, r.ctx.tenantId, r.filePath);
    try {
      return { ...(await execute(jobId, r)), jobId };
    } catch (e) {
      if (r.dryRun) await dropUpload(db, jobId).catch(() => undefined);
      throw e;
    }
  }

  return {
    /** Runs the import now and answers with its result; the upload is removed afterwards. */
    async runNow(r: ImportRequest): Promise<ImportResult & { jobId: string }> {
      try {
        return await runHere(r);
      } finally {
        await removeFile(r.filePath);
      }
    },

    /**
     * Queues the import with its upload stored in the database, and runs it in the background
     * from there (a temporary file of this process, removed afterwards).
     */
    async start(r: ImportRequest): Promise<string> {
      let jobId: string;
      try {
        jobId = await createJob(db, r.ctx, {
          kind: r.kind,
          fileName: r.fileName,
          dryRun: r.dryRun,
          status: 'queued',
        });
        await storeUpload(db, jobId, r.ctx.tenantId, r.filePath);
      } catch (e) {
        r.onDone?.();
        throw e;
      } finally {
        await removeFile(r.filePath);
      }
      let filePath: string | null = null;
      let ok = false;
      const p = new Promise<void>((resolve) => setImmediate(resolve))
        .then(async () => {
          filePath = await materialiseStored(db, jobId);
          if (!filePath) throw new AppError('import.notConfirmable');
          await execute(jobId, { ...r, filePath });
          ok = true;
        })
        .catch((e: unknown) => {
          if (!(e instanceof AppError)) log?.error({ err: e, jobId }, 'import job failed');
        })
        .finally(async () => {
          running.delete(p);
          r.onDone?.();
          if (filePath) await removeFile(filePath);
          // A successful preview keeps its upload for the confirmation; anything else lets it go.
          if (!(ok && r.dryRun)) await dropUpload(db, jobId).catch(() => undefined);
        });
      running.add(p);
      return jobId;
    },

    /**
     * Saves a successful preview: its stored upload is taken (by one confirmation only) and
     * imported for real, in whichever process receives the confirmation.
     */
    async confirm(
      c: Omit<ImportRequest, 'kind' | 'filePath' | 'fileName' | 'dryRun'> & { previewId: string },
    ): Promise<ImportResult & { jobId: string }> {
      const job = await getJob(db, c.ctx, c.previewId);
      if (!job) throw notFound();
      const kind = job.kind as ImportKind;
      if (kind !== 'employees' && !hasRole(c.ctx, 'admin')) throw forbidden();
      if (job.dry_run !== 1 || job.status !== 'succeeded') throw new AppError('import.notConfirmable');
      const data = await claimUpload(db, job.id, c.ctx.tenantId);
      if (!data) throw new AppError('import.notConfirmable');
      const filePath = await materialise(data);
      try {
        return await runHere({ ...c, kind, fileName: job.file_name, filePath, dryRun: false });
      } catch (e) {
        await restoreUpload(db, job.id, c.ctx.tenantId, data).catch(() => undefined);
        throw e;
      } finally {
        await removeFile(filePath);
      }
    },

    /** Waits for background imports (on shutdown). */
    async drain() {
      while (running.size) await Promise.all([...running]);
    },
  };
}
export type ImportService = ReturnType<typeof importService>;
