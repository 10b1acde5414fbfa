/**
 * Scheduled work done once, however many Asah processes run on one database: each run takes a
 * transaction-scoped advisory lock named after the job (`pg_try_advisory_xact_lock`) inside the
 * job's own transaction. A process that finds the lock taken skips that run; the lock goes with
 * the transaction's commit or rollback, also when a process dies.
 */
import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.js';

export type Exclusive<T> = { ran: true; result: T } | { ran: false };

/** Runs `fn` in a transaction holding the job's lock, or not at all when another holds it. */
export async function runExclusive<T>(
  db: Db,
  name: string,
  fn: (tx: Tx) => Promise<T>,
): Promise<Exclusive<T>> {
  return db.transaction(async (tx) => {
    const r = await tx.execute<{ ok: boolean }>(
      sql`select pg_try_advisory_xact_lock(hashtext(${`asah.job:${name}`})) as ok`,
    );
    if (!r.rows[0]?.ok) return { ran: false } as const;
    return { ran: true, result: await fn(tx) } as const;
  });
}

export interface JobLog {
  error(o: object, msg: string): void;
  info(o: object, msg: string): void;
}

/**
 * Runs `fn` exclusively now (unless `immediately` is false) and then every `everyMs`; a run still
 * going in this process is not started twice. Returns a stop function that waits for a running turn.
 */
export function every<T>(
  db: Db,
  name: string,
  everyMs: number,
  fn: (tx: Tx) => Promise<T>,
  log: JobLog,
  opts: { immediately?: boolean; report?: (result: T) => object | null } = {},
): () => Promise<void> {
  let current: Promise<void> | null = null;
  const tick = () => {
    if (current) return;
    current = runExclusive(db, name, fn)
      .then((r) => {
        const shown = r.ran ? opts.report?.(r.result) : null;
        if (shown) log.info({ job: name, ...shown }, 'scheduled job');
      })
      .catch((e: unknown) =>
        log.error({ job: name, err: { message: (e as Error).message } }, 'scheduled job failed'),
      )
      .finally(() => {
        current = null;
      });
  };
  if (opts.immediately !== false) tick();
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await current;
  };
}
