import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { actorOf, audit } from '../../http/audit.js';
import { requireAuth } from '../../http/auth.js';
import { offsetOf, PageQuery, pageResult } from '../../http/pagination.js';
import { sendPendingMail, type SmtpSettings } from './sender.js';

const Mail = z.object({
  id: z.uuid(),
  toAddress: z.string(),
  subject: z.string(),
  body: z.string(),
  status: z.enum(['pending', 'sent', 'failed', 'not_sent']),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  sentAt: z.string().nullable(),
  createdAt: z.string(),
});
const OutboxQuery = PageQuery.extend({
  status: z.enum(['pending', 'sent', 'failed', 'not_sent']).optional(),
});
const Outbox = pageResult(Mail).extend({ smtp: z.boolean() });
const SendResult = z.object({ sent: z.number().int(), failed: z.number().int(), retrying: z.number().int() });

const iso = (v: Date | null) => (v ? new Date(v).toISOString() : null);

/** The e-mail outbox for admins: what was sent, and without SMTP what would have been sent. */
export const outboxRoutes =
  (db: Db, smtp: SmtpSettings | null): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['outbox'];
    app.get(
      '/api/outbox',
      {
        config: { access: ['admin'] },
        schema: {
          tags,
          summary: 'Kotak keluar e-mail (terbaru dahulu); tanpa SMTP berisi yang akan dikirim',
          querystring: OutboxQuery,
          response: { 200: Outbox },
        },
      },
      async (req) => {
        const ctx = requireAuth(req);
        const q = req.query;
        const cond = sql`tenant_id = ${ctx.tenantId} ${q.status ? sql`and status = ${q.status}` : sql``}`;
        const [rows, total] = await Promise.all([
          db.execute<{
            id: string;
            to_address: string;
            subject: string;
            body: string;
            status: z.infer<typeof Mail>['status'];
            attempts: number;
            last_error: string | null;
            sent_at: Date | null;
            created_at: Date;
          }>(sql`select id, to_address, subject, body, status, attempts, last_error, sent_at, created_at
            from email_outbox where ${cond} order by created_at desc, id limit ${q.pageSize} offset ${offsetOf(q)}`),
          db.execute<{ n: number }>(sql`select count(*)::int as n from email_outbox where ${cond}`),
        ]);
        return {
          smtp: !!smtp,
          total: total.rows[0]?.n ?? 0,
          items: rows.rows.map((r) => ({
            id: r.id,
            toAddress: r.to_address,
            subject: r.subject,
            body: r.body,
            status: r.status,
            attempts: r.attempts,
            lastError: r.last_error,
            sentAt: iso(r.sent_at),
            createdAt: iso(r.created_at)!,
          })),
        };
      },
    );
    app.post(
      '/api/outbox/send',
      {
        config: { access: ['admin'] },
        schema: {
          tags,
          summary: 'Kirim sekarang e-mail yang menunggu (bila SMTP diatur)',
          response: { 200: SendResult },
        },
      },
      async (req) => {
        if (!smtp) return { sent: 0, failed: 0, retrying: 0 };
        const result = await sendPendingMail(db, smtp);
        await db.transaction((tx) =>
          audit(tx, actorOf(req), { action: 'send', entity: 'email_outbox', after: result }),
        );
        return result;
      },
    );
  };
