/**
 * The two facts about units that many modules need, written once:
 * - "this unit is inside the operator's OPD": a unit whose materialised path (`/root/…/self/`) passes
 *   through one of the units the operator is assigned to;
 * - "the unit acting as BKPSDM": the unit coded `BKPSDM`, or the code in the tenant setting
 *   `bkpsdmUnitCode`.
 * Each comes as an SQL fragment (for data scopes inside queries) and, where a module has the path at
 * hand, as a plain check.
 */
import { sql, type SQL } from 'drizzle-orm';
import { sqlArray, type Tx } from '../db/client.js';
import type { AuthContext } from './auth.js';

/** True (in SQL) when the unit path expression lies within one of the caller's operator units. */
export function pathInOperatorOpd(ctx: AuthContext, unitPath: SQL): SQL {
  if (ctx.operatorUnitIds.length === 0) return sql`false`;
  return sql`exists (select 1 from unnest(${sqlArray(ctx.operatorUnitIds)}::uuid[]) r(id)
    where ${unitPath} like '%/' || r.id::text || '/%')`;
}

/** True (in SQL) when the unit id expression names a unit of the tenant within the caller's OPD. */
export const unitInOperatorOpd = (ctx: AuthContext, unitId: SQL): SQL =>
  ctx.operatorUnitIds.length === 0
    ? sql`false`
    : sql`${unitId} in (select u.id from org_units u where u.tenant_id = ${ctx.tenantId}
        and ${pathInOperatorOpd(ctx, sql`u.path`)})`;

/** The same check on a path already read: "/a/b/c/" is inside the OPD of an operator of b. */
export const pathIsInOperatorOpd = (ctx: Pick<AuthContext, 'operatorUnitIds'>, unitPath: string) =>
  ctx.operatorUnitIds.some((id) => unitPath.includes(`/${id}/`));

/** The id of the tenant's BKPSDM unit (a scalar subquery; null when the tenant has none). */
export const bkpsdmUnitIdSql = (tenantId: SQL | string): SQL =>
  sql`(select b.id from org_units b join tenants bt on bt.id = b.tenant_id
    where b.tenant_id = ${tenantId} and b.code = coalesce(bt.settings->>'bkpsdmUnitCode', 'BKPSDM') limit 1)`;

/** Whether the unit is one of the tenant's and lies within the caller's OPD. */
export async function unitIsInOperatorOpd(db: Tx, ctx: AuthContext, unitId: string): Promise<boolean> {
  if (ctx.operatorUnitIds.length === 0) return false;
  const r =
    await db.execute(sql`select 1 from org_units u where u.tenant_id = ${ctx.tenantId} and u.id = ${unitId}
    and ${pathInOperatorOpd(ctx, sql`u.path`)}`);
  return (r.rowCount ?? 0) > 0;
}
