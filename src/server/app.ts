import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { DestinationStream } from 'pino';
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import { registerAuth, type Access } from './http/auth.js';
import { reportCache } from './http/report-cache.js';
import { frameworkProblem, registerErrorHandling } from './http/errors.js';
import { registerInputGate } from './http/hostile-input.js';
import { safeError } from './http/safe-error.js';
import { registerRequestGuard } from './http/request-guard.js';
import { postgresRateLimitStore } from './http/rate-limit-store.js';
import { assessmentRoutes } from './modules/assessments/routes.js';
import { auditRoutes } from './modules/audit/routes.js';
import { authRoutes } from './modules/auth/routes.js';
import { authService } from './modules/auth/service.js';
import { competencyAdminRoutes } from './modules/competency-admin/routes.js';
import { competencyRoutes } from './modules/competency/routes.js';
import { competencyService } from './modules/competency/service.js';
import { employeeRoutes } from './modules/employees/routes.js';
import { employeeService } from './modules/employees/service.js';
import { healthRoutes } from './modules/health/routes.js';
import { importRoutes } from './modules/imports/routes.js';
import { notificationRoutes } from './modules/notifications/routes.js';
import { learningRoutes } from './modules/learning/routes.js';
import { learningService } from './modules/learning/service.js';
import { proposalRoutes } from './modules/learning/proposals.js';
import { studentProjectRoutes } from './modules/student-projects/routes.js';
import { studentProjectService } from './modules/student-projects/service.js';
import { orgUnitRoutes } from './modules/org-units/routes.js';
import { configureFileLimits } from './modules/imports/limits.js';
import { partnerRoutes } from './modules/partners/routes.js';
import { partnerService } from './modules/partners/service.js';
import { programRoutes } from './modules/programs/routes.js';
import { programService } from './modules/programs/service.js';
import { attendanceService } from './modules/enrollments/attendance.js';
import { enrollmentRoutes } from './modules/enrollments/routes.js';
import { enrollmentService } from './modules/enrollments/service.js';
import { outboxRoutes } from './modules/outbox/routes.js';
import { certificateRoutes } from './modules/certificates/routes.js';
import { certificateService } from './modules/certificates/service.js';
import { externalCertificateService } from './modules/certificates/external.js';
import { orgUnitService } from './modules/org-units/service.js';
import { positionRoutes } from './modules/positions/routes.js';
import { positionService } from './modules/positions/service.js';
import { talentRoutes } from './modules/talent/routes.js';
import { talentService } from './modules/talent/service.js';
import { tenantRoutes } from './modules/tenant/routes.js';
import { tenantService } from './modules/tenant/service.js';
import { platformRoutes } from './modules/platform/routes.js';
import { platformService } from './modules/platform/service.js';
import { userRoutes } from './modules/users/routes.js';
import { userService } from './modules/users/service.js';

export const MAX_UPLOAD_MB = 50;

/** A request path fit for logs: query string dropped, long digit runs (NIP, NIK) masked. */
export const safeUrl = (url: string) => url.split('?')[0]!.replace(/\d{10,}/g, (d) => `${d.slice(0, 2)}…`);

export interface RouteAccess {
  method: string;
  url: string;
  access: Access | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: RouteAccess[];
  }
}

const here = path.dirname(fileURLToPath(import.meta.url));
function findWebDist(): string | null {
  for (const rel of ['../../dist/web', '../web', '../dist/web']) {
    const p = path.resolve(here, rel);
    if (fs.existsSync(path.join(p, 'index.html'))) return p;
  }
  return null;
}

export interface AppOptions {
  config: Config;
  database: Database;
  /** Serve the built web app (off in API tests). */
  serveWeb?: boolean;
  /** Where the log goes instead of stdout (tests read it). */
  logStream?: DestinationStream;
}

