import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, Tx } from '../../db/client.js';
import { userRoles, users } from '../../db/schema/index.js';
import { audit, type AuditActor } from '../../http/audit.js';
import type { AuthContext, Role } from '../../http/auth.js';
import { AppError, FieldValidationError, notFound } from '../../http/errors.js';
import { offsetOf } from '../../http/pagination.js';
import { hashPassword } from '../auth/passwords.js';
import { tenantTimeZone } from '../tenant/service.js';
import type { RoleGrant, UserCreate, UserDto, UserListQuery, UserPatch } from './schemas.js';

type Grant = z.infer<typeof RoleGrant>;

type Row = {
  id: string;
  username: string;
  display_name: string;
  email: string | null;
  active: boolean;
  locked: boolean;
  employee_nip: string | null;
  partner_name: string | null;
  last_login_at: Date | null;
  roles: { role: Role; unitId: string | null; unitName: string | null }[] | null;
};

const present = (r: Row): UserDto => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  email: r.email,
  active: r.active,
  locked: r.locked,
  employeeNip: r.employee_nip,
  partnerName: r.partner_name,
  roles: r.roles ?? [],
  lastLoginAt: r.last_login_at ? new Date(r.last_login_at).toISOString() : null,
});

function listWhere(q: z.infer<typeof UserListQuery>) {
  const conds = [sql`true`];
  if (q.q) {
    const like = `%${q.q.toLowerCase()}%`;
    conds.push(sql`(lower(us.username) like ${like} or lower(us.display_name) like ${like})`);
  }
  if (q.role)
    conds.push(sql`exists (select 1 from user_roles r where r.user_id = us.id and r.role = ${q.role})`);
  return sql.join(conds, sql` and `);
}

export interface UserServiceHooks {
  /** Called after a user's sign-in state (roles, activity, password, name) changed. */
  accessChanged(userId: string): void;
}

