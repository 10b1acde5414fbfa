/**
 * How much an uploaded spreadsheet may hold before Asah refuses it: rows, columns, the length of one
 * cell, the size of an XLSX once unpacked, and how long and how much memory reading it may take.
 * Set once at start from the configuration (config.ts); every spreadsheet reader uses the same values.
 */
export interface FileLimits {
  /** Rows of one sheet or one CSV file, blank rows included. */
  maxRows: number;
  /** Columns of one row. */
  maxColumns: number;
  /** Characters of one cell (Excel's own limit is 32,767). */
  maxCellChars: number;
  /** Bytes of an XLSX once all its parts are unpacked. */
  maxExpandedBytes: number;
  /** Parts (files) inside one XLSX; a workbook of a few sheets has about twenty. */
  maxEntries: number;
  /** Unpacked bytes per packed byte beyond which a part larger than 1 MB is refused. */
  maxRatio: number;
  /** Distinct texts in the shared-strings part of an XLSX. */
  maxSharedStrings: number;
  /** Characters of one CSV line. */
  maxLineChars: number;
  /** Heap of the thread that reads one file, in MB. */
  workerMemoryMb: number;
  /** Seconds the reading thread may spend on one file. */
  workerSeconds: number;
  /** Imports (of any kind) one user may run at the same time in one process. */
  perUser: number;
  /** Imports all users together may run at the same time in one process. */
  total: number;
}

export const DEFAULT_LIMITS: FileLimits = {
  maxRows: 200_000,
  maxColumns: 200,
  maxCellChars: 32_767,
  maxExpandedBytes: 200 * 1024 * 1024,
  maxEntries: 1000,
  maxRatio: 250,
  maxSharedStrings: 2_000_000,
  maxLineChars: 1024 * 1024,
  workerMemoryMb: 512,
  workerSeconds: 60,
  perUser: 1,
  total: 2,
};

let current: FileLimits = DEFAULT_LIMITS;

export function configureFileLimits(l: Partial<FileLimits>) {
  current = { ...DEFAULT_LIMITS, ...l };
}

export const fileLimits = (): FileLimits => current;

/** Reasons a file is refused, with the texts in texts.ts of the same name. */
export type ProblemKey =
  | 'expanded'
  | 'ratio'
  | 'entries'
  | 'entryLies'
  | 'rows'
  | 'columns'
  | 'cell'
  | 'sharedString'
  | 'sharedStrings'
  | 'line'
  | 'tag'
  | 'timeout'
  | 'memory'
  | 'overlap'
  | 'nested'
  | 'brokenXlsx'
  | 'brokenCsv';

/** Over a limit (413) or not a sound file (422). */
export const TOO_COMPLEX: readonly ProblemKey[] = [
  'expanded',
  'ratio',
  'entries',
  'entryLies',
  'rows',
  'columns',
  'cell',
  'sharedString',
  'sharedStrings',
  'line',
  'tag',
  'timeout',
  'memory',
];

/** Thrown (and passed between threads) when a file is refused; the caller turns it into an AppError. */
export class FileProblem extends Error {
  constructor(
    readonly key: ProblemKey,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`file.${key}`);
  }
}
