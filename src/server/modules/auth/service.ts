import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { users } from '../../db/schema/index.js';
import { audit, type AuditActor } from '../../http/audit.js';
import { hashToken, newToken, type AuthContext } from '../../http/auth.js';
import { AppError } from '../../http/errors.js';
import { dummyHash, hashPassword, verifyPassword } from './passwords.js';
import * as repo from './repository.js';
import { sessionCache } from './session-cache.js';

export interface AuthSettings {
  sessionTtlHours: number;
  maxFailures: number;
  lockMinutes: number;
  /** How long a loaded session is reused without reading it again (0: read on every request). */
  sessionCacheSeconds: number;
}

export function authService(db: Db, settings: AuthSettings) {
  const cache = sessionCache(settings.sessionCacheSeconds * 1000);
  return {
    async loadSession(sessionHash: string): Promise<AuthContext | null> {
      const hit = cache.get(sessionHash);
      if (hit) return hit;
      const generation = cache.generation();
      const found = await repo.loadContext(db, sessionHash);
      if (!found) return null;
      const ctx = Object.freeze({
        ...found.ctx,
        roles: Object.freeze(found.ctx.roles) as AuthContext['roles'],
        operatorUnitIds: Object.freeze(found.ctx.operatorUnitIds) as string[],
      });
      cache.set(sessionHash, ctx, found.expiresAt, generation);
      return ctx;
    },

    /** Forgets what this process holds of a user's sessions, after their roles or state changed. */
    forgetUser: (userId: string) => cache.forgetUser(userId),

    /** Checks the password; counts failures and locks the account for a while after too many. */
    async login(username: string, password: string, actor: Omit<AuditActor, 'tenantId' | 'userId' | 'name'>) {
      const user = await repo.findUserByUsername(db, username.trim());
      if (!user) {
        await verifyPassword(await dummyHash(), password);
        throw new AppError('auth.invalid');
      }
      if (user.lockedUntil && user.lockedUntil.getTime() > Date.now()) {
        const minutes = Math.ceil((user.lockedUntil.getTime() - Date.now()) / 60_000);
        throw new AppError('auth.locked', { minutes });
      }
      const ok = await verifyPassword(user.passwordHash, password);
      const who = { ...actor, tenantId: user.tenantId, userId: user.id, name: user.username };
      if (!ok) {
        const failures = user.failedAttempts + 1;
        const lock = failures >= settings.maxFailures;
        await db.transaction(async (tx) => {
          await tx
            .update(users)
            .set({
              failedAttempts: lock ? 0 : failures,
              lockedUntil: lock ? new Date(Date.now() + settings.lockMinutes * 60_000) : user.lockedUntil,
            })
            .where(eq(users.id, user.id));
          await audit(tx, who, { action: lock ? 'lock' : 'login.failed', entity: 'user', entityId: user.id });
        });
        if (lock) throw new AppError('auth.locked', { minutes: settings.lockMinutes });
        throw new AppError('auth.invalid');
      }
      if (!user.active) throw new AppError('auth.inactive');
      const token = newToken();
      await db.transaction(async (tx) => {
        await repo.insertSession(tx, {
          id: hashToken(token),
          tenantId: user.tenantId,
          userId: user.id,
          expiresAt: new Date(Date.now() + settings.sessionTtlHours * 3_600_000),
        });
        await tx
          .update(users)
          .set({ failedAttempts: 0, lockedUntil: null, lastLoginAt: sql`now()` })
          .where(eq(users.id, user.id));
        await audit(tx, who, { action: 'login', entity: 'user', entityId: user.id });
      });
      return { token, maxAgeSeconds: settings.sessionTtlHours * 3600 };
    },

    async logout(ctx: AuthContext, actor: AuditActor) {
      await db.transaction(async (tx) => {
        await repo.deleteSession(tx, ctx.sessionId);
        await audit(tx, actor, { action: 'logout', entity: 'user', entityId: ctx.userId });
      });
      cache.forgetSession(ctx.sessionId);
    },

    async me(ctx: AuthContext) {
      return {
        id: ctx.userId,
        username: ctx.username,
        displayName: ctx.displayName,
        roles: ctx.roles,
        operatorUnitIds: ctx.operatorUnitIds,
        nip: await repo.employeeNip(db, ctx.employeeId),
        locale: ctx.locale,
        tenantId: ctx.tenantId,
      };
    },

    /** Changes the password and ends every other session of the user. */
    async changePassword(ctx: AuthContext, current: string, next: string, actor: AuditActor) {
      const user = await db.query.users.findFirst({ where: eq(users.id, ctx.userId) });
      if (!user || !(await verifyPassword(user.passwordHash, current)))
        throw new AppError('auth.wrongCurrentPassword');
      const passwordHash = await hashPassword(next);
      await db.transaction(async (tx) => {
        await tx
          .update(users)
          .set({ passwordHash, updatedAt: sql`now()` })
          .where(eq(users.id, ctx.userId));
        await tx.execute(sql`delete from sessions where user_id = ${ctx.userId} and id <> ${ctx.sessionId}`);
        await audit(tx, actor, { action: 'password', entity: 'user', entityId: ctx.userId });
      });
      cache.forgetUser(ctx.userId);
    },

    async setLocale(ctx: AuthContext, locale: 'id' | 'en', actor: AuditActor) {
      await db.transaction(async (tx) => {
        await tx.update(users).set({ locale }).where(eq(users.id, ctx.userId));
        await audit(tx, actor, {
          action: 'update',
          entity: 'user.locale',
          entityId: ctx.userId,
          after: { locale },
        });
      });
      cache.forgetUser(ctx.userId);
    },
  };
}
export type AuthService = ReturnType<typeof authService>;
