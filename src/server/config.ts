import net from 'node:net';
import path from 'node:path';
import { z } from 'zod';

const proxyList = (v: string) =>
  v
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

const isProxyEntry = (v: string) => {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(v)) return true;
  const [addr, bits, ...rest] = v.split('/');
  if (rest.length || !net.isIP(addr!)) return false;
  if (bits === undefined) return true;
  const max = net.isIPv4(addr!) ? 32 : 128;
  return /^\d+$/.test(bits) && Number(bits) <= max;
};

/** `https://Asah.Ambon.go.id:443/x` → `https://asah.ambon.go.id`; not an http(s) origin → null. */
export function originOf(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null;
  } catch {
    return null;
  }
}

/** Fastify's trustProxy: false (none), a hop count, or the list of trusted addresses. */
function trustProxyOf(v: string | undefined): false | number | string[] {
  const s = v?.trim() ?? '';
  if (!s) return false;
  if (/^\d+$/.test(s)) return Number(s) || false;
  return proxyList(s);
}

/** Where a server with demo accounts listens unless HOST says otherwise: this machine only. */
export const DEMO_HOST = '127.0.0.1';

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    /** HTTP address; unset: 127.0.0.1 in demo mode (demo accounts share one known password), else 0.0.0.0. */
    HOST: z.string().min(1).optional(),
    ASAH_DATA_DIR: z.string().default('./data'),
    DATABASE_URL: z.string().url().optional(),
    DATABASE_READ_URL: z.string().url().optional(),
    /** Port for the embedded PostgreSQL; 0 picks a free one. */
    ASAH_DB_PORT: z.coerce.number().int().min(0).max(65535).default(0),
    /** Seed the Kota Ambon demo into an empty database (default: on outside production). */
    ASAH_DEMO: z.enum(['true', 'false']).optional(),
    ASAH_DEMO_EMPLOYEES: z.coerce.number().int().min(50).max(1_000_000).default(5000),
    SESSION_TTL_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 90)
      .default(12),
    SESSION_CACHE_SECONDS: z.coerce.number().int().min(0).max(60).optional(),
    REPORT_CACHE_SECONDS: z.coerce.number().int().min(0).max(60).optional(),
    COOKIE_SECURE: z.enum(['true', 'false']).optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
    LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
    /** Sign-in attempts one client address may make per minute (then 429). */
    LOGIN_MAX_PER_MINUTE: z.coerce.number().int().min(1).default(20),
    /**
     * The reverse proxies whose X-Forwarded-For/-Proto/-Host Asah believes: addresses or CIDRs
     * separated by commas (also loopback, linklocal, uniquelocal), or a hop count. Unset: none.
     */
    ASAH_TRUST_PROXY: z
      .string()
      .optional()
      .refine(
        (v) =>
          v === undefined || v.trim() === '' || /^\d+$/.test(v.trim()) || proxyList(v).every(isProxyEntry),
        {
          message: 'expected addresses/CIDRs separated by commas, or a hop count',
        },
      ),
    /** Other origins whose pages may send changes, e.g. https://portal.ambon.go.id, comma-separated. */
    ASAH_ALLOWED_ORIGINS: z
      .string()
      .optional()
      .refine((v) => v === undefined || proxyList(v).every((o) => originOf(o) !== null), {
        message: 'expected origins such as https://portal.ambon.go.id separated by commas',
      }),
    /** SMTP server for e-mail notifications, e.g. smtp://user:pass@mail.example.go.id:587; unset: outbox only. */
    SMTP_URL: z.string().url().optional(),
    SMTP_FROM: z.string().default('Asah <no-reply@localhost>'),
    /** Public origin printed on certificates (QR code), e.g. https://asah.ambon.go.id; unset: the request's origin. */
    PUBLIC_URL: z.string().url().optional(),
    /** Limits of one uploaded spreadsheet (see docs/operations.md, "Hostile files"). */
    IMPORT_MAX_ROWS: z.coerce.number().int().min(100).max(1_048_576).default(200_000),
    IMPORT_MAX_COLUMNS: z.coerce.number().int().min(10).max(16_384).default(200),
    IMPORT_MAX_CELL_CHARS: z.coerce.number().int().min(255).max(1_000_000).default(32_767),
    IMPORT_MAX_EXPANDED_MB: z.coerce.number().int().min(1).max(4000).default(200),
    IMPORT_WORKER_MEMORY_MB: z.coerce.number().int().min(64).max(16_384).default(512),
    IMPORT_WORKER_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
    IMPORT_MAX_PER_USER: z.coerce.number().int().min(1).max(100).default(1),
    IMPORT_MAX_TOTAL: z.coerce.number().int().min(1).max(100).default(2),
    /** How often the scheduled work runs, in seconds (each run is done by one process only). */
    REMIND_EVERY_SEC: z.coerce.number().int().min(1).default(3600),
    MAIL_EVERY_SEC: z.coerce.number().int().min(1).default(30),
    CLEANUP_EVERY_SEC: z.coerce.number().int().min(1).default(3600),
  })
  .transform((e) => {
    const demo = e.ASAH_DEMO ? e.ASAH_DEMO === 'true' : e.NODE_ENV !== 'production';
    return {
      nodeEnv: e.NODE_ENV,
      isProduction: e.NODE_ENV === 'production',
      port: e.PORT,
      host: e.HOST ?? (demo ? DEMO_HOST : '0.0.0.0'),
      /** Whether HOST was set: only then does a server with demo accounts listen beyond this machine. */
      hostExplicit: e.HOST !== undefined,
      dataDir: path.resolve(e.ASAH_DATA_DIR),
      databaseUrl: e.DATABASE_URL,
      databaseReadUrl: e.DATABASE_READ_URL,
      embeddedDbPort: e.ASAH_DB_PORT,
      demo,
      demoEmployees: e.ASAH_DEMO_EMPLOYEES,
      sessionTtlHours: e.SESSION_TTL_HOURS,
      // One process owns an embedded database, so what it caches it also invalidates; on a server
      // several processes may share the sessions, so each reads them on every request unless told.
      sessionCacheSeconds: e.SESSION_CACHE_SECONDS ?? (e.DATABASE_URL ? 0 : 5),
      // The same for the whole-unit report figures (heatmap, JP compliance): see http/report-cache.ts.
      reportCacheSeconds: e.REPORT_CACHE_SECONDS ?? (e.DATABASE_URL ? 0 : 5),
      cookieSecure: e.COOKIE_SECURE ? e.COOKIE_SECURE === 'true' : e.NODE_ENV === 'production',
      logLevel: e.LOG_LEVEL,
      loginMaxFailures: e.LOGIN_MAX_FAILURES,
      loginLockMinutes: e.LOGIN_LOCK_MINUTES,
      loginMaxPerMinute: e.LOGIN_MAX_PER_MINUTE,
      trustProxy: trustProxyOf(e.ASAH_TRUST_PROXY),
      allowedOrigins: proxyList(e.ASAH_ALLOWED_ORIGINS ?? '').map((o) => originOf(o)!),
      smtp: e.SMTP_URL ? { url: e.SMTP_URL, from: e.SMTP_FROM } : null,
      publicUrl: e.PUBLIC_URL ?? null,
      fileLimits: {
        maxRows: e.IMPORT_MAX_ROWS,
        maxColumns: e.IMPORT_MAX_COLUMNS,
        maxCellChars: e.IMPORT_MAX_CELL_CHARS,
        maxExpandedBytes: e.IMPORT_MAX_EXPANDED_MB * 1024 * 1024,
        workerMemoryMb: e.IMPORT_WORKER_MEMORY_MB,
        workerSeconds: e.IMPORT_WORKER_SECONDS,
        perUser: e.IMPORT_MAX_PER_USER,
        total: e.IMPORT_MAX_TOTAL,
      },
      jobs: {
        reminderEverySeconds: e.REMIND_EVERY_SEC,
        mailEverySeconds: e.MAIL_EVERY_SEC,
        cleanupEverySeconds: e.CLEANUP_EVERY_SEC,
      },
    };
  })
  .superRefine((c, ctx) => {
    if (c.isProduction && c.demo) {
      ctx.addIssue({ code: 'custom', message: 'ASAH_DEMO=true is not allowed with NODE_ENV=production' });
    }
  });

export type Config = z.infer<typeof EnvSchema>;

/** Parses the environment once; a wrong value stops the process with a readable list. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join('.') || '(env)'}: ${i.message}`);
    throw new Error(`Konfigurasi tidak valid / invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/**
 * The address to listen on. In demo mode, or while accounts with the published demo password exist, an
 * unset HOST means this machine only (127.0.0.1): a bare start never offers admin/asah-demo to the network.
 */
export function listenHost(
  config: Pick<Config, 'host' | 'hostExplicit' | 'demo'>,
  demoAccounts: boolean,
): { host: string; demoLocalOnly: boolean } {
  if (config.hostExplicit || !(demoAccounts || config.demo))
    return { host: config.host, demoLocalOnly: false };
  return { host: DEMO_HOST, demoLocalOnly: true };
}
