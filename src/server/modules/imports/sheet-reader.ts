/**
 * Reads an uploaded spreadsheet in its own thread (sheet-worker.ts) with a bounded heap and a time
 * limit: rows arrive in batches as they are asked for, and a file that goes over a limit, exhausts
 * the thread's memory or takes too long ends that thread only, answered as a clear 413/422 problem.
 * Every spreadsheet reader of Asah goes through here.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../http/errors.js';
import type { Lang } from '../../http/messages.js';
import { FileProblem, TOO_COMPLEX, fileLimits } from './limits.js';
import type { RawRow, WorkerInput, WorkerMessage } from './sheet-worker.js';
import { text } from './texts.js';

export type { RawRow } from './sheet-worker.js';

/** The refusal a caller sees, in its language. */
export function problemError(p: FileProblem, lang: Lang): AppError {
  const reason = text(lang, p.key, p.params);
  return new AppError(TOO_COMPLEX.includes(p.key) ? 'import.tooComplex' : 'import.unreadable', { reason });
}

const here = import.meta.url;

function startWorker(data: WorkerInput): Worker {
  const limits = data.limits;
  const options = {
    workerData: data,
    resourceLimits: {
      maxOldGenerationSizeMb: limits.workerMemoryMb,
      maxYoungGenerationSizeMb: Math.min(64, Math.max(8, Math.round(limits.workerMemoryMb / 8))),
      stackSizeMb: 4,
    },
    stdout: false,
    stderr: false,
  };
  if (here.endsWith('.ts')) {
    // Running from the sources (tests, tsx): the worker's TypeScript goes through tsx as well.
    const tsxDir = path.dirname(createRequire(here).resolve('tsx/package.json'));
    const tsx = pathToFileURL(path.join(tsxDir, 'dist/esm/api/index.mjs')).href;
    const target = new URL('./sheet-worker.ts', here).href;
    const boot = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(target)}); })`;
    return new Worker(boot, { ...options, eval: true });
  }
  // Bundled: dist/server/main.js and dist/cli/main.js both find dist/server/sheet-worker.js.
  return new Worker(new URL('../server/sheet-worker.js', here), options);
}

export interface ReadOptions {
  format: 'csv' | 'xlsx';
  /** CSV only. */
  delimiter?: string;
  /** Bytes of the file read so far, for a progress estimate. */
  progress?: { bytes: number };
}

/** The rows of every sheet, in order; throws an AppError when the file is refused. */
export async function* readRows(path: string, lang: Lang, o: ReadOptions): AsyncGenerator<RawRow> {
  const limits = fileLimits();
  const worker = startWorker({
    path,
    format: o.format,
    delimiter: o.delimiter ?? ',',
    limits,
  });
  const budget = limits.workerSeconds * 1000;
  let spent = 0;
  const failed = (row: number, detail: string) =>
    o.format === 'csv'
      ? new AppError('import.unreadable', { reason: text(lang, 'brokenCsv', { row, detail }) })
      : new AppError('import.unreadable', { reason: text(lang, 'brokenXlsx') });

  /** One batch: asked for, waited on with what is left of the time budget. */
  const next = () =>
    new Promise<Extract<WorkerMessage, { type: 'rows' }>>((resolve, reject) => {
      const started = Date.now();
      const done = () => {
        spent += Date.now() - started;
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      const onMessage = (m: WorkerMessage) => {
        done();
        if (m.type === 'rows') resolve(m);
        else if (m.type === 'problem') reject(problemError(new FileProblem(m.key, m.params), lang));
        else reject(failed(m.row, m.detail));
      };
      const onError = (e: Error & { code?: string }) => {
        done();
        if (e.code === 'ERR_WORKER_OUT_OF_MEMORY')
          reject(problemError(new FileProblem('memory', { mb: limits.workerMemoryMb }), lang));
        else reject(failed(0, e.message.slice(0, 200)));
      };
      const onExit = () => {
        done();
        reject(failed(0, 'exit'));
      };
      const timer = setTimeout(
        () => {
          done();
          reject(problemError(new FileProblem('timeout', { seconds: limits.workerSeconds }), lang));
        },
        Math.max(0, budget - spent),
      );
      worker.on('message', onMessage);
      worker.once('error', onError);
      worker.once('exit', onExit);
      worker.postMessage('more');
    });

  try {
    for (;;) {
      const batch = await next();
      if (o.progress) o.progress.bytes = batch.bytes;
      for (const r of batch.rows) yield r;
      if (batch.done) return;
    }
  } finally {
    // Ends the thread at once: also when the caller stops early or the file was refused.
    await worker.terminate();
  }
}

/**
 * For text read whole by a parser of its own (the Moodle CSV): no more lines than a sheet may have
 * rows, none longer than a CSV line may be. Counted over the bytes, without decoding the file.
 */
export async function guardTextLines(filePath: string, lang: Lang): Promise<void> {
  const limits = fileLimits();
  let lines = 1;
  let lineBytes = 0;
  for await (const chunk of fs.createReadStream(filePath, {
    highWaterMark: 256 * 1024,
  }) as AsyncIterable<Buffer>) {
    let from = 0;
    for (let nl = chunk.indexOf(10, from); ; nl = chunk.indexOf(10, from)) {
      const end = nl < 0 ? chunk.length : nl;
      lineBytes += end - from;
      // Bytes, not characters: a line of multi-byte characters may be up to four times as long in bytes.
      if (lineBytes > limits.maxLineChars * 4)
        throw problemError(new FileProblem('line', { row: lines, max: limits.maxLineChars }), lang);
      if (nl < 0) break;
      lines++;
      lineBytes = 0;
      from = nl + 1;
      if (lines > limits.maxRows)
        throw problemError(
          new FileProblem('rows', { sheet: 'CSV', max: limits.maxRows, found: lines }),
          lang,
        );
    }
  }
}
