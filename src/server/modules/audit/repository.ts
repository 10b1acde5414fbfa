import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import type { AuditQueryT } from './schemas.js';

export interface AuditRow {
  id: number;
  at: Date;
  actor_name: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  before: unknown;
  after: unknown;
  request_id: string | null;
  [k: string]: unknown;
}

/** The filter of the trail, always within the tenant; from/to are whole days in the tenant's time zone. */
export function auditWhere(tenantId: string, q: AuditQueryT): SQL {
  const conds = [sql`tenant_id = ${tenantId}`];
  if (q.entity) conds.push(sql`entity = ${q.entity}`);
  if (q.action) conds.push(sql`action = ${q.action}`);
  if (q.actor) conds.push(sql`lower(actor_name) like ${'%' + q.actor.toLowerCase() + '%'}`);
  if (q.entityId) conds.push(sql`entity_id = ${q.entityId}`);
  const zone = sql`(select time_zone from tenants where id = ${tenantId})`;
  if (q.from) conds.push(sql`at >= (${q.from}::date::timestamp at time zone ${zone})`);
  if (q.to) conds.push(sql`at < ((${q.to}::date + 1)::timestamp at time zone ${zone})`);
  return sql.join(conds, sql` and `);
}

export const countEntries = async (db: Tx, where: SQL) =>
  Number(
    (await db.execute<{ n: number }>(sql`select count(*)::int n from audit_log where ${where}`)).rows[0]?.n ??
      0,
  );

export const pageOfEntries = async (db: Tx, where: SQL, limit: number, offset: number) =>
  (
    await db.execute<AuditRow>(sql`select id, at, actor_name, action, entity, entity_id, before, after, request_id
      from audit_log where ${where} order by id desc limit ${limit} offset ${offset}`)
  ).rows;
