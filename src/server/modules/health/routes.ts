import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/client.js';
import { AppError } from '../../http/errors.js';

const Health = z.object({ status: z.literal('ok'), database: z.enum(['embedded', 'external']) });

/** The 503 problem document: the database did not answer within HEALTH_DB_TIMEOUT_MS. */
const Unavailable = z
  .looseObject({
    type: z.string(),
    status: z.literal(503),
    title: z.string(),
    code: z.literal('db.unavailable'),
    reason: z.literal('database_unreachable'),
    database: z.enum(['embedded', 'external']),
    requestId: z.string(),
  })
  .describe('application/problem+json: basis data tidak menjawab / the database did not answer');

/** How long the health check waits for the database (a load balancer's probe must not hang). */
export const HEALTH_DB_TIMEOUT_MS = 2000;

async function ping(database: Database): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>(
    (resolve) => (timer = setTimeout(() => resolve(false), HEALTH_DB_TIMEOUT_MS)),
  );
  const query = database.db.execute(sql`select 1`).then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([query, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export const healthRoutes =
  (database: Database): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/health',
      {
        config: { access: 'public' },
        schema: {
          tags: ['health'],
          summary: 'Status layanan',
          description:
            '200 saat basis data menjawab; 503 (problem+json, `reason: database_unreachable`) bila tidak menjawab dalam 2 detik.',
          response: { 200: Health, 503: Unavailable },
        },
      },
      async () => {
        if (!(await ping(database))) {
          throw new AppError('db.unavailable', {}, [], {
            reason: 'database_unreachable',
            database: database.kind,
          });
        }
        return { status: 'ok' as const, database: database.kind };
      },
    );
  };
