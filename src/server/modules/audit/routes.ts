import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { zoneLabel } from '../../../domain/time.js';
import type { Db } from '../../db/client.js';
import { requireAuth } from '../../http/auth.js';
import { offsetOf } from '../../http/pagination.js';
import { localTime, sendXlsx } from '../../http/xlsx.js';
import { AuditList, AuditQuery } from './schemas.js';
import { auditService } from './service.js';

/** The audit trail, newest first; admin only, always within the caller's tenant. */
export const auditRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    const service = auditService(db);
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
      async (req) => service.list(requireAuth(req).tenantId, req.query, offsetOf(req.query)),
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
        const { timeZone, pages } = await service.forExport(requireAuth(req).tenantId, req.query);
        return sendXlsx(
          reply,
          'jejak-audit.xlsx',
          'Audit',
          [
            { header: `waktu (${zoneLabel(timeZone)})`, value: (e) => localTime(e.at, timeZone), width: 22 },
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
          pages,
        );
      },
    );
  };
