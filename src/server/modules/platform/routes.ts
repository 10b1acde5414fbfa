import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/audit.js';
import { PlatformTenant, PlatformTenantCreate, PlatformTenantList } from './schemas.js';
import type { platformService } from './service.js';

/** Tenants of the installation, for platform administrators only. */
export const platformRoutes =
  (service: ReturnType<typeof platformService>): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/platform/tenants',
      {
        config: { access: 'platform' },
        schema: {
          tags: ['platform'],
          summary: 'Daftar instansi (tanpa data pribadi)',
          response: { 200: PlatformTenantList },
        },
      },
      async () => ({ items: await service.list() }),
    );
    app.post(
      '/api/platform/tenants',
      {
        config: { access: 'platform' },
        schema: {
          tags: ['platform'],
          summary: 'Buat instansi beserta admin pertamanya',
          body: PlatformTenantCreate,
          response: { 201: PlatformTenant },
        },
      },
      async (req, reply) => reply.status(201).send(await service.create(actorOf(req), req.body)),
    );
  };
