import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { tenants } from '../../db/schema/index.js';

export type TenantRow = typeof tenants.$inferSelect;

export const findTenant = (db: Tx, id: string) => db.query.tenants.findFirst({ where: eq(tenants.id, id) });

/** The tenant row locked for the rest of the transaction (one settings save at a time). */
export async function lockTenant(tx: Tx, id: string): Promise<TenantRow | undefined> {
  const [row] = await tx.select().from(tenants).where(eq(tenants.id, id)).for('update');
  return row;
}

export const updateTenant = (
  tx: Tx,
  id: string,
  values: Partial<Pick<TenantRow, 'name' | 'timeZone' | 'settings'>>,
) =>
  tx
    .update(tenants)
    .set(values)
    .where(eq(tenants.id, id))
    .then(() => undefined);

/** The tenant's IANA time zone (every tenant has one: the column is not null). */
export async function timeZoneOf(db: Tx, id: string): Promise<string> {
  const r = await db.execute<{ time_zone: string }>(sql`select time_zone from tenants where id = ${id}`);
  const zone = r.rows[0]?.time_zone;
  if (!zone) throw new Error('tenant without a row');
  return zone;
}

export const tenantIssuerRow = async (db: Tx, id: string) =>
  (
    await db.execute<{ name: string; settings: Record<string, unknown> }>(
      sql`select name, settings from tenants where id = ${id}`,
    )
  ).rows[0];
