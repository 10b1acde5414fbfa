import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { actorOf, audit } from '../../http/audit.js';
import { requireAuth } from '../../http/auth.js';
import { notFound } from '../../http/errors.js';
import { IdParams } from '../../http/schemas.js';

const Notification = z.object({
  id: z.uuid(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
const NotificationList = z.object({ unread: z.number().int(), items: z.array(Notification) });
const Done = z.object({ updated: z.number().int() });

const iso = (v: Date | string | null) => (v ? new Date(v).toISOString() : null);

/** The bell: the caller's own notifications. Marking as read is a write like any other: audited. */
export const notificationRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['notifications'];
    app.get(
      '/api/notifications',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: 'Notifikasi saya, terbaru dahulu, dengan jumlah yang belum dibaca',
          response: { 200: NotificationList },
        },
      },
      async (req) => {
        const ctx = requireAuth(req);
        const [items, unread] = await Promise.all([
          db.execute<{
            id: string;
            kind: string;
            title: string;
            body: string;
            link: string | null;
            created_at: Date;
            read_at: Date | null;
          }>(sql`select id, kind, title, body, link, created_at, read_at from notifications
            where tenant_id = ${ctx.tenantId} and user_id = ${ctx.userId}
            order by created_at desc, id limit 50`),
          db.execute<{ n: number }>(sql`select count(*)::int as n from notifications
            where tenant_id = ${ctx.tenantId} and user_id = ${ctx.userId} and read_at is null`),
        ]);
        return {
          unread: unread.rows[0]?.n ?? 0,
          items: items.rows.map((n) => ({
            id: n.id,
            kind: n.kind,
            title: n.title,
            body: n.body,
            link: n.link,
            createdAt: iso(n.created_at)!,
            readAt: iso(n.read_at),
          })),
        };
      },
    );

    app.post(
      '/api/notifications/:id/read',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: 'Tandai satu notifikasi sudah dibaca',
          params: IdParams,
          response: { 200: Done },
        },
      },
      async (req) => {
        const ctx = requireAuth(req);
        const found = await db.transaction(async (tx) => {
          const res = await tx.execute<{ id: string }>(sql`update notifications
            set read_at = coalesce(read_at, now())
            where tenant_id = ${ctx.tenantId} and user_id = ${ctx.userId} and id = ${req.params.id} returning id`);
          if (res.rows.length === 0) return false;
          await audit(tx, actorOf(req), {
            action: 'update',
            entity: 'notification',
            entityId: req.params.id,
            after: { read: true },
          });
          return true;
        });
        if (!found) throw notFound();
        return { updated: 1 };
      },
    );

    app.post(
      '/api/notifications/read-all',
      {
        config: { access: 'authenticated' },
        schema: { tags, summary: 'Tandai semua notifikasi sudah dibaca', response: { 200: Done } },
      },
      async (req) => {
        const ctx = requireAuth(req);
        return db.transaction(async (tx) => {
          const res = await tx.execute(sql`update notifications set read_at = now()
            where tenant_id = ${ctx.tenantId} and user_id = ${ctx.userId} and read_at is null`);
          const updated = res.rowCount ?? 0;
          if (updated > 0)
            await audit(tx, actorOf(req), {
              action: 'update',
              entity: 'notification',
              after: { readAll: updated },
            });
          return { updated };
        });
      },
    );
  };
