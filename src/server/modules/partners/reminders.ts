/**
 * Agreement expiry reminders: when an agreement enters its reminder window (end date minus
 * `remind_days_before`, in the tenant's time zone), every admin and BKPSDM operator gets one in-app
 * notification. `reminded_at` is set in the same statement, so repeated or concurrent runs never
 * notify twice.
 */
import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { audit } from '../../http/audit.js';
import { bkpsdmUnitIdSql } from '../../http/opd-scope.js';

export interface RemindResult {
  agreements: number;
  notifications: number;
}

const fmt = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

/** Runs the reminder check for one tenant (or all). Idempotent. */
export async function remindAgreements(db: Db, tenantId?: string): Promise<RemindResult> {
  return db.transaction((tx) => remindAgreementsIn(tx, tenantId));
}

/** The reminder check inside the caller's transaction (the scheduled job's, which holds its lock). */
export async function remindAgreementsIn(tx: Tx, tenantId?: string): Promise<RemindResult> {
  const only = tenantId ? sql`and a.tenant_id = ${tenantId}` : sql``;
  const due = await tx.execute<{
    id: string;
    tenant_id: string;
    partner_id: string;
    number: string;
    title: string;
    ends_on: string;
    partner_name: string;
  }>(sql`
    update partner_agreements a set reminded_at = now()
    from partners pa, tenants t
    where pa.id = a.partner_id and t.id = a.tenant_id and a.reminded_at is null ${only}
      and a.ends_on >= (now() at time zone t.time_zone)::date
      and a.ends_on - a.remind_days_before <= (now() at time zone t.time_zone)::date
    returning a.id, a.tenant_id, a.partner_id, a.number, a.title, a.ends_on, pa.name as partner_name`);
  let notifications = 0;
  for (const a of due.rows) {
    const res = await tx.execute(sql`
      insert into notifications (tenant_id, user_id, kind, title, body, link)
      select distinct ${a.tenant_id}::uuid, u.id, 'agreement.expiring',
        ${`Perjanjian ${a.number} segera berakhir`},
        ${`${a.title} dengan ${a.partner_name} berakhir pada ${fmt(a.ends_on)}. Perpanjang atau akhiri kerja samanya.`},
        ${`/mitra/${a.partner_id}`}
      from users u join user_roles r on r.user_id = u.id
      where u.tenant_id = ${a.tenant_id} and u.active and (r.role = 'admin' or (r.role = 'operator'
        and r.unit_id = ${bkpsdmUnitIdSql(a.tenant_id)}))`);
    notifications += res.rowCount ?? 0;
    await audit(
      tx,
      { tenantId: a.tenant_id, userId: null, name: 'system', requestId: null },
      {
        action: 'remind',
        entity: 'partner_agreement',
        entityId: a.id,
        after: { number: a.number, endsOn: a.ends_on, notifications: res.rowCount ?? 0 },
      },
    );
  }
  return { agreements: due.rows.length, notifications };
}
