import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.js';
import { actorOf } from '../../http/audit.js';
import { requireAuth } from '../../http/auth.js';
import { Outbox, OutboxQuery, SendResult } from './schemas.js';
import type { SmtpSettings } from './sender.js';
import { outboxService } from './service.js';

/** The e-mail outbox for admins: what was sent, and without SMTP what would have been sent. */
export const outboxRoutes =
  (db: Db, smtp: SmtpSettings | null): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['outbox'];
    const service = outboxService(db, smtp);
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
      async (req) => service.list(requireAuth(req), req.query),
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
      async (req) => service.sendNow(actorOf(req)),
    );
  };