/** Builds the whole HTTP application; main.ts listens on it, tests inject into it or listen on port 0. */
export async function buildApp({
  config,
  database,
  serveWeb = true,
  logStream,
}: AppOptions): Promise<FastifyInstance> {
  // One set of limits for every spreadsheet upload of this process.
  configureFileLimits(config.fileLimits);
  const app = Fastify({
    logger: {
      level: config.logLevel,
      // No personal data in logs: no bodies, no headers, no query strings (names, NIPs), and NIP/NIK
      // digit runs in paths are masked.
      serializers: {
        req: (req: { method: string; url: string; ip?: string }) => ({
          method: req.method,
          url: safeUrl(req.url),
        }),
        // An error logged anywhere keeps no failed query, parameters or values (see safe-error.ts).
        // (An object already made safe passes as it is.)
        err: (err: Error) => {
          if (!(err instanceof Error)) return err as never;
          const safe = safeError(err);
          return { ...safe, stack: safe.stack ?? '' };
        },
      },
      ...(logStream ? { stream: logStream } : {}),
    },
    genReqId: () => crypto.randomUUID(),
    // Only the configured proxies may name the client's address (ASAH_TRUST_PROXY).
    trustProxy:
      typeof config.trustProxy === 'number'
        ? (_address: string, hop: number) => hop < (config.trustProxy as number)
        : config.trustProxy,
    bodyLimit: 2 * 1024 * 1024,
    frameworkErrors: frameworkProblem,
  }).withTypeProvider<ZodTypeProvider>();

  // Every route and its declared access, for the generated route × role authorisation test.
  const routeTable: RouteAccess[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    // The API docs and the web app's files (index.html, /assets/…) are public; the app signs in itself.
    if (route.url.startsWith('/api/docs') || !route.url.startsWith('/api/')) {
      route.config = { access: 'public', ...(route.config ?? {}) };
    }
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD' || method === 'OPTIONS') continue;
      routeTable.push({
        method,
        url: route.url,
        access: (route.config as { access?: Access } | undefined)?.access,
      });
    }
  });

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  registerRequestGuard(app, { publicUrl: config.publicUrl, allowedOrigins: config.allowedOrigins });
  registerInputGate(app);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(cookie);
  // Counters in PostgreSQL: several Asah processes behind one proxy share every limit.
  await app.register(rateLimit, { global: false, store: postgresRateLimitStore(database.db) });
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_MB * 1024 * 1024, files: 1 } });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Asah API',
        version: '0.1.0',
        description:
          'API Asah — pengelolaan pengembangan kompetensi ASN. Semua galat berupa application/problem+json (RFC 9457).',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'asah_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });

  const db = database.db;
  const auth = authService(db, {
    sessionTtlHours: config.sessionTtlHours,
    maxFailures: config.loginMaxFailures,
    lockMinutes: config.loginLockMinutes,
    maxPerAddressPerMinute: config.loginMaxPerMinute,
    sessionCacheSeconds: config.sessionCacheSeconds,
  });
  registerAuth(app, auth.loadSession);

  const employees = employeeService(db);
  // Whole-unit report figures shared for a few seconds; any write this process handles forgets them.
  const reports = reportCache(config.reportCacheSeconds);
  app.addHook('onRequest', async (req) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') reports.invalidate();
  });
  app.addHook('onResponse', async (req) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') reports.invalidate();
  });
  await app.register(healthRoutes(database));
  await app.register(authRoutes(auth, { cookieSecure: config.cookieSecure }));
  await app.register(orgUnitRoutes(orgUnitService(db)));
  await app.register(positionRoutes(positionService(db)));
  await app.register(employeeRoutes(employees));
  await app.register(competencyRoutes(competencyService(db, database.read, reports)));
  await app.register(talentRoutes(talentService(db), database.pool));
  await app.register(competencyAdminRoutes(db));
  await app.register(importRoutes(database));
  await app.register(assessmentRoutes(database));
  await app.register(notificationRoutes(db));
  await app.register(learningRoutes(learningService(db, database.read, reports)));
  await app.register(proposalRoutes(db));
  await app.register(studentProjectRoutes(studentProjectService(db)));
  await app.register(userRoutes(userService(db, { accessChanged: auth.forgetUser })));
  await app.register(auditRoutes(db));
  await app.register(tenantRoutes(tenantService(db)));
  await app.register(platformRoutes(platformService(db)));
  await app.register(partnerRoutes(partnerService(db)));
  await app.register(programRoutes(programService(db)));
  await app.register(
    enrollmentRoutes(
      enrollmentService(db, {
        mail: { mode: config.smtp ? 'pending' : 'not_sent', publicUrl: config.publicUrl },
      }),
      attendanceService(db),
    ),
  );
  await app.register(outboxRoutes(db, config.smtp));
  await app.register(
    certificateRoutes(certificateService(db), externalCertificateService(db), {
      publicUrl: config.publicUrl,
    }),
  );

  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  const webDist = serveWeb ? findWebDist() : null;
  if (webDist) {
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
      maxAge: '1h',
      setHeaders: (reply, file) => {
        if (file.includes(`${path.sep}assets${path.sep}`))
          reply.header('cache-control', 'public, max-age=31536000, immutable');
      },
    });
    app.get('/*', { config: { access: 'public' }, schema: { hide: true } }, async (req, reply) => {
      if (req.url.startsWith('/api/')) {
        return reply.callNotFound();
      }
      const file = path.join(webDist, req.url.split('?')[0]!);
      if (file.startsWith(webDist) && fs.existsSync(file) && fs.statSync(file).isFile()) {
        return reply.sendFile(path.relative(webDist, file));
      }
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    });
  }

  return app;
}
