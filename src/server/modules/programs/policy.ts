/**
 * Who may read and manage partners and programmes, as SQL conditions (data scope inside the query,
 * so no query can forget it). BKPSDM operators are operators whose OPD is the unit coded `BKPSDM`
 * (or the code in the tenant setting `bkpsdmUnitCode`).
 */
import { sql, type SQL } from 'drizzle-orm';
import { sqlArray, type Tx } from '../../db/client.js';
import { hasRole, type AuthContext } from '../../http/auth.js';
import { bkpsdmUnitIdSql, unitInOperatorOpd } from '../../http/opd-scope.js';

/** True (in SQL) when the caller is an operator of the BKPSDM unit. */
export function bkpsdmOperatorSql(ctx: AuthContext): SQL {
  if (!hasRole(ctx, 'operator') || ctx.operatorUnitIds.length === 0) return sql`false`;
  return sql`${bkpsdmUnitIdSql(ctx.tenantId)} = any(${sqlArray(ctx.operatorUnitIds)}::uuid[])`;
}

/** Whether the caller is an operator of the BKPSDM unit. */
export async function isBkpsdmOperator(db: Tx, ctx: AuthContext): Promise<boolean> {
  if (!hasRole(ctx, 'operator') || ctx.operatorUnitIds.length === 0) return false;
  const res = await db.execute<{ ok: boolean }>(sql`select ${bkpsdmOperatorSql(ctx)} as ok`);
  return !!res.rows[0]?.ok;
}

/** Admins and BKPSDM operators manage partners, agreements and contributions. */
export async function managesPartners(db: Tx, ctx: AuthContext): Promise<boolean> {
  return hasRole(ctx, 'admin') || (await isBkpsdmOperator(db, ctx));
}

/** The partners a mitra acts for (as a subquery of partner ids). */
export const myPartnerIds = (ctx: AuthContext): SQL =>
  sql`(select m.partner_id from partner_members m where m.tenant_id = ${ctx.tenantId} and m.user_id = ${ctx.userId})`;

/** Partners the caller may read, as a condition on alias `pa`. */
export function partnerReadScope(ctx: AuthContext): SQL {
  if (hasRole(ctx, 'admin', 'pimpinan', 'operator')) return sql`pa.tenant_id = ${ctx.tenantId}`;
  if (hasRole(ctx, 'mitra')) return sql`(pa.tenant_id = ${ctx.tenantId} and pa.id in ${myPartnerIds(ctx)})`;
  return sql`false`;
}

/** Programmes organised within an operator's OPD subtrees, as a condition on alias `p`. */
const operatorOrganised = (ctx: AuthContext): SQL => unitInOperatorOpd(ctx, sql`p.organiser_unit_id`);

/**
 * Programmes the caller may read, as a condition on alias `p` (programs). Admin and pimpinan: all;
 * BKPSDM operators: all; other operators: those their OPD organises plus the published catalog;
 * mitra: only their partner's programmes; pegawai and atasan: the catalog (not drafts).
 */
export function programReadScope(ctx: AuthContext): SQL {
  if (hasRole(ctx, 'admin', 'pimpinan')) return sql`p.tenant_id = ${ctx.tenantId}`;
  const parts: SQL[] = [];
  if (hasRole(ctx, 'operator') && ctx.operatorUnitIds.length) {
    parts.push(bkpsdmOperatorSql(ctx), operatorOrganised(ctx), sql`p.status <> 'draft'`);
  }
  if (hasRole(ctx, 'pegawai', 'atasan')) parts.push(sql`p.status <> 'draft'`);
  if (hasRole(ctx, 'mitra')) parts.push(sql`p.partner_id in ${myPartnerIds(ctx)}`);
  if (parts.length === 0) return sql`false`;
  return sql`(p.tenant_id = ${ctx.tenantId} and (${sql.join(parts, sql` or `)}))`;
}

/**
 * Programmes the caller may change, as a condition on alias `p`: admin and BKPSDM operators all;
 * operators those their OPD organises; mitra their partner's.
 */
export function programWriteScope(ctx: AuthContext): SQL {
  if (hasRole(ctx, 'admin')) return sql`p.tenant_id = ${ctx.tenantId}`;
  const parts: SQL[] = [];
  if (hasRole(ctx, 'operator') && ctx.operatorUnitIds.length) {
    parts.push(bkpsdmOperatorSql(ctx), operatorOrganised(ctx));
  }
  if (hasRole(ctx, 'mitra')) parts.push(sql`p.partner_id in ${myPartnerIds(ctx)}`);
  if (parts.length === 0) return sql`false`;
  return sql`(p.tenant_id = ${ctx.tenantId} and (${sql.join(parts, sql` or `)}))`;
}
