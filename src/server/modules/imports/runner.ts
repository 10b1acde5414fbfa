/**
 * Drives one import: stream the file, validate each row, stage rows in chunks, run the set-based
 * checks, then write everything in one transaction — or nothing, when any row has an error.
 */
import fs from 'node:fs';
import type pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import * as schema from '../../db/schema/index.js';
import type { Tx } from '../../db/client.js';
import { audit, type AuditActor } from '../../http/audit.js';
import type { AuthContext } from '../../http/auth.js';
import { AppError, type RowError } from '../../http/errors.js';
import type { Lang } from '../../http/messages.js';
import type { KindSpec } from './columns.js';
import { ImportAbort, readTable, type Header, type ReadProgress, type SheetRow } from './parse.js';
import { text } from './texts.js';

export const MAX_ERRORS = 1000;
export const CHUNK_ROWS = 5000;

/** Row errors: the first 1,000 are kept, all are counted. */
export class ErrorList {
  list: RowError[] = [];
  count = 0;
  add(e: RowError) {
    this.count++;
    if (this.list.length < MAX_ERRORS) this.list.push(e);
  }
  /** Adds errors found by a query limited to MAX_ERRORS rows, with the full number known. */
  addFound(found: RowError[], total: number) {
    for (const e of found) if (this.list.length < MAX_ERRORS) this.list.push(e);
    this.count += total;
  }
  sorted(): RowError[] {
    return [...this.list].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  }
}

export interface Counts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface ImportResult extends Counts {
  errors: RowError[];
  errorCount: number;
  dryRun: boolean;
  totalRows: number;
  preview: Record<string, string | number>[];
}

export type Phase = 'reading' | 'checking' | 'writing' | 'done';
export type ProgressFn = (p: { phase: Phase; processedRows: number; totalRows: number }) => void;

export interface RunOptions {
  ctx: AuthContext;
  actor: AuditActor;
  lang: Lang;
  filePath: string;
  fileName: string;
  dryRun: boolean;
  onProgress?: ProgressFn;
}

export interface ImportSession {
  client: pg.PoolClient;
  ctx: AuthContext;
  lang: Lang;
  header: Header;
  errors: ErrorList;
}

/** One kind of import: how a row is checked, staged, checked as a set, counted and written. */
export interface Importer<Row> {
  spec: KindSpec;
  entity: string;
  /** How the audit row names the written keys (createdNips, createdCodes, …); by entity when left out. */
  auditKey?: string;
  begin(s: ImportSession): Promise<void>;
  /** Validates one row in JS; returns what to stage (also for rows with errors, for the set checks). */
  row(s: ImportSession, r: SheetRow): Row;
  stage(s: ImportSession, rows: Row[]): Promise<void>;
  /** Set-based checks over all staged rows; returns what the write would do. */
  check(s: ImportSession): Promise<Counts>;
  /** Writes and returns keys for the audit row. */
  write(s: ImportSession, fileName: string): Promise<{ created: string[]; updated: string[] }>;
}

export async function runImport<Row>(
  pool: pg.Pool,
  importer: Importer<Row>,
  o: RunOptions,
): Promise<ImportResult> {
  const errors = new ErrorList();
  const preview: Record<string, string | number>[] = [];
  let totalRows = 0;
  let counts: Counts = { created: 0, updated: 0, unchanged: 0 };
  const fail = (extra: Partial<ImportResult> = {}) =>
    new AppError('import.invalid', { count: errors.count }, errors.sorted(), {
      ...counts,
      errorCount: errors.count,
      dryRun: o.dryRun,
      totalRows,
      preview,
      ...extra,
    });

  const client = await pool.connect();
  let open = false;
  try {
    await client.query('begin');
    open = true;
    let session: ImportSession | null = null;
    const progress: ReadProgress = { bytes: 0, size: (await fs.promises.stat(o.filePath)).size };
    const report = (phase: Phase) => {
      const estimate =
        phase === 'reading' && progress.bytes > 0
          ? Math.round((totalRows * progress.size) / progress.bytes)
          : totalRows;
      o.onProgress?.({ phase, processedRows: totalRows, totalRows: Math.max(estimate, totalRows) });
    };
    let headerSeen: Header | null = null;
    let buffer: Row[] = [];
    try {
      for await (const r of readTable(o.filePath, importer.spec, o.lang, (h) => (headerSeen = h), progress)) {
        if (!session) {
          session = { client, ctx: o.ctx, lang: o.lang, header: headerSeen!, errors };
          await importer.begin(session);
        }
        totalRows++;
        if (preview.length < 10) preview.push({ row: r.row, ...r.cells });
        buffer.push(importer.row(session, r));
        if (buffer.length >= CHUNK_ROWS) {
          await importer.stage(session, buffer);
          buffer = [];
          report('reading');
        }
      }
    } catch (e) {
      if (e instanceof ImportAbort) {
        errors.add(e.error);
        throw fail();
      }
      throw e;
    }
    if (!session || totalRows === 0) {
      errors.add({
        row: (headerSeen as Header | null)?.row ?? 1,
        column: importer.spec.key,
        message: text(o.lang, 'noRows'),
      });
      throw fail();
    }
    if (buffer.length) await importer.stage(session, buffer);
    buffer = [];
    report('checking');
    // One writing import per tenant and kind at a time; dry runs do not wait.
    if (!o.dryRun)
      await client.query('select pg_advisory_xact_lock(hashtext($1))', [
        `import:${o.ctx.tenantId}:${importer.entity}`,
      ]);
    counts = await importer.check(session);
    if (errors.count > 0) throw fail();
    const result: ImportResult = {
      ...counts,
      errors: [],
      errorCount: 0,
      dryRun: o.dryRun,
      totalRows,
      preview,
    };
    if (o.dryRun) {
      await client.query('rollback');
      open = false;
      return result;
    }
    if (counts.created + counts.updated === 0) {
      // Nothing to change: no writes, no audit row.
      await client.query('rollback');
      open = false;
      return result;
    }
    report('writing');
    const keys = await importer.write(session, o.fileName);
    const tx = drizzle(client, { schema }) as unknown as Tx;
    await audit(tx, o.actor, {
      action: 'import',
      entity: importer.entity,
      after: {
        fileName: o.fileName,
        ...counts,
        [`created${keyName(importer)}`]: keys.created.slice(0, MAX_ERRORS),
        [`updated${keyName(importer)}`]: keys.updated.slice(0, MAX_ERRORS),
      },
    });
    await client.query('commit');
    open = false;
    return result;
  } finally {
    if (open) await client.query('rollback').catch(() => undefined);
    client.release();
  }
}

const keyName = (i: Importer<unknown>) => i.auditKey ?? (i.entity === 'employee' ? 'Nips' : 'Codes');

/** COPY text format: one line per row, tab-separated, \N for null. */
export function copyText(rows: (string | number | boolean | null)[][]): string {
  let out = '';
  for (const r of rows) {
    out += r
      .map((v) =>
        v === null
          ? '\\N'
          : String(v).replace(/[\\\t\n\r]/g, (c) =>
              c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
            ),
      )
      .join('\t');
    out += '\n';
  }
  return out;
}
