/**
 * What may be written to a log, or printed by the CLI, about an error: its name, code, a message
 * without the failed query or its parameters, and the names of the constraint, table and column.
 *
 * A failed query (DrizzleQueryError) carries the SQL and every parameter — NIPs, names, e-mail
 * addresses, birth dates, password hashes — in its message, its stack and its `params`; the
 * PostgreSQL error under it carries values in `detail` ("Key (nip)=(…) already exists") and
 * sometimes in its message ('invalid input syntax for type date: "…"'). None of that is kept.
 */

export interface SafeError {
  type: string;
  message: string;
  code?: string;
  constraint?: string;
  table?: string;
  column?: string;
  stack?: string;
  cause?: SafeError;
}

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  constraint?: unknown;
  table?: unknown;
  column?: unknown;
  stack?: unknown;
  cause?: unknown;
  query?: unknown;
  params?: unknown;
}

const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);

/** Digit runs (NIP, NIK, phone), e-mail addresses and quoted values that are no known name. */
export function scrub(text: string, names: ReadonlySet<string> = new Set()): string {
  return text
    .replace(/"([^"]*)"/g, (m, v: string) => (names.has(v) ? m : '"…"'))
    .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, '…@…')
    .replace(/\d{6,}/g, '…');
}

export function safeError(err: unknown, depth = 0): SafeError {
  if (!err || typeof err !== 'object') return { type: typeof err, message: scrub(String(err)) };
  const e = err as ErrorLike;
  const isQuery = typeof e.query === 'string' && Array.isArray(e.params);
  const names = new Set([str(e.constraint), str(e.table), str(e.column)].filter((n) => n !== undefined));
  const message = isQuery ? 'Failed query' : scrub(str(e.message)?.split('\nparams:')[0] ?? '', names);
  const out: SafeError = { type: str(e.name) ?? 'Error', message };
  const code = str(e.code) ?? (typeof e.code === 'number' ? String(e.code) : undefined);
  if (code) out.code = code;
  if (str(e.constraint)) out.constraint = str(e.constraint);
  if (str(e.table)) out.table = str(e.table);
  if (str(e.column)) out.column = str(e.column);
  // Only the "at …" frames: the first lines of a stack repeat the message (the query, its params).
  const frames = str(e.stack)
    ?.split('\n')
    .filter((l) => /^\s+at /.test(l))
    .slice(0, 12);
  if (frames?.length) out.stack = scrub(frames.join('\n'));
  if (e.cause && depth < 3) out.cause = safeError(e.cause, depth + 1);
  return out;
}

/** One line for a person at a terminal: the message, or for a database error its code and names. */
export function plainMessage(err: unknown): string {
  const s = safeError(err);
  const db = s.cause && s.message === 'Failed query' ? s.cause : s;
  if (db.code === '23505')
    return `Data sudah ada${db.constraint ? ` (${db.constraint})` : ''} / already exists.`;
  if (db !== s || /^[0-9A-Z]{5}$/.test(db.code ?? '')) {
    const names = [db.code, db.constraint, db.table, db.column].filter(Boolean).join(', ');
    return `Basis data menolak perintah (${names}): ${db.message} / the database refused the command.`;
  }
  // Not a database error: Asah's own message (a usage text, a configuration problem), as written.
  return err instanceof Error ? err.message : s.message;
}
