/**
 * `asah tenant create|list`, `asah user create-admin` and `asah user create-platform-admin`: the
 * decisions live here so that ambiguous input is refused before anything is written.
 */
import type { Db, Tx } from '../server/db/client.js';
import type { AuditActor } from '../server/http/audit.js';
import * as repo from '../server/modules/platform/repository.js';
import { TenantCode, TenantName, TimeZone } from '../server/modules/platform/schemas.js';
import { createPlatformAdmin, createTenant, createTenantAdmin } from '../server/modules/platform/service.js';

export const CLI_ACTOR: AuditActor = { tenantId: null, userId: null, name: 'cli', requestId: null };

/** The first install's tenant when the database has none and nothing else is said. */
export const FIRST_TENANT = { code: 'ambon', name: 'Pemerintah Kota Ambon', timeZone: 'Asia/Jayapura' };

export class CliRefusal extends Error {}

function parsed<T>(
  schema: {
    safeParse(
      v: unknown,
    ): { success: true; data: T } | { success: false; error: { issues: { message: string }[] } };
  },
  value: unknown,
  flag: string,
): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new CliRefusal(`${flag}: ${r.error.issues.map((i) => i.message).join('; ')}`);
  return r.data;
}

export async function tenantCreate(db: Db, a: { code?: string; name?: string; timeZone?: string }) {
  if (!a.code || !a.name) throw new CliRefusal('Wajib / required: --code dan --name.');
  const t = {
    code: parsed(TenantCode, a.code, '--code'),
    name: parsed(TenantName, a.name, '--name'),
    timeZone: parsed(TimeZone, a.timeZone ?? 'Asia/Jayapura', '--time-zone'),
  };
  return db.transaction((tx) => createTenant(tx, CLI_ACTOR, t));
}

export const tenantList = (db: Db) => repo.listTenants(db);

/**
 * The tenant a new admin goes to, created when that is what the input clearly asks:
 * - no tenant yet: the one named (or the first install's Kota Ambon);
 * - --tenant-code of an existing tenant: that one, refused when --tenant-name names it differently;
 * - --tenant-code unknown while tenants exist: created only when --tenant-name is given;
 * - no --tenant-code: the only tenant, refused when there are several (or the name differs).
 */
export async function resolveAdminTenant(
  tx: Tx,
  a: { code?: string; name?: string },
): Promise<{ tenant: { id: string; code: string; name: string }; created: boolean }> {
  const code = a.code === undefined ? undefined : parsed(TenantCode, a.code, '--tenant-code');
  const name = a.name === undefined ? undefined : parsed(TenantName, a.name, '--tenant-name');
  const all = await repo.listTenants(tx);
  const make = async (t: { code: string; name: string }) => ({
    tenant: await createTenant(tx, CLI_ACTOR, { ...t, timeZone: FIRST_TENANT.timeZone }),
    created: true,
  });
  if (code) {
    const found = all.find((t) => t.code === code);
    if (found) {
      if (name && name !== found.name)
        throw new CliRefusal(
          `Instansi ${code} bernama "${found.name}", bukan "${name}"; tidak ada yang dibuat. ` +
            `Tenant ${code} is named "${found.name}", not "${name}"; nothing was created.`,
        );
      return { tenant: found, created: false };
    }
    if (all.length === 0) return make({ code, name: name ?? FIRST_TENANT.name });
    if (!name)
      throw new CliRefusal(
        `Instansi ${code} belum ada; tambahkan --tenant-name untuk membuatnya (atau pakai: ${all.map((t) => t.code).join(', ')}). ` +
          `Tenant ${code} does not exist; add --tenant-name to create it.`,
      );
    return make({ code, name });
  }
  if (all.length === 0) return make({ code: FIRST_TENANT.code, name: name ?? FIRST_TENANT.name });
  if (all.length > 1)
    throw new CliRefusal(
      `Ada ${all.length} instansi (${all.map((t) => t.code).join(', ')}); sebutkan --tenant-code. ` +
        `There are ${all.length} tenants; name one with --tenant-code.`,
    );
  const only = all[0]!;
  if (name && name !== only.name)
    throw new CliRefusal(
      `Instansi yang ada bernama "${only.name}", bukan "${name}"; sebutkan --tenant-code. ` +
        `The existing tenant is "${only.name}", not "${name}"; name one with --tenant-code.`,
    );
  return { tenant: only, created: false };
}

export async function createAdmin(
  db: Db,
  a: { username: string; name: string; tenantCode?: string; tenantName?: string; passwordHash: string },
) {
  return db.transaction(async (tx) => {
    const { tenant, created } = await resolveAdminTenant(tx, { code: a.tenantCode, name: a.tenantName });
    await createTenantAdmin(tx, CLI_ACTOR, tenant.id, {
      username: a.username,
      displayName: a.name,
      passwordHash: a.passwordHash,
    });
    return { tenant, created };
  });
}

export const createPlatformAdminUser = (
  db: Db,
  a: { username: string; name: string; passwordHash: string },
) =>
  db.transaction((tx) =>
    createPlatformAdmin(tx, CLI_ACTOR, {
      username: a.username,
      displayName: a.name,
      passwordHash: a.passwordHash,
    }),
  );
