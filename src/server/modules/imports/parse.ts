/**
 * Streams the rows of an uploaded CSV or XLSX file: the format is detected by content, the header
 * row is found below any title rows, and cells arrive as trimmed strings keyed by column name.
 */
import fs from 'node:fs';
import { AppError, type RowError } from '../../http/errors.js';
import type { Lang } from '../../http/messages.js';
import { normalizeHeader, type KindSpec } from './columns.js';
import { readRows } from './sheet-reader.js';
import { text } from './texts.js';

export interface SheetRow {
  /** The row number people see in their spreadsheet. */
  row: number;
  cells: Record<string, string>;
}

export interface Header {
  row: number;
  /** Known columns present in the header. */
  present: Set<string>;
}

/** The file cannot be imported as a whole (no header, missing columns): one clear error. */
export class ImportAbort extends Error {
  constructor(readonly error: RowError) {
    super('import.abort');
  }
}

/** Bytes read so far, for a progress estimate. */
export interface ReadProgress {
  bytes: number;
  size: number;
}

const HEADER_SEARCH_ROWS = 10;

export type FileFormat = 'csv' | 'xlsx';

/** Detects the format by the first bytes; refuses empty, old .xls and binary files. */
export async function detectFormat(path: string, lang: Lang): Promise<FileFormat> {
  const fh = await fs.promises.open(path, 'r');
  try {
    const buf = Buffer.alloc(4096);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    const head = buf.subarray(0, bytesRead);
    const unreadable = (key: 'empty' | 'oldXls' | 'notSpreadsheet') =>
      new AppError('import.unreadable', { reason: text(lang, key) });
    if (
      bytesRead === 0 ||
      head
        .toString('utf8')
        .replace(/^\uFEFF/, '')
        .trim() === ''
    )
      throw unreadable('empty');
    if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return 'xlsx';
    if (head.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) throw unreadable('oldXls');
    if (head.includes(0)) throw unreadable('notSpreadsheet');
    return 'csv';
  } finally {
    await fh.close();
  }
}

/** ';' or ',' — whichever the header line (or the first line) uses more. */
export async function sniffDelimiter(path: string, key: string): Promise<string> {
  const fh = await fs.promises.open(path, 'r');
  try {
    const buf = Buffer.alloc(65536);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    const lines = buf.subarray(0, bytesRead).toString('utf8').split(/\r?\n/).slice(0, HEADER_SEARCH_ROWS);
    const line = lines.find((l) => l.toLowerCase().includes(key)) ?? lines.find((l) => l.trim() !== '') ?? '';
    const count = (ch: string) => line.split(ch).length - 1;
    return count(';') > count(',') ? ';' : ',';
  } finally {
    await fh.close();
  }
}

/** A cell as text. Numbers in NIP columns that lost digits come back in scientific form. */
export function cellText(v: unknown, nipLike = false): string {
  if (v == null) return '';
  if (typeof v === 'string') return v.replace(/\u00a0/g, ' ').trim();
  if (typeof v === 'number') {
    if (nipLike && Number.isInteger(v) && !Number.isSafeInteger(v)) return v.toExponential().toUpperCase();
    return String(v);
  }
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText))
      return cellText((o.richText as { text?: string }[]).map((p) => p.text ?? '').join(''));
    if ('result' in o) return cellText(o.result, nipLike);
    if ('formula' in o || 'sharedFormula' in o) return '';
    if ('text' in o) return cellText(o.text, nipLike);
    if ('error' in o) return String(o.error);
  }
  return String(v).trim();
}

const isBlank = (values: unknown[]) => values.every((v) => cellText(v) === '');

/**
 * The data rows of the first sheet that has a header row (a row within the first 10 holding the
 * key column). Blank rows are skipped; unknown columns are ignored.
 */
export async function* readTable(
  path: string,
  spec: KindSpec,
  lang: Lang,
  onHeader: (h: Header) => void,
  progress?: ReadProgress,
): AsyncGenerator<SheetRow> {
  const format = await detectFormat(path, lang);
  const delimiter = format === 'csv' ? await sniffDelimiter(path, spec.key) : undefined;
  // Read in a thread of its own, within the limits of limits.ts (sheet-reader.ts).
  const raw = readRows(path, lang, { format, delimiter, progress });
  const nipLike = new Set(['nip', 'nip_atasan']);
  let header: { sheet: number; cols: [number, string][] } | null = null;
  let skipSheet = 0;
  let sawContent = false;
  for await (const r of raw) {
    if (header) {
      if (r.sheet !== header.sheet) return;
      if (isBlank(r.values)) continue;
      const cells: Record<string, string> = {};
      for (const [i, name] of header.cols) {
        let s = cellText(r.values[i], nipLike.has(name));
        if (s.startsWith("'") && spec.text.includes(name)) s = s.slice(1).trim();
        cells[name] = s;
      }
      yield { row: r.row, cells };
      continue;
    }
    if (r.sheet === skipSheet || isBlank(r.values)) continue;
    sawContent = true;
    if (r.row > HEADER_SEARCH_ROWS) {
      skipSheet = r.sheet;
      continue;
    }
    const names = r.values.map((v) => normalizeHeader(cellText(v)));
    if (!names.includes(spec.key)) continue;
    const cols: [number, string][] = [];
    const present = new Set<string>();
    names.forEach((n, i) => {
      if (spec.columns.includes(n) && !present.has(n)) {
        present.add(n);
        cols.push([i, n]);
      }
    });
    const missing = spec.required.filter((c) => !present.has(c));
    if (missing.length) {
      throw new ImportAbort({
        row: r.row,
        column: missing.join(', '),
        message: text(lang, 'missingColumns', { columns: missing.join(', ') }),
      });
    }
    header = { sheet: r.sheet, cols };
    onHeader({ row: r.row, present });
  }
  if (!header) {
    if (!sawContent) throw new AppError('import.unreadable', { reason: text(lang, 'empty') });
    throw new ImportAbort({ row: 1, column: spec.key, message: text(lang, 'noHeader', { key: spec.key }) });
  }
}
