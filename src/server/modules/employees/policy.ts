import { sql, type SQL } from 'drizzle-orm';
import type { AuthContext } from '../../http/auth.js';
import { hasRole } from '../../http/auth.js';
import { unitInOperatorOpd } from '../../http/opd-scope.js';

/**
 * The employees a caller may read, as a condition on the alias `e` (employees). Applied in every
 * query that reads employees, so no query can forget it. Roles add up: an atasan who is also an
 * operator sees both sets.
 */
export function employeeReadScope(ctx: AuthContext): SQL {
  if (hasRole(ctx, 'admin', 'pimpinan')) return sql`e.tenant_id = ${ctx.tenantId}`;
  const parts: SQL[] = [];
  if (hasRole(ctx, 'operator') && ctx.operatorUnitIds.length) parts.push(operatorUnits(ctx));
  if (ctx.employeeId && hasRole(ctx, 'atasan')) {
    parts.push(sql`e.id in (
      with recursive sub(id) as (
        select id from employees where tenant_id = ${ctx.tenantId} and supervisor_id = ${ctx.employeeId}
        union select c.id from employees c join sub on c.supervisor_id = sub.id where c.tenant_id = ${ctx.tenantId}
      ) select id from sub)`);
  }
  if (ctx.employeeId && hasRole(ctx, 'pegawai', 'atasan')) parts.push(sql`e.id = ${ctx.employeeId}`);
  if (parts.length === 0) return sql`false`;
  return sql`(e.tenant_id = ${ctx.tenantId} and (${sql.join(parts, sql` or `)}))`;
}

const operatorUnits = (ctx: AuthContext): SQL => unitInOperatorOpd(ctx, sql`e.unit_id`);

/** The employees a caller may change: admins all, operators those in their OPD subtree. */
export function employeeWriteScope(ctx: AuthContext): SQL {
  if (hasRole(ctx, 'admin')) return sql`e.tenant_id = ${ctx.tenantId}`;
  if (hasRole(ctx, 'operator') && ctx.operatorUnitIds.length) {
    return sql`(e.tenant_id = ${ctx.tenantId} and ${operatorUnits(ctx)})`;
  }
  return sql`false`;
}

/** Whether the caller may see personal details (birth date, contact) of an employee they can read. */
export function seesPersonalData(ctx: AuthContext, employeeId: string): boolean {
  return hasRole(ctx, 'admin', 'operator') || ctx.employeeId === employeeId;
}
