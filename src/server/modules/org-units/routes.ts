import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/audit.js';
import { requireAuth } from '../../http/auth.js';
import { sendXlsx } from '../../http/xlsx.js';
import { IdParams } from '../../http/schemas.js';
import { OrgUnit, OrgUnitBody, OrgUnitList, OrgUnitPatch } from './schemas.js';
import type { OrgUnitService } from './service.js';

export const orgUnitRoutes =
  (service: OrgUnitService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['org-units'];
    app.get(
      '/api/org-units',
      {
        config: { access: 'authenticated' },
        schema: { tags, summary: 'Daftar unit (pohon organisasi)', response: { 200: OrgUnitList } },
      },
      async (req) => service.list(requireAuth(req)),
    );
    app.get(
      '/api/org-units/export.xlsx',
      {
        config: { access: ['admin', 'operator', 'pimpinan'] },
        schema: { tags, summary: 'Unduh unit sebagai Excel' },
      },
      async (req, reply) => {
        const units = await service.list(requireAuth(req));
        const byId = new Map(units.map((u) => [u.id, u]));
        return sendXlsx(
          reply,
          'unit-kerja.xlsx',
          'Unit',
          [
            { header: 'kode_unit', value: (u) => u.code, text: true },
            { header: 'nama', value: (u) => u.name, width: 50 },
            { header: 'jenis', value: (u) => u.kind },
            {
              header: 'kode_induk',
              value: (u) => (u.parentId ? byId.get(u.parentId)?.code : ''),
              text: true,
            },
            { header: 'aktif', value: (u) => (u.active ? 'ya' : 'tidak') },
            { header: 'jumlah_pegawai', value: (u) => u.employeeCount },
          ],
          [units],
        );
      },
    );
    app.get(
      '/api/org-units/:id',
      {
        config: { access: 'authenticated' },
        schema: { tags, summary: 'Satu unit', params: IdParams, response: { 200: OrgUnit } },
      },
      async (req) => service.get(requireAuth(req), req.params.id),
    );
    app.post(
      '/api/org-units',
      {
        config: { access: ['admin'] },
        schema: { tags, summary: 'Tambah unit', body: OrgUnitBody, response: { 200: OrgUnit } },
      },
      async (req) => service.create(requireAuth(req), req.body, actorOf(req)),
    );
    app.patch(
      '/api/org-units/:id',
      {
        config: { access: ['admin'] },
        schema: {
          tags,
          summary: 'Ubah unit',
          params: IdParams,
          body: OrgUnitPatch,
          response: { 200: OrgUnit },
        },
      },
      async (req) => service.update(requireAuth(req), req.params.id, req.body, actorOf(req)),
    );
  };
