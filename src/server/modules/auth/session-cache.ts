import type { AuthContext } from '../../http/auth.js';

/**
 * The sessions this process has just loaded, kept for a few seconds so that a page that fires a
 * dozen requests does not read the session a dozen times. Bounded in size (the oldest entry goes
 * first) and in time (never past the session's own expiry). Every change to a user's sign-in state
 * made in this process (sign-out, password, roles, deactivation, locale) forgets it at once; a change
 * made elsewhere (another process, the CLI) is seen within `ttlMs`.
 */
export interface SessionCache {
  get(sessionHash: string): AuthContext | undefined;
  /** The current generation; pass it to `set` so a load that raced with a change is not kept. */
  generation(): number;
  set(sessionHash: string, ctx: AuthContext, expiresAt: Date, generation: number): void;
  forgetSession(sessionHash: string): void;
  forgetUser(userId: string): void;
  readonly size: number;
}

interface Entry {
  ctx: AuthContext;
  until: number;
}

export function sessionCache(ttlMs: number, maxEntries = 10_000, now = Date.now): SessionCache {
  const entries = new Map<string, Entry>();
  let gen = 0;
  return {
    get(sessionHash) {
      const e = entries.get(sessionHash);
      if (!e) return undefined;
      if (e.until <= now()) {
        entries.delete(sessionHash);
        return undefined;
      }
      return e.ctx;
    },
    generation: () => gen,
    set(sessionHash, ctx, expiresAt, generation) {
      if (ttlMs <= 0 || generation !== gen) return;
      entries.delete(sessionHash);
      while (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
      entries.set(sessionHash, { ctx, until: Math.min(now() + ttlMs, expiresAt.getTime()) });
    },
    forgetSession(sessionHash) {
      gen++;
      entries.delete(sessionHash);
    },
    forgetUser(userId) {
      gen++;
      for (const [k, e] of entries) if (e.ctx.userId === userId) entries.delete(k);
    },
    get size() {
      return entries.size;
    },
  };
}
