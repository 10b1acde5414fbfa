import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/audit.js';
import { requireAuth } from '../../http/auth.js';
import { IdParams } from '../../http/schemas.js';
import { Position, PositionBody, PositionList, PositionPatch } from './schemas.js';
import type { PositionService } from './service.js';

export const positionRoutes =
  (service: PositionService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['positions'];
    app.get(
      '/api/positions',
      {
        config: { access: 'authenticated' },
        schema: { tags, summary: 'Daftar jabatan', response: { 200: PositionList } },
      },
      async (req) => service.list(requireAuth(req)),
    );
    app.post(
      '/api/positions',
      {
        config: { access: ['admin'] },
        schema: { tags, summary: 'Tambah jabatan', body: PositionBody, response: { 200: Position } },
      },
      async (req) => service.create(requireAuth(req), req.body, actorOf(req)),
    );
    app.patch(
      '/api/positions/:id',
      {
        config: { access: ['admin'] },
        schema: {
          tags,
          summary: 'Ubah jabatan',
          params: IdParams,
          body: PositionPatch,
          response: { 200: Position },
        },
      },
      async (req) => service.update(requireAuth(req), req.params.id, req.body, actorOf(req)),
    );
  };
