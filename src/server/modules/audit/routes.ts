import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { requireAuth } from '../../http/auth.js';
import { offsetOf, PageQuery } from '../../http/pagination.js';

const AuditQuery = PageQuery.extend({
  entity: z.string().max(50).optional(),
  action: z.string().max(50).optional(),
  actor: z.string().max(100).optional(),
  entityId: z.string().max(100).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
const AuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actorName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
});
const AuditList = z.object({ items: z.array(AuditEntry), total: z.number().int() });

/** The audit trail, newest first; admin only, always within the caller's tenant. */
export const auditRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/audit',
      {
        config: { access: ['admin'] },
        schema: {
          tags: ['audit'],
          summary: 'Jejak audit',
          querystring: AuditQuery,
          response: { 200: AuditList },
        },
      },
      async (req) => {
        const ctx = requireAuth(req);
        const q = req.query;
        const conds = [sql`tenant_id = ${ctx.tenantId}`];
        if (q.entity) conds.push(sql`entity = ${q.entity}`);
        if (q.action) conds.push(sql`action = ${q.action}`);
        if (q.actor) conds.push(sql`lower(actor_name) like ${'%' + q.actor.toLowerCase() + '%'}`);
        if (q.entityId) conds.push(sql`entity_id = ${q.entityId}`);
        // Dates are days in the tenant's time zone (WIT).
        if (q.from) conds.push(sql`at >= (${q.from}::date::timestamp at time zone 'Asia/Jayapura')`);
        if (q.to) conds.push(sql`at < ((${q.to}::date + 1)::timestamp at time zone 'Asia/Jayapura')`);
        const where = sql.join(conds, sql` and `);
        const rows = await db.execute<{
          id: number;
          at: Date;
          actor_name: string | null;
          action: string;
          entity: string;
          entity_id: string | null;
          before: unknown;
          after: unknown;
          request_id: string | null;
        }>(sql`select id, at, actor_name, action, entity, entity_id, before, after, request_id from audit_log
               where ${where} order by id desc limit ${q.pageSize} offset ${offsetOf(q)}`);
        const total = await db.execute<{ n: number }>(
          sql`select count(*)::int n from audit_log where ${where}`,
        );
        return {
          items: rows.rows.map((r) => ({
            id: Number(r.id),
            at: new Date(r.at).toISOString(),
            actorName: r.actor_name,
            action: r.action,
            entity: r.entity,
            entityId: r.entity_id,
            before: r.before,
            after: r.after,
            requestId: r.request_id,
          })),
          total: Number(total.rows[0]?.n ?? 0),
        };
      },
    );
  };
