/**
 * The thread that reads one uploaded spreadsheet (see sheet-reader.ts). It checks an XLSX with the
 * zip guard first, then streams rows with exceljs — or a CSV with csv-parse — and hands them over in
 * batches, one batch per request, counting rows, columns and cell lengths as it goes. A file that
 * still exhausts this thread's heap or time costs only this thread.
 */
import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { parse as csvParse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { FileProblem, type FileLimits } from './limits.js';
import { guardXlsx } from './zip-guard.js';
import { scanCsv } from './csv-scan.js';

export interface WorkerInput {
  path: string;
  format: 'csv' | 'xlsx';
  delimiter: string;
  limits: FileLimits;
}

export interface RawRow {
  sheet: number;
  /** The sheet's name (a CSV has none). */
  name: string;
  row: number;
  values: unknown[];
}

export type WorkerMessage =
  | { type: 'rows'; rows: RawRow[]; done: boolean; bytes: number }
  | { type: 'problem'; key: FileProblem['key']; params: Record<string, string | number> }
  | { type: 'failed'; row: number; detail: string };

const BATCH_ROWS = 2000;

const input = workerData as WorkerInput;
const { limits } = input;
let bytes = 0;
let lastRow = 0;

function counted() {
  const stream = fs.createReadStream(input.path, { highWaterMark: 256 * 1024 });
  stream.on('data', (c) => (bytes += c.length));
  return stream;
}

/** "A" for 1, "AA" for 27. */
function columnName(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

async function* csvRows(): AsyncGenerator<RawRow> {
  const stream = counted();
  const parser = stream.pipe(
    csvParse({
      bom: true,
      delimiter: input.delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      max_record_size: limits.maxLineChars,
    }),
  );
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      row++;
      lastRow = row;
      if (row > limits.maxRows)
        throw new FileProblem('rows', { sheet: 'CSV', max: limits.maxRows, found: row });
      if (record.length > limits.maxColumns)
        throw new FileProblem('columns', { sheet: 'CSV', row, max: limits.maxColumns });
      record.forEach((v, i) => {
        if (v.length > limits.maxCellChars)
          throw new FileProblem('cell', {
            sheet: 'CSV',
            cell: `${columnName(i + 1)}${row}`,
            max: limits.maxCellChars,
          });
      });
      yield { sheet: 1, name: '', row, values: record };
    }
  } catch (e) {
    if ((e as { code?: string }).code === 'CSV_MAX_RECORD_SIZE')
      throw new FileProblem('line', { row: row + 1, max: limits.maxLineChars });
    throw e;
  } finally {
    stream.destroy();
  }
}

async function* xlsxRows(): AsyncGenerator<RawRow> {
  await guardXlsx(input.path, limits);
  const stream = counted();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    entries: 'ignore',
  });
  let sheet = 0;
  try {
    for await (const ws of reader) {
      sheet++;
      const name = (ws as unknown as { name?: string }).name ?? '';
      for await (const r of ws as AsyncIterable<ExcelJS.Row>) {
        lastRow = r.number;
        const values = Array.isArray(r.values) ? (r.values as unknown[]).slice(1) : [];
        if (r.number > limits.maxRows)
          throw new FileProblem('rows', { sheet: name, max: limits.maxRows, found: r.number });
        if (values.length > limits.maxColumns)
          throw new FileProblem('columns', { sheet: name, row: r.number, max: limits.maxColumns });
        yield { sheet, name, row: r.number, values };
      }
    }
  } finally {
    stream.destroy();
  }
}

/**
 * A CSV is checked whole (csv-scan.ts) before its first row is handed over, as an XLSX is by the
 * zip guard: a file over a limit costs no row work.
 */
async function* checkedCsvRows(): AsyncGenerator<RawRow> {
  await scanCsv(input.path, input.delimiter, limits);
  yield* csvRows();
}

const post = (m: WorkerMessage) => parentPort!.postMessage(m);
const rows = input.format === 'xlsx' ? xlsxRows() : checkedCsvRows();

parentPort!.on('message', () => {
  void (async () => {
    try {
      const batch: RawRow[] = [];
      while (batch.length < BATCH_ROWS) {
        const next = await rows.next();
        if (next.done) return post({ type: 'rows', rows: batch, done: true, bytes });
        batch.push(next.value);
      }
      post({ type: 'rows', rows: batch, done: false, bytes });
    } catch (e) {
      if (e instanceof FileProblem) return post({ type: 'problem', key: e.key, params: e.params });
      post({ type: 'failed', row: lastRow + 1, detail: String((e as Error)?.message ?? e).slice(0, 200) });
    }
  })();
});
