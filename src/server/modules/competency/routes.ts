import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireAuth } from '../../http/auth.js';
import { NipParams } from '../employees/schemas.js';
import { CompetencyList, CompetencyProfile, Heatmap, HeatmapQuery } from './schemas.js';
import type { CompetencyService } from './service.js';

const PROFILE_READERS = ['admin', 'operator', 'atasan', 'pegawai', 'pimpinan'] as const;
const HEATMAP_READERS = ['admin', 'operator', 'pimpinan'] as const;

export const competencyRoutes =
  (service: CompetencyService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['competency'];
    app.get(
      '/api/competencies',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: 'Kamus kompetensi: kompetensi aktif dengan versi yang berlaku',
          response: { 200: CompetencyList },
        },
      },
      async (req) => service.list(requireAuth(req)),
    );
    app.get(
      '/api/employees/:nip/competency-profile',
      {
        config: { access: PROFILE_READERS },
        schema: {
          tags,
          summary: 'Profil kompetensi pegawai: level saat ini, standar jabatan, kesenjangan, JPM',
          params: NipParams,
          response: { 200: CompetencyProfile },
        },
      },
      async (req) => service.profile(requireAuth(req), req.params.nip),
    );
    app.get(
      '/api/gaps/heatmap',
      {
        config: { access: HEATMAP_READERS },
        schema: {
          tags,
          summary: 'Peta panas kesenjangan kompetensi per unit bawahan',
          querystring: HeatmapQuery,
          response: { 200: Heatmap },
        },
      },
      async (req) => service.heatmap(requireAuth(req), req.query.unitId),
    );
  };
