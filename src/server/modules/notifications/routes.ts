import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.js';
import { actorOf } from '../../http/audit.js';
import { requireAuth } from '../../http/auth.js';
import { IdParams } from '../../http/schemas.js';
import { Done, NotificationList } from './schemas.js';
import { notificationService } from './service.js';

/** The bell: the caller's own notifications. */
export const notificationRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['notifications'];
    const service = notificationService(db);
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
      async (req) => service.list(requireAuth(req)),
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
      async (req) => service.markRead(requireAuth(req), actorOf(req), req.params.id),
    );

    app.post(
      '/api/notifications/read-all',
      {
        config: { access: 'authenticated' },
        schema: { tags, summary: 'Tandai semua notifikasi sudah dibaca', response: { 200: Done } },
      },
      async (req) => service.markAllRead(requireAuth(req), actorOf(req)),
    );
  };
