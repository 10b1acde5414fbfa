/**
 * A @fastify/rate-limit store in PostgreSQL (`rate_limits`): every Asah process on one database
 * counts against the same limit. One row per route and client key; each request is one atomic
 * upsert that either counts within the window or starts a new one. Old rows are removed by the
 * scheduled cleanup (`cleanupShared` in jobs/start.ts).
 */
import type pg from 'pg';

type Callback = (err: Error | null, res?: { current: number; ttl: number }) => void;

interface RouteParams {
  routeInfo?: { method?: string | string[]; url?: string };
}

/** Windows longer than this are not kept: cleanup removes rows whose window began earlier. */
export const MAX_WINDOW_MS = 24 * 60 * 60 * 1000;

const INCR = `
  insert into rate_limits as r (key, window_start, count) values ($1, now(), 1)
  on conflict (key) do update set
    window_start = case when r.window_start <= now() - make_interval(secs => $2::double precision / 1000)
      then now() else r.window_start end,
    count = case when r.window_start <= now() - make_interval(secs => $2::double precision / 1000)
      then 1 else r.count + 1 end
  returning count,
    greatest(0, extract(epoch from (window_start + make_interval(secs => $2::double precision / 1000) - now())) * 1000)::float8 as ttl`;

const READ = `
  select count, greatest(0, extract(epoch from (window_start + make_interval(secs => $2::double precision / 1000) - now())) * 1000)::float8 as ttl
  from rate_limits where key = $1 and window_start > now() - make_interval(secs => $2::double precision / 1000)`;

/** The store class @fastify/rate-limit instantiates (`store` option), bound to one pool. */
export function postgresRateLimitStore(pool: pg.Pool) {
  return class PostgresRateLimitStore {
    private readonly prefix: string;
    constructor(_options?: unknown, prefix = '') {
      this.prefix = prefix;
    }

    incr(key: string, cb: Callback, timeWindow: number) {
      pool.query<{ count: number; ttl: number }>(INCR, [this.prefix + key, timeWindow]).then(
        (r) => cb(null, { current: r.rows[0]!.count, ttl: Math.ceil(r.rows[0]!.ttl) }),
        (e: Error) => cb(e),
      );
    }

    read(key: string, cb: Callback, timeWindow: number) {
      pool.query<{ count: number; ttl: number }>(READ, [this.prefix + key, timeWindow]).then(
        (r) => {
          const row = r.rows[0];
          cb(null, row ? { current: row.count, ttl: Math.ceil(row.ttl) } : { current: 0, ttl: 0 });
        },
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
