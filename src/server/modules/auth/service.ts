import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { users } from '../../db/schema/index.js';
import { audit, type AuditActor } from '../../http/audit.js';
import { hashToken, newToken, type AuthContext } from '../../http/auth.js';
import { AppError } from '../../http/errors.js';
import { dummyHash, hashPassword, verifyPassword } from './passwords.js';
import * as repo from './repository.js';
import { sessionCache } from './session-cache.js';
import { tenantFacts } from '../tenant/service.js';

export interface AuthSettings {
  sessionTtlHours: number;
  /** Failures in a row before each further attempt waits (1 s, doubling). */
  maxFailures: number;
  /** The longest wait between two checked passwords of one account. */
  lockMinutes: number;
  maxPerAddressPerMinute: number;
  /** How long a loaded session is reused without reading it again (0: read on every request). */
  sessionCacheSeconds: number;
}

/** The least time a refused sign-in takes: above one argon2 verify plus the failure's bookkeeping. */
const FAILURE_MS = 250;

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

    /**
     * Checks the password. Every answer that is not a success looks the same (401 auth.invalid,
     * one argon2 verify): a wrong password, an unknown username and an account held back after
     * too many failures cannot be told apart. After `maxFailures` failures in a row the account
     * waits 1 s, then 2 s, 4 s … up to `lockMinutes` before another password is even checked.
     * Attempts per client address are limited too (`maxPerAddressPerMinute`, then 429).
     */
    async login(
      username: string,
      password: string,
      actor: Omit<AuditActor, 'tenantId' | 'userId' | 'name'> & { address: string },
    ) {
      const started = performance.now();
      /** Every refusal takes at least FAILURE_MS, whichever way it went (no timing tells them apart). */
      const refuse = async () => {
        const left = FAILURE_MS - (performance.now() - started);
        if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
        return new AppError('auth.invalid');
      };
      const attempts = await repo.countAttempt(db, actor.address);
      if (attempts > settings.maxPerAddressPerMinute) throw new AppError('rateLimited');
      const user = await repo.findUserByUsername(db, username.trim());
      if (!user || (user.lockedUntil && user.lockedUntil.getTime() > Date.now())) {
        await verifyPassword(await dummyHash(), password);
        throw await refuse();
      }
      const ok = await verifyPassword(user.passwordHash, password);
      const who = {
        requestId: actor.requestId,
        tenantId: user.tenantId,
        userId: user.id,
        name: user.username,
      };
      if (!ok) {
        await db.transaction(async (tx) => {
          const { delayed } = await repo.countFailure(tx, user.id, {
            maxFailures: settings.maxFailures,
            maxDelaySeconds: settings.lockMinutes * 60,
          });
          await audit(tx, who, {
            action: delayed ? 'lock' : 'login.failed',
            entity: 'user',
            entityId: user.id,
          });
        });
        throw await refuse();
      }
      if (!user.active) throw new AppError('auth.inactive');
      await repo.refundAttempt(db, actor.address);
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
      const tenant = await tenantFacts(db, ctx.tenantId);
      return {
        id: ctx.userId,
        username: ctx.username,
        displayName: ctx.displayName,
        roles: ctx.roles,
        operatorUnitIds: ctx.operatorUnitIds,
        nip: await repo.employeeNip(db, ctx.employeeId),
        locale: ctx.locale,
        tenantId: ctx.tenantId,
        timeZone: tenant.timeZone,
        homeCity: tenant.homeCity,
        platformAdmin: ctx.platformAdmin,
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