export function userService(db: Db, hooks: UserServiceHooks) {
  async function query(tx: Tx, tenantId: string, where: ReturnType<typeof sql>, limit = 1, offset = 0) {
    const res = await tx.execute<Row>(sql`
      select us.id, us.username, us.display_name, us.email, us.active,
             coalesce(us.locked_until > now(), false) as locked, e.nip as employee_nip, us.partner_name, us.last_login_at,
             (select json_agg(json_build_object('role', r.role, 'unitId', r.unit_id, 'unitName', u.name) order by r.role)
                from user_roles r left join org_units u on u.id = r.unit_id where r.user_id = us.id) as roles
      from users us left join employees e on e.id = us.employee_id
      where us.tenant_id = ${tenantId} and ${where}
      order by us.username limit ${limit} offset ${offset}`);
    return res.rows.map(present);
  }

  async function get(ctx: AuthContext, id: string) {
    const [u] = await query(db, ctx.tenantId, sql`us.id = ${id}`);
    if (!u) throw notFound();
    return u;
  }

  async function checkGrants(tx: Tx, ctx: AuthContext, grants: Grant[]) {
    for (const [i, g] of grants.entries()) {
      if (g.role === 'operator' && !g.unitId) {
        throw new FieldValidationError([{ field: `body.roles.${i}.unitId`, problem: { code: 'required' } }]);
      }
      if (g.unitId) {
        const u = await tx.execute(
          sql`select 1 from org_units where tenant_id = ${ctx.tenantId} and id = ${g.unitId}`,
        );
        if (!u.rowCount)
          throw new FieldValidationError([
            { field: `body.roles.${i}.unitId`, problem: { code: 'unit.unknown', value: g.unitId } },
          ]);
      }
    }
  }

  async function resolveEmployee(tx: Tx, ctx: AuthContext, nip: string | null | undefined) {
    if (!nip) return null;
    const r = await tx.execute<{ id: string }>(
      sql`select id from employees where tenant_id = ${ctx.tenantId} and nip = ${nip}`,
    );
    if (!r.rows[0])
      throw new FieldValidationError([
        { field: 'body.employeeNip', problem: { code: 'supervisor.unknown', value: nip } },
      ]);
    return r.rows[0].id;
  }

  async function writeGrants(tx: Tx, ctx: AuthContext, userId: string, grants: Grant[]) {
    await tx.delete(userRoles).where(and(eq(userRoles.tenantId, ctx.tenantId), eq(userRoles.userId, userId)));
    const unique = new Map(grants.map((g) => [`${g.role}:${g.role === 'operator' ? g.unitId : ''}`, g]));
    await tx.insert(userRoles).values(
      [...unique.values()].map((g) => ({
        tenantId: ctx.tenantId,
        userId,
        role: g.role,
        unitId: g.role === 'operator' ? (g.unitId ?? null) : null,
      })),
    );
  }

  return {
    get,
    async list(ctx: AuthContext, q: z.infer<typeof UserListQuery>) {
      const where = listWhere(q);
      const items = await query(db, ctx.tenantId, where, q.pageSize, offsetOf(q));
      const c = await db.execute<{ n: number }>(
        sql`select count(*)::int n from users us where us.tenant_id = ${ctx.tenantId} and ${where}`,
      );
      return { items, total: Number(c.rows[0]?.n ?? 0) };
    },

    /** Pages of the filtered list, for the XLSX download of exactly what the list shows. */
    /** The tenant's zone, to print sign-in times in. */
    timeZone: (ctx: AuthContext) => tenantTimeZone(db, ctx.tenantId),

    async *pages(ctx: AuthContext, q: z.infer<typeof UserListQuery>, size = 1000) {
      const where = listWhere(q);
      for (let offset = 0; ; offset += size) {
        const rows = await query(db, ctx.tenantId, where, size, offset);
        if (rows.length) yield rows;
        if (rows.length < size) return;
      }
    },

    async create(ctx: AuthContext, body: z.infer<typeof UserCreate>, actor: AuditActor) {
      const passwordHash = await hashPassword(body.password);
      const id = await db.transaction(async (tx) => {
        const clash = await tx.execute(
          sql`select 1 from users where lower(username) = lower(${body.username})`,
        );
        if (clash.rowCount) throw new AppError('conflict', { what: body.username });
        await checkGrants(tx, ctx, body.roles);
        const employeeId = await resolveEmployee(tx, ctx, body.employeeNip);
        const [row] = await tx
          .insert(users)
          .values({
            tenantId: ctx.tenantId,
            username: body.username,
            displayName: body.displayName,
            email: body.email ?? null,
            passwordHash,
            employeeId,
            partnerName: body.partnerName ?? null,
          })
          .returning({ id: users.id });
        await writeGrants(tx, ctx, row!.id, body.roles);
        const { password: _omit, ...safe } = body;
        await audit(tx, actor, { action: 'create', entity: 'user', entityId: row!.id, after: safe });
        return row!.id;
      });
      return get(ctx, id);
    },

    async update(ctx: AuthContext, id: string, patch: z.infer<typeof UserPatch>, actor: AuditActor) {
      const passwordHash = patch.password ? await hashPassword(patch.password) : undefined;
      await db.transaction(async (tx) => {
        const before = await query(tx, ctx.tenantId, sql`us.id = ${id}`);
        if (!before[0]) throw notFound();
        const losesAdmin =
          before[0].roles.some((r) => r.role === 'admin') &&
          ((patch.roles && !patch.roles.some((r) => r.role === 'admin')) || patch.active === false);
        if (losesAdmin) {
          const admins = await tx.execute<{
            n: number;
          }>(sql`select count(distinct r.user_id)::int n from user_roles r
            join users u on u.id = r.user_id where r.tenant_id = ${ctx.tenantId} and r.role = 'admin' and u.active`);
          if (Number(admins.rows[0]?.n ?? 0) <= 1) throw new AppError('user.lastAdmin');
        }
        if (patch.roles) {
          await checkGrants(tx, ctx, patch.roles);
          await writeGrants(tx, ctx, id, patch.roles);
        }
        const set: Partial<typeof users.$inferInsert> = {};
        if (patch.displayName !== undefined) set.displayName = patch.displayName;
        if (patch.email !== undefined) set.email = patch.email;
        if (patch.active !== undefined) set.active = patch.active;
        if (patch.partnerName !== undefined) set.partnerName = patch.partnerName;
        if (patch.employeeNip !== undefined)
          set.employeeId = await resolveEmployee(tx, ctx, patch.employeeNip);
        if (patch.unlock) Object.assign(set, { lockedUntil: null, failedAttempts: 0 });
        if (passwordHash) set.passwordHash = passwordHash;
        if (Object.keys(set).length) {
          await tx
            .update(users)
            .set({ ...set, updatedAt: new Date() })
            .where(and(eq(users.tenantId, ctx.tenantId), eq(users.id, id)));
        }
        if (passwordHash || patch.active === false || patch.roles) {
          await tx.execute(sql`delete from sessions where user_id = ${id}`);
        }
        const { password, ...safe } = patch;
        await audit(tx, actor, {
          action: 'update',
          entity: 'user',
          entityId: id,
          before: before[0],
          after: { ...safe, ...(password ? { password: '(diganti)' } : {}) },
        });
      });
      hooks.accessChanged(id);
      return get(ctx, id);
    },
  };
}
export type UserService = ReturnType<typeof userService>;
