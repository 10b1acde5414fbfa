import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { orgUnits } from '../../db/schema/index.js';

export async function listUnits(db: Tx, tenantId: string) {
  const rows = await db.execute<{
    id: string;
    code: string;
    name: string;
    parent_id: string | null;
    kind: string;
    active: boolean;
    path: string;
    employee_count: number;
  }>(sql`
    select u.id, u.code, u.name, u.parent_id, u.kind, u.active, u.path,
           coalesce(c.n, 0)::int as employee_count
    from org_units u
    left join (select unit_id, count(*) n from employees where tenant_id = ${tenantId} and active group by unit_id) c
      on c.unit_id = u.id
    where u.tenant_id = ${tenantId}
    order by u.path`);
  return rows.rows;
}

export const findUnit = (db: Tx, tenantId: string, id: string) =>
  db.query.orgUnits.findFirst({ where: and(eq(orgUnits.tenantId, tenantId), eq(orgUnits.id, id)) });

export const findUnitByCode = (db: Tx, tenantId: string, code: string) =>
  db.query.orgUnits.findFirst({
    where: and(eq(orgUnits.tenantId, tenantId), sql`upper(${orgUnits.code}) = upper(${code})`),
  });

/** Moves a subtree: rewrites the path prefix of the unit and all its descendants. */
export async function rewritePaths(db: Tx, tenantId: string, oldPath: string, newPath: string) {
  await db.execute(sql`
    update org_units set path = ${newPath} || substr(path, ${oldPath.length + 1}), updated_at = now()
    where tenant_id = ${tenantId} and path like ${oldPath + '%'}`);
}
