import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/audit.js';
import { requireAuth } from '../../http/auth.js';
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
