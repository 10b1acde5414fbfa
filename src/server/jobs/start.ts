/**
 * Every timer of an Asah process. Each run takes its job's lock (runExclusive), so N processes on
 * one database do each piece of work once: reminders are written once, an e-mail is sent once.
 */
import { sql } from 'drizzle-orm';
import type { Config } from '../config.js';
import type { Db, Tx } from '../db/client.js';
import { MAX_WINDOW_MS } from '../http/rate-limit-store.js';
import { sendPendingMailIn } from '../modules/outbox/sender.js';
import { remindAgreementsIn } from '../modules/partners/reminders.js';
import { every, type JobLog } from './schedule.js';

/** A preview's upload waits this long for its confirmation. */
export const UPLOAD_KEEP_HOURS = 24;

/** Removes expired rate-limit counters and import uploads nobody confirmed. */
export async function cleanupShared(tx: Tx): Promise<{ rateLimits: number; uploads: number }> {
  const rl = await tx.execute(
    sql`delete from rate_limits where window_start < now() - make_interval(secs => ${MAX_WINDOW_MS / 1000})`,
  );
  const up = await tx.execute(
    sql`delete from import_uploads where created_at < now() - make_interval(hours => ${UPLOAD_KEEP_HOURS})`,
  );
  return { rateLimits: rl.rowCount ?? 0, uploads: up.rowCount ?? 0 };
}

export function startScheduledJobs(db: Db, config: Config, log: JobLog): () => Promise<void> {
  const j = config.jobs;
  const stops = [
    every(db, 'agreement-reminders', j.reminderEverySeconds * 1000, (tx) => remindAgreementsIn(tx), log, {
      report: (r) => (r.agreements ? r : null),
    }),
    every(db, 'cleanup', j.cleanupEverySeconds * 1000, cleanupShared, log, {
      report: (r) => (r.rateLimits || r.uploads ? r : null),
    }),
  ];
  const smtp = config.smtp;
  if (smtp) {
    stops.push(
      every(db, 'mail-sender', j.mailEverySeconds * 1000, (tx) => sendPendingMailIn(tx, smtp), log, {
        immediately: false,
        report: (r) => (r.sent || r.failed || r.retrying ? { mail: r } : null),
      }),
    );
  }
  return async () => {
    await Promise.all(stops.map((s) => s()));
  };
}
