/**
 * The Asah backup file: gzip'd lines, each a JSON array.
 *   ["H", header]                     format, Asah version, migration level, time
 *   ["T", table, columns]             a table begins
 *   ["R", row]                        one row (to_jsonb of the row; bytea as \\x-hex), written as text
 *   ["E", table, rows, sha256]        a table ends: its row count and the SHA-256 of its row lines
 *   ["M", manifest]                   last line: the table list with counts and checksums
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import readline from 'node:readline';
import zlib from 'node:zlib';

export const FORMAT = 'asah-backup';
export const FORMAT_VERSION = 1;

export interface MigrationLevel {
  /** Number of migrations applied. */
  count: number;
  /** `when` of the last applied migration (drizzle's journal), milliseconds. */
  when: number;
  tag: string | null;
}

export interface Header {
  format: typeof FORMAT;
  formatVersion: number;
  asahVersion: string;
  migration: MigrationLevel;
  createdAt: string;
}

export interface TableEntry {
  name: string;
  rows: number;
  sha256: string;
}

export interface Manifest extends Header {
  tables: TableEntry[];
}

export type Line = ['H', Header] | ['T', string, string[]] | ['E', string, number, string] | ['M', Manifest];

/** One line of a backup: a row keeps its JSON text as written (what the checksum covers). */
export type ReadLine = { tag: 'R'; rowText: string } | { tag: 'H' | 'T' | 'E' | 'M'; line: Line };

export async function* readLines(file: string): AsyncGenerator<ReadLine> {
  const input = fs.createReadStream(file).pipe(zlib.createGunzip());
  const rl = readline.createInterface({ input, crlfDelay: Infinity });
  for await (const text of rl) {
    if (!text) continue;
    if (text.startsWith('["R",') && text.endsWith(']')) {
      yield { tag: 'R', rowText: text.slice(5, -1) };
      continue;
    }
    const line = JSON.parse(text) as Line;
    if (!Array.isArray(line) || !['H', 'T', 'E', 'M'].includes(line[0] as string)) {
      throw new BackupError('unknown line in the backup file');
    }
    yield { tag: line[0] as 'H' | 'T' | 'E' | 'M', line };
  }
}

export const newHash = () => crypto.createHash('sha256');

/** A backup that cannot be used; the message says why, Bahasa Indonesia first. */
export class BackupError extends Error {}
