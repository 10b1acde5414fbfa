/**
 * A @fastify/rate-limit store in PostgreSQL (`rate_limits`): every Asah process on one database
 * counts against the same limit. One row per route and client key; each request is one atomic
 * upsert that either counts within the window or starts a new one. Old rows are removed by the
 * scheduled cleanup (`cleanupShared` in jobs/start.ts).
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '../db/client.js';

type Callback = (err: Error | null, res?: { current: number; ttl: number }) => void;

interface RouteParams {
  routeInfo?: { method?: string | string[]; url?: string };
}

/** Windows longer than this are not kept: cleanup removes rows whose window began earlier. */
export const MAX_WINDOW_MS = 24 * 60 * 60 * 1000;

const windowOf = (ms: number) => sql`make_interval(secs => ${ms}::double precision / 1000)`;

/**
 * Counts one hit of `key` in its window, in one statement (parallel hits are all counted): within
 * the window the count grows, after it a new window starts at 1. Returns the count so far and the
 * milliseconds left of the window. Every rate limit of Asah (the routes' and sign-in's) counts here.
 */
export async function countHit(
  db: Tx,
  key: string,
  windowMs: number,
): Promise<{ current: number; ttl: number }> {
  const w = windowOf(windowMs);
  const r = await db.execute<{ count: number; ttl: number }>(sql`
    insert into rate_limits as r (key, window_start, count) values (${key}, now(), 1)
    on conflict (key) do update set
      window_start = case when r.window_start <= now() - ${w} then now() else r.window_start end,
      count = case when r.window_start <= now() - ${w} then 1 else r.count + 1 end
    returning count, greatest(0, extract(epoch from (window_start + ${w} - now())) * 1000)::float8 as ttl`);
  const row = r.rows[0]!;
  return { current: Number(row.count), ttl: Math.ceil(Number(row.ttl)) };
}

async function readHits(db: Tx, key: string, windowMs: number): Promise<{ current: number; ttl: number }> {
  const w = windowOf(windowMs);
  const r = await db.execute<{ count: number; ttl: number }>(sql`
    select count, greatest(0, extract(epoch from (window_start + ${w} - now())) * 1000)::float8 as ttl
    from rate_limits where key = ${key} and window_start > now() - ${w}`);
  const row = r.rows[0];
  return row ? { current: Number(row.count), ttl: Math.ceil(Number(row.ttl)) } : { current: 0, ttl: 0 };
}

/** The store class @fastify/rate-limit instantiates (`store` option), bound to one pool. */
export function postgresRateLimitStore(db: Tx) {
  return class PostgresRateLimitStore {
    private readonly prefix: string;
    constructor(_options?: unknown, prefix = '') {
      this.prefix = prefix;
    }

    incr(key: string, cb: Callback, timeWindow: number) {
      countHit(db, this.prefix + key, timeWindow).then(
        (r) => cb(null, r),
        (e: Error) => cb(e),
      );
    }

    read(key: string, cb: Callback, timeWindow: number) {
      readHits(db, this.prefix + key, timeWindow).then(
        (r) => cb(null, r),
        (e: Error) => cb(e),
      );
    }

    /** One store per limited route: its counters are kept apart by the route's method and path. */
    child(options: object) {
      // At run time the plugin passes the route's merged limit settings, the route under `routeInfo`.
      const params = options as RouteParams;
      const m = params.routeInfo?.method;
      const method = Array.isArray(m) ? m.join(',') : (m ?? '');
      return new PostgresRateLimitStore(undefined, `${method} ${params.routeInfo?.url ?? ''}|`);
    }
  };
}
