import path from 'node:path';
import { z } from 'zod';

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
    COOKIE_SECURE: z.enum(['true', 'false']).optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
    LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
    /** SMTP server for e-mail notifications, e.g. smtp://user:pass@mail.example.go.id:587; unset: outbox only. */
    SMTP_URL: z.string().url().optional(),
    SMTP_FROM: z.string().default('Asah <no-reply@localhost>'),
    /** Public origin printed on certificates (QR code), e.g. https://asah.ambon.go.id; unset: the request's origin. */
    PUBLIC_URL: z.string().url().optional(),
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
      cookieSecure: e.COOKIE_SECURE ? e.COOKIE_SECURE === 'true' : e.NODE_ENV === 'production',
      logLevel: e.LOG_LEVEL,
      loginMaxFailures: e.LOGIN_MAX_FAILURES,
      loginLockMinutes: e.LOGIN_LOCK_MINUTES,
      smtp: e.SMTP_URL ? { url: e.SMTP_URL, from: e.SMTP_FROM } : null,
      publicUrl: e.PUBLIC_URL ?? null,
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
