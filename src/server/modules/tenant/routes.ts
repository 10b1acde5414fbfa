import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { tenants } from '../../db/schema/index.js';
import { actorOf, audit } from '../../http/audit.js';
import { requireAuth } from '../../http/auth.js';
import { notFound } from '../../http/errors.js';

const validZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('id-ID', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

const Tenant = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  timeZone: z.string(),
  settings: z.record(z.string(), z.unknown()),
});
const TenantPatch = z.object({
  name: z.string().trim().min(3).max(200).optional(),
  timeZone: z
    .string()
    .refine(validZone, { message: 'Zona waktu tidak dikenal (mis. Asia/Jayapura)' })
    .optional(),
  settings: z.record(z.string(), z.unknown()).optional(),
});

/** The caller's instansi: name, time zone (Kota Ambon: Asia/Jayapura, WIT) and settings. */
export const tenantRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    const load = async (id: string) => {
      const t = await db.query.tenants.findFirst({ where: eq(tenants.id, id) });
      if (!t) throw notFound();
      return { id: t.id, code: t.code, name: t.name, timeZone: t.timeZone, settings: t.settings };
    };
    app.get(
      '/api/tenant',
      {
        config: { access: 'authenticated' },
        schema: { tags: ['tenant'], summary: 'Instansi saya', response: { 200: Tenant } },
      },
      async (req) => load(requireAuth(req).tenantId),
    );
    app.patch(
      '/api/tenant',
      {
        config: { access: ['admin'] },
        schema: {
          tags: ['tenant'],
          summary: 'Ubah nama, zona waktu, pengaturan instansi',
          body: TenantPatch,
          response: { 200: Tenant },
        },
      },
      async (req) => {
        const ctx = requireAuth(req);
        await db.transaction(async (tx) => {
          const before = await load(ctx.tenantId);
          if (Object.keys(req.body).length === 0) return;
          await tx.update(tenants).set(req.body).where(eq(tenants.id, ctx.tenantId));
          await audit(tx, actorOf(req), {
            action: 'update',
            entity: 'tenant',
            entityId: ctx.tenantId,
            before,
            after: req.body,
          });
        });
        return load(ctx.tenantId);
      },
    );
  };
