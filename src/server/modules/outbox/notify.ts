/**
 * One way to tell people about a step: a notification in the app (the bell) and an e-mail queued in
 * `email_outbox`, in the caller's transaction. The address is the user's, else their employee's.
 * Whether mail goes out depends on SMTP: with it the row waits as 'pending' for the sender,
 * without it the row is 'not_sent' and the outbox page shows what would have been sent.
 */
import { sql } from 'drizzle-orm';
import { sqlArray, type Tx } from '../../db/client.js';
import { bkpsdmUnitIdSql } from '../../http/opd-scope.js';

export interface MailSettings {
  /** 'pending' when SMTP sends it; 'not_sent' when the outbox page only shows it. */
  mode: 'pending' | 'not_sent';
  /** PUBLIC_URL: links in e-mails become full addresses; without it they stay paths like "/persetujuan". */
  publicUrl: string | null;
}

/** "/persetujuan" → "https://asah.ambon.go.id/persetujuan" when the public address is known. */
export const mailLink = (link: string, publicUrl: string | null) =>
  publicUrl ? `${publicUrl.replace(/\/+$/, '')}${link.startsWith('/') ? '' : '/'}${link}` : link;

export interface Message {
  kind: string;
  title: string;
  body: string;
  /** Path in the web app, e.g. "/persetujuan". */
  link: string | null;
}

/** Notifies users (by id): bell + queued e-mail for each active user; returns mails queued. */
export async function notifyUsers(
  tx: Tx,
  tenantId: string,
  userIds: readonly string[],
  msg: Message,
  mail: MailSettings,
): Promise<number> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return 0;
  await tx.execute(sql`insert into notifications (tenant_id, user_id, kind, title, body, link)
    select ${tenantId}::uuid, u.id, ${msg.kind}, ${msg.title}, ${msg.body}, ${msg.link}
    from users u where u.tenant_id = ${tenantId} and u.active and u.id = any(${sqlArray(ids)}::uuid[])`);
  const mailBody = `${msg.body}${msg.link ? `\n\nBuka Asah: ${mailLink(msg.link, mail.publicUrl)}` : ''}\n\n— Asah (pesan otomatis, jangan dibalas)`;
  const res =
    await tx.execute(sql`insert into email_outbox (tenant_id, user_id, to_address, subject, body, status)
    select ${tenantId}::uuid, u.id, coalesce(nullif(trim(u.email), ''), nullif(trim(e.email), '')),
      ${`[Asah] ${msg.title}`}, ${mailBody}, ${mail.mode}
    from users u left join employees e on e.id = u.employee_id
    where u.tenant_id = ${tenantId} and u.active and u.id = any(${sqlArray(ids)}::uuid[])
      and coalesce(nullif(trim(u.email), ''), nullif(trim(e.email), '')) is not null`);
  return res.rowCount ?? 0;
}

/** The active users of employees (e.g. the participant) as ids. */
export async function usersOfEmployees(tx: Tx, tenantId: string, employeeIds: readonly string[]) {
  if (employeeIds.length === 0) return [];
  const res = await tx.execute<{ id: string }>(sql`select id from users
    where tenant_id = ${tenantId} and active and employee_id = any(${sqlArray([...employeeIds])}::uuid[])`);
  return res.rows.map((r) => r.id);
}

/** Users who decide for BKPSDM: admins and operators of the BKPSDM unit. */
export async function bkpsdmDeciders(tx: Tx, tenantId: string): Promise<string[]> {
  const res = await tx.execute<{ id: string }>(sql`select distinct u.id from users u
    join user_roles r on r.user_id = u.id
    where u.tenant_id = ${tenantId} and u.active
      and (r.role = 'admin' or (r.role = 'operator' and r.unit_id = ${bkpsdmUnitIdSql(tenantId)}))`);
  return res.rows.map((r) => r.id);
}
