import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';

export interface NotificationRow {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  created_at: Date;
  read_at: Date | null;
  [k: string]: unknown;
}

/** The newest 50 of one user. */
export const latestOf = async (db: Tx, tenantId: string, userId: string) =>
  (
    await db.execute<NotificationRow>(sql`select id, kind, title, body, link, created_at, read_at
      from notifications where tenant_id = ${tenantId} and user_id = ${userId}
      order by created_at desc, id limit 50`)
  ).rows;

export const unreadCount = async (db: Tx, tenantId: string, userId: string) =>
  (
    await db.execute<{ n: number }>(sql`select count(*)::int as n from notifications
      where tenant_id = ${tenantId} and user_id = ${userId} and read_at is null`)
  ).rows[0]?.n ?? 0;

/** Marks one of the user's notifications read; false when it is not theirs. */
export const markRead = async (tx: Tx, tenantId: string, userId: string, id: string) =>
  (
    await tx.execute<{ id: string }>(sql`update notifications set read_at = coalesce(read_at, now())
      where tenant_id = ${tenantId} and user_id = ${userId} and id = ${id} returning id`)
  ).rows.length > 0;

/** Marks every unread notification of the user read; how many. */
export const markAllRead = async (tx: Tx, tenantId: string, userId: string) =>
  (
    await tx.execute(sql`update notifications set read_at = now()
      where tenant_id = ${tenantId} and user_id = ${userId} and read_at is null`)
  ).rowCount ?? 0;
