/**
 * Tenants of one Asah installation: listed and created by a platform administrator (the API) or by
 * the `asah` command. A platform administrator belongs to the platform tenant, holds no tenant role
 * and so reads no tenant's data; creating a tenant gives it its first admin and the built-in JP rule
 * sets.
 */
import type { Db, Tx } from '../../db/client.js';
import { audit, type AuditActor } from '../../http/audit.js';
import { AppError } from '../../http/errors.js';
import { hashPassword } from '../auth/passwords.js';
import { ensureJpRuleSets } from '../programs/jp-rules.js';
import * as repo from './repository.js';
import type { PlatformTenantCreateT } from './schemas.js';

export const PLATFORM_TENANT_CODE = 'platform';

export interface NewTenant {
  code: string;
  name: string;
  timeZone: string;
}

/** Inserts a tenant with its JP rule sets; audited in the new tenant's log and the actor's. */
export async function createTenant(tx: Tx, actor: AuditActor, t: NewTenant) {
  if (await repo.findTenantByCode(tx, t.code)) throw new AppError('conflict', { what: `kode ${t.code}` });
  const row = await repo.insertTenant(tx, t);
  await ensureJpRuleSets(tx, row.id);
  const entry = { action: 'create', entity: 'tenant', entityId: row.id, after: t };
  await audit(tx, { ...actor, tenantId: row.id }, entry);
  if (actor.tenantId && actor.tenantId !== row.id) await audit(tx, actor, entry);
  return row;
}

/** A user with the admin role in the tenant (the password already hashed). */
export async function createTenantAdmin(
  tx: Tx,
  actor: AuditActor,
  tenantId: string,
  u: { username: string; displayName: string; passwordHash: string },
) {
  if (await repo.usernameTaken(tx, u.username)) throw new AppError('conflict', { what: u.username });
  const id = await repo.insertUser(tx, { tenantId, ...u }, 'admin');
  await audit(
    tx,
    { ...actor, tenantId },
    { action: 'create', entity: 'user', entityId: id, after: { username: u.username, roles: ['admin'] } },
  );
  return id;
}

/** A platform administrator in the platform tenant (created on first use). */
export async function createPlatformAdmin(
  tx: Tx,
  actor: AuditActor,
  u: { username: string; displayName: string; passwordHash: string },
) {
  let platform = await repo.platformTenant(tx);
  platform ??= await repo.insertTenant(tx, {
    code: PLATFORM_TENANT_CODE,
    name: 'Platform Asah',
    timeZone: 'Asia/Jakarta',
    platform: true,
  });
  if (await repo.usernameTaken(tx, u.username)) throw new AppError('conflict', { what: u.username });
  const id = await repo.insertUser(tx, { tenantId: platform.id, ...u, platformAdmin: true }, null);
  await audit(
    tx,
    { ...actor, tenantId: platform.id },
    { action: 'create', entity: 'user', entityId: id, after: { username: u.username, platformAdmin: true } },
  );
  return id;
}

export function platformService(db: Db) {
  const list = async () =>
    (await repo.listTenants(db)).map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      timeZone: r.time_zone,
      createdAt: new Date(r.created_at).toISOString(),
      users: r.users,
      employees: r.employees,
    }));
  return {
    list,
    async create(actor: AuditActor, body: PlatformTenantCreateT) {
      const passwordHash = await hashPassword(body.admin.password);
      const id = await db.transaction(async (tx) => {
        const t = await createTenant(tx, actor, {
          code: body.code,
          name: body.name,
          timeZone: body.timeZone,
        });
        await createTenantAdmin(tx, actor, t.id, {
          username: body.admin.username,
          displayName: body.admin.displayName,
          passwordHash,
        });
        return t.id;
      });
      return (await list()).find((t) => t.id === id)!;
    },
  };
}
