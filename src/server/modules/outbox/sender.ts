/**
 * Sends queued e-mails by SMTP (nodemailer) when SMTP_URL is set: a batch of pending rows is taken
 * `for update skip locked` (two senders never send one mail twice), each is sent, and a failure
 * counts an attempt; after MAX_ATTEMPTS the row is 'failed'. Logs carry counts and ids only —
 * never addresses or bodies.
 */
import { sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { Db, Tx } from '../../db/client.js';

export const MAX_ATTEMPTS = 5;

export interface SmtpSettings {
  url: string;
  from: string;
}

export interface SendResult {
  sent: number;
  failed: number;
  retrying: number;
}

export async function sendPendingMail(db: Db, smtp: SmtpSettings, batch = 50): Promise<SendResult> {
  return db.transaction((tx) => sendPendingMailIn(tx, smtp, batch));
}

/** Sends one batch inside the caller's transaction (the scheduled job's, which holds its lock). */
export async function sendPendingMailIn(tx: Tx, smtp: SmtpSettings, batch = 50): Promise<SendResult> {
  const transport = nodemailer.createTransport(smtp.url);
  const out: SendResult = { sent: 0, failed: 0, retrying: 0 };
  try {
    const rows = await tx.execute<{
      id: string;
      to_address: string;
      subject: string;
      body: string;
      attempts: number;
    }>(
      sql`select id, to_address, subject, body, attempts from email_outbox where status = 'pending'
        order by created_at, id limit ${batch} for update skip locked`,
    );
    for (const r of rows.rows) {
      try {
        await transport.sendMail({ from: smtp.from, to: r.to_address, subject: r.subject, text: r.body });
        await tx.execute(sql`update email_outbox set status = 'sent', sent_at = now(), attempts = attempts + 1,
          last_error = null where id = ${r.id}`);
        out.sent++;
      } catch (e) {
        // The error's class and SMTP code only: a server's reply may repeat the address.
        const err = e as { code?: string; responseCode?: number };
        const reason = [err.code, err.responseCode].filter(Boolean).join(' ') || 'send failed';
        const last = r.attempts + 1 >= MAX_ATTEMPTS;
        await tx.execute(sql`update email_outbox set attempts = attempts + 1, last_error = ${reason},
          status = ${last ? 'failed' : 'pending'} where id = ${r.id}`);
        if (last) out.failed++;
        else out.retrying++;
      }
    }
  } finally {
    transport.close();
  }
  return out;
}
