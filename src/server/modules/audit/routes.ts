import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { requireAuth } from '../../http/auth.js';
import { offsetOf, PageQuery } from '../../http/pagination.js';
import { localTime, sendXlsx } from '../../http/xlsx.js';

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

type AuditQueryT = z.infer<typeof AuditQuery>;
interface AuditRow {
  id: number;
  at: Date;
  actor_name: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  before: unknown;
  after: unknown;
  request_id: string | null;
  [k: string]: unknown;
}

function auditWhere(tenantId: string, q: AuditQueryT) {
  const conds = [sql`tenant_id = ${tenantId}`];
  if (q.entity) conds.push(sql`entity = ${q.entity}`);
  if (q.action) conds.push(sql`action = ${q.action}`);
  if (q.actor) conds.push(sql`lower(actor_name) like ${'%' + q.actor.toLowerCase() + '%'}`);
  if (q.entityId) conds.push(sql`entity_id = ${q.entityId}`);
  // Dates are days in the tenant's time zone (WIT).
  if (q.from) conds.push(sql`at >= (${q.from}::date::timestamp at time zone 'Asia/Jayapura')`);
  if (q.to) conds.push(sql`at < ((${q.to}::date + 1)::timestamp at time zone 'Asia/Jayapura')`);
  return sql.join(conds, sql` and `);
}

const presentEntry = (r: AuditRow) => ({
  id: Number(r.id),
  at: new Date(r.at).toISOString(),
  actorName: r.actor_name,
  action: r.action,
  entity: r.entity,
  entityId: r.entity_id,
  before: r.before,
  after: r.after,
  requestId: r.request_id,
});

const pageOf = async (db: Db, where: ReturnType<typeof auditWhere>, limit: number, offset: number) =>
  (
    await db.execute<AuditRow>(sql`select id, at, actor_name, action, entity, entity_id, before, after, request_id
      from audit_log where ${where} order by id desc limit ${limit} offset ${offset}`)
  ).rows.map(presentEntry);

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
        const where = auditWhere(requireAuth(req).tenantId, req.query);
        const total = await db.execute<{ n: number }>(
          sql`select count(*)::int n from audit_log where ${where}`,
        );
        return {
          items: await pageOf(db, where, req.query.pageSize, offsetOf(req.query)),
          total: Number(total.rows[0]?.n ?? 0),
        };
      },
    );
    app.get(
      '/api/audit/export.xlsx',
      {
        config: { access: ['admin'] },
        schema: {
          tags: ['audit'],
          summary: 'Unduh jejak audit (filter yang sama) sebagai Excel',
          querystring: AuditQuery,
        },
      },
      async (req, reply) => {
        const where = auditWhere(requireAuth(req).tenantId, req.query);
        async function* pages() {
          for (let offset = 0; ; offset += 2000) {
            const rows = await pageOf(db, where, 2000, offset);
            if (rows.length) yield rows;
            if (rows.length < 2000) return;
          }
        }
        return sendXlsx(
          reply,
          'jejak-audit.xlsx',
          'Audit',
          [
            { header: 'waktu (WIT)', value: (e) => localTime(e.at), width: 22 },
            { header: 'pengguna', value: (e) => e.actorName, width: 24 },
            { header: 'tindakan', value: (e) => e.action, width: 14 },
            { header: 'data', value: (e) => e.entity, width: 16 },
            { header: 'id_data', value: (e) => e.entityId, width: 38, text: true },
            {
              header: 'sebelum',
              value: (e) => (e.before == null ? '' : JSON.stringify(e.before).slice(0, 32_000)),
              width: 60,
            },
            {
              header: 'sesudah',
              value: (e) => (e.after == null ? '' : JSON.stringify(e.after).slice(0, 32_000)),
              width: 60,
            },
            { header: 'id_permintaan', value: (e) => e.requestId, width: 38 },
          ],
          pages(),
        );
      },
    );
  };
