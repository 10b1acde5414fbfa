import { and, eq, gt, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { employees, sessions, userRoles, users } from '../../db/schema/index.js';
import type { AuthContext, Role } from '../../http/auth.js';
import { countHit } from '../../http/rate-limit-store.js';

export const findUserByUsername = (db: Tx, username: string) =>
  db.query.users.findFirst({ where: sql`lower(${users.username}) = lower(${username})` });

/** The caller's context from a live session, in one indexed query, and when that session ends. */
export async function loadContext(
  db: Tx,
  sessionHash: string,
): Promise<{ ctx: AuthContext; expiresAt: Date } | null> {
  const rows = await db
    .select({
      sessionId: sessions.id,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      userId: users.id,
      tenantId: users.tenantId,
      username: users.username,
      displayName: users.displayName,
      employeeId: users.employeeId,
      locale: users.locale,
      active: users.active,
      platformAdmin: users.platformAdmin,
      role: userRoles.role,
      unitId: userRoles.unitId,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(userRoles, eq(userRoles.userId, users.id))
    .where(and(eq(sessions.id, sessionHash), gt(sessions.expiresAt, sql`now()`)));
  const first = rows[0];
  if (!first || !first.active) return null;
  const roles = [...new Set(rows.map((r) => r.role).filter((r): r is Role => !!r))];
  const operatorUnitIds = rows.filter((r) => r.role === 'operator' && r.unitId).map((r) => r.unitId!);
  if (Date.now() - first.lastSeenAt.getTime() > 60_000) {
    await db
      .update(sessions)
      .set({ lastSeenAt: sql`now()` })
      .where(eq(sessions.id, sessionHash));
  }
  const ctx: AuthContext = {
    sessionId: first.sessionId,
    userId: first.userId,
    tenantId: first.tenantId,
    username: first.username,
    displayName: first.displayName,
    employeeId: first.employeeId,
    roles,
    operatorUnitIds,
    locale: first.locale === 'en' ? 'en' : 'id',
    platformAdmin: first.platformAdmin,
  };
  return { ctx, expiresAt: first.expiresAt };
}

export async function employeeNip(db: Tx, employeeId: string | null): Promise<string | null> {
  if (!employeeId) return null;
  const row = await db.query.employees.findFirst({
    where: eq(employees.id, employeeId),
    columns: { nip: true },
  });
  return row?.nip ?? null;
}

export const insertSession = (db: Tx, v: typeof sessions.$inferInsert) => db.insert(sessions).values(v);
export const deleteSession = (db: Tx, id: string) => db.delete(sessions).where(eq(sessions.id, id));
export const deleteUserSessions = (db: Tx, userId: string) =>
  db.delete(sessions).where(eq(sessions.userId, userId));
export const purgeExpiredSessions = (db: Tx) => db.delete(sessions).where(sql`${sessions.expiresAt} < now()`);

/**
 * Counts one sign-in attempt from a client address in its one-minute window (the shared rate-limit
 * counters, so every Asah process on the database counts against one limit); returns the attempts
 * in the window so far.
 */
export const countAttempt = async (db: Tx, address: string): Promise<number> =>
  (await countHit(db, `sign-in|${address}`, 60_000)).current;

/**
 * Takes a successful sign-in back out of its address's count: the limit is on guesses, so a city
 * office whose ASN all sign in from one address at eight in the morning is never held back by it.
 */
export const refundAttempt = (db: Tx, address: string) =>
  db.execute(sql`update rate_limits set count = greatest(count - 1, 0) where key = ${`sign-in|${address}`}`);

/**
 * Counts a failed password in one UPDATE … RETURNING (parallel guesses are all counted). From the
 * `maxFailures`-th failure on, the account waits 2^(failures − maxFailures) seconds, capped.
 */
export async function countFailure(
  db: Tx,
  userId: string,
  o: { maxFailures: number; maxDelaySeconds: number },
): Promise<{ failures: number; delayed: boolean }> {
  const res = await db.execute<{ failures: number; delayed: boolean }>(sql`
    update users set
      failed_attempts = failed_attempts + 1,
      locked_until = case when failed_attempts + 1 >= ${o.maxFailures}
        then now() + make_interval(secs => least(${o.maxDelaySeconds}::float8,
          power(2, least(failed_attempts + 1 - ${o.maxFailures}, 30))::float8))
        else locked_until end
    where id = ${userId}
    returning failed_attempts as failures, failed_attempts >= ${o.maxFailures} as delayed`);
  const row = res.rows[0]!;
  return { failures: Number(row.failures), delayed: row.delayed };
}
