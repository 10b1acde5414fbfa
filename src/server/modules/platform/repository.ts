import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { tenants, userRoles, users } from '../../db/schema/index.js';

/** Every tenant but the platform's own, oldest first, with counts of users and employees. */
export async function listTenants(db: Tx) {
  const res = await db.execute<{
    id: string;
    code: string;
    name: string;
    time_zone: string;
    created_at: Date | string;
    users: number;
    employees: number;
  }>(sql`select t.id, t.code, t.name, t.time_zone, t.created_at,
      (select count(*)::int from users u where u.tenant_id = t.id) as users,
      (select count(*)::int from employees e where e.tenant_id = t.id) as employees
    from tenants t where not t.platform order by t.created_at, t.code`);
  return res.rows;
}

export const findTenantByCode = (db: Tx, code: string) =>
  db.query.tenants.findFirst({ where: eq(tenants.code, code) });

export const platformTenant = (db: Tx) => db.query.tenants.findFirst({ where: eq(tenants.platform, true) });

export async function usernameTaken(db: Tx, username: string) {
  const res = await db.execute(sql`select 1 from users where lower(username) = lower(${username})`);
  return (res.rowCount ?? 0) > 0;
}

export async function insertTenant(
  tx: Tx,
  v: { code: string; name: string; timeZone: string; platform?: boolean },
) {
  const [row] = await tx.insert(tenants).values(v).returning();
  return row!;
}

export async function insertUser(
  tx: Tx,
  v: {
    tenantId: string;
    username: string;
    displayName: string;
    passwordHash: string;
    platformAdmin?: boolean;
  },
  role: 'admin' | null,
) {
  const [u] = await tx.insert(users).values(v).returning({ id: users.id });
  if (role) await tx.insert(userRoles).values({ tenantId: v.tenantId, userId: u!.id, role });
  return u!.id;
}
