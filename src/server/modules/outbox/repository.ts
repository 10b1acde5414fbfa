import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import type { MailStatus } from './schemas.js';

export interface MailRow {
  id: string;
  to_address: string;
  subject: string;
  body: string;
  status: MailStatus;
  attempts: number;
  last_error: string | null;
  sent_at: Date | null;
  created_at: Date;
  [k: string]: unknown;
}

const where = (tenantId: string, status: MailStatus | undefined): SQL =>
  sql`tenant_id = ${tenantId} ${status ? sql`and status = ${status}` : sql``}`;

/** A page of the tenant's outbox, newest first. */
export const pageOfMail = async (
  db: Tx,
  tenantId: string,
  status: MailStatus | undefined,
  limit: number,
  offset: number,
) =>
  (
    await db.execute<MailRow>(sql`select id, to_address, subject, body, status, attempts, last_error, sent_at,
      created_at from email_outbox where ${where(tenantId, status)}
      order by created_at desc, id limit ${limit} offset ${offset}`)
  ).rows;

export const countMail = async (db: Tx, tenantId: string, status: MailStatus | undefined) =>
  (
    await db.execute<{ n: number }>(
      sql`select count(*)::int as n from email_outbox where ${where(tenantId, status)}`,
    )
  ).rows[0]?.n ?? 0;
