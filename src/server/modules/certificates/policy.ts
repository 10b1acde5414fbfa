import { sql } from 'drizzle-orm';
import { hasRole, type AuthContext } from '../../http/auth.js';
import { employeeWriteScope } from '../employees/policy.js';
import { bkpsdmOperatorSql } from '../programs/policy.js';

/**
 * The employees (alias `e`) whose certificates from elsewhere a caller checks: admins all, BKPSDM
 * operators all, other operators those of their OPD. Whoever checks may also open the scan and record
 * a certificate handed in on paper.
 */
export function certificateReviewScope(ctx: AuthContext) {
  if (hasRole(ctx, 'admin')) return sql`e.tenant_id = ${ctx.tenantId}`;
  if (!hasRole(ctx, 'operator')) return sql`false`;
  return sql`(e.tenant_id = ${ctx.tenantId} and (${bkpsdmOperatorSql(ctx)} or ${employeeWriteScope(ctx)}))`;
}
