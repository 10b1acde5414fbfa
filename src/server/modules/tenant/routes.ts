import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { validZone } from '../../../domain/tenant.js';
import { actorOf } from '../../http/audit.js';
import { requireAuth } from '../../http/auth.js';
import { TenantSettingsPatch } from './settings.js';
import type { tenantService } from './service.js';

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
  /**
   * Only the fields to change, merged into the stored settings; `null` removes a field (its default
   * applies again). Keys: certificatePrefix, bkpsdmUnitCode, learningBudget {"2026": rupiah},
   * competency.reconcileRule, competency.nineBox, certificate {heading, agency, place, signerTitle}.
   */
  settings: TenantSettingsPatch.optional(),
});

/** The caller's instansi: name, time zone (Kota Ambon: Asia/Jayapura, WIT) and settings. */
export const tenantRoutes =
  (service: ReturnType<typeof tenantService>): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/tenant',
      {
        config: { access: 'authenticated' },
        schema: { tags: ['tenant'], summary: 'Instansi saya', response: { 200: Tenant } },
      },
      async (req) => service.get(requireAuth(req).tenantId),
    );
    app.patch(
      '/api/tenant',
      {
        config: { access: ['admin'] },
        schema: {
          tags: ['tenant'],
          summary: 'Ubah nama, zona waktu, pengaturan instansi (pengaturan digabung per isian)',
          body: TenantPatch,
          response: { 200: Tenant },
        },
      },
      async (req) => service.update(requireAuth(req).tenantId, actorOf(req), req.body),
    );
  };
