/**
 * A quick pass over a CSV before it is parsed for real: records (a quoted field may span lines),
 * fields per record, characters per field and per record, each against the limits. It reads the
 * file once, character by character, and stops at the first overrun — so a file of millions of
 * rows or one endless line is refused before any row is worked on.
 */
import fs from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { FileProblem, type FileLimits } from './limits.js';

const QUOTE = 34;
const LF = 10;
const CR = 13;

export async function scanCsv(path: string, delimiter: string, limits: FileLimits): Promise<void> {
  const delim = delimiter.charCodeAt(0);
  const decoder = new StringDecoder('utf8');
  let row = 1;
  let fields = 1;
  let fieldLen = 0;
  let recordLen = 0;
  /** 0: at the start of a field, 1: in an unquoted field, 2: in quotes, 3: a quote inside quotes. */
  let state = 0;
  const over = () => {
    if (recordLen > limits.maxLineChars) throw new FileProblem('line', { row, max: limits.maxLineChars });
    if (fieldLen > limits.maxCellChars)
      throw new FileProblem('cell', {
        sheet: 'CSV',
        cell: `${column(fields)}${row}`,
        max: limits.maxCellChars,
      });
  };
  const scan = (s: string) => {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (state === 2) {
        if (c === QUOTE) state = 3;
        else fieldLen++;
        recordLen++;
        if (recordLen > limits.maxLineChars || fieldLen > limits.maxCellChars) over();
        continue;
      }
      if (state === 3 && c === QUOTE) {
        // An escaped quote.
        state = 2;
        fieldLen++;
        recordLen++;
        continue;
      }
      if (c === delim) {
        fields++;
        if (fields > limits.maxColumns)
          throw new FileProblem('columns', { sheet: 'CSV', row, max: limits.maxColumns });
        fieldLen = 0;
        recordLen++;
        state = 0;
      } else if (c === LF) {
        // The record `row` ends here; a line end after the last record adds none.
        if (row > limits.maxRows)
          throw new FileProblem('rows', { sheet: 'CSV', max: limits.maxRows, found: row });
        row++;
        fields = 1;
        fieldLen = 0;
        recordLen = 0;
        state = 0;
      } else if (c === CR) {
        // Part of the line end.
      } else {
        if (state === 0) state = c === QUOTE ? 2 : 1;
        else fieldLen++;
        if (state === 1 && fieldLen === 0) fieldLen = 1;
        recordLen++;
        if (recordLen > limits.maxLineChars || fieldLen > limits.maxCellChars) over();
      }
    }
  };
  for await (const chunk of fs.createReadStream(path, { highWaterMark: 256 * 1024 }) as AsyncIterable<Buffer>)
    scan(decoder.write(chunk));
  scan(decoder.end());
  if (recordLen > 0 && row > limits.maxRows)
    throw new FileProblem('rows', { sheet: 'CSV', max: limits.maxRows, found: row });
}

function column(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}
