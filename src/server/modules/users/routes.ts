import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/audit.js';
import { requireAuth } from '../../http/auth.js';
import { zoneLabel } from '../../../domain/time.js';
import { localTime, sendXlsx } from '../../http/xlsx.js';
import { IdParams } from '../../http/schemas.js';
import { User, UserCreate, UserList, UserListQuery, UserPatch } from './schemas.js';
import type { UserService } from './service.js';

export const userRoutes =
  (service: UserService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['users'];
    const access = ['admin'] as const;
    app.get(
      '/api/users',
      {
        config: { access },
        schema: { tags, summary: 'Daftar pengguna', querystring: UserListQuery, response: { 200: UserList } },
      },
      async (req) => service.list(requireAuth(req), req.query),
    );
    app.get(
      '/api/users/export.xlsx',
      {
        config: { access },
        schema: {
          tags,
          summary: 'Unduh daftar pengguna (filter yang sama) sebagai Excel',
          querystring: UserListQuery,
        },
      },
      async (req, reply) => {
        const ctx = requireAuth(req);
        const zone = await service.timeZone(ctx);
        return sendXlsx(
          reply,
          'pengguna.xlsx',
          'Pengguna',
          [
            { header: 'nama_pengguna', value: (u) => u.username, width: 24, text: true },
            { header: 'nama', value: (u) => u.displayName, width: 32 },
            {
              header: 'peran',
              value: (u) =>
                u.roles.map((r) => (r.unitName ? `${r.role} (${r.unitName})` : r.role)).join(', '),
              width: 40,
            },
            { header: 'nip', value: (u) => u.employeeNip, width: 22, text: true },
            { header: 'mitra', value: (u) => u.partnerName, width: 28 },
            { header: 'aktif', value: (u) => (u.active ? 'ya' : 'tidak'), width: 8 },
            { header: 'terkunci', value: (u) => (u.locked ? 'ya' : 'tidak'), width: 10 },
            {
              header: `masuk_terakhir (${zoneLabel(zone)})`,
              value: (u) => localTime(u.lastLoginAt, zone),
              width: 22,
            },
          ],
          service.pages(ctx, req.query),
        );
      },
    );
    app.get(
      '/api/users/:id',
      {
        config: { access },
        schema: { tags, summary: 'Satu pengguna', params: IdParams, response: { 200: User } },
      },
      async (req) => service.get(requireAuth(req), req.params.id),
    );
    app.post(
      '/api/users',
      {
        config: { access },
        schema: { tags, summary: 'Tambah pengguna', body: UserCreate, response: { 200: User } },
      },
      async (req) => service.create(requireAuth(req), req.body, actorOf(req)),
    );
    app.patch(
      '/api/users/:id',
      {
        config: { access },
        schema: {
          tags,
          summary: 'Ubah pengguna, peran, kata sandi',
          params: IdParams,
          body: UserPatch,
          response: { 200: User },
        },
      },
      async (req) => service.update(requireAuth(req), req.params.id, req.body, actorOf(req)),
    );
  };
