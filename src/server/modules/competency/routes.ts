import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireAuth } from '../../http/auth.js';
import { NipParams } from '../employees/schemas.js';
import { sendXlsx } from '../../http/xlsx.js';
import {
  CompetencyList,
  CompetencyProfile,
  GapPeople,
  GapPeopleExportQuery,
  GapPeopleQuery,
  Heatmap,
  HeatmapExportQuery,
  HeatmapQuery,
  ProfileQuery,
} from './schemas.js';
import type { CompetencyService } from './service.js';
import { GAP_GUIDE, HEATMAP_GUIDE, heatmapRows, PEOPLE_COLUMNS, HEATMAP_COLUMNS } from './export.js';

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
          description:
            'Dengan `targetPositionId`: blok `target` membandingkan pegawai dengan standar jabatan lain (JPM dan kesenjangan).',
          params: NipParams,
          querystring: ProfileQuery,
          response: { 200: CompetencyProfile },
        },
      },
      async (req) => service.profile(requireAuth(req), req.params.nip, req.query.targetPositionId),
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
    app.get(
      '/api/gaps/heatmap.xlsx',
      {
        config: { access: HEATMAP_READERS },
        schema: {
          tags,
          summary: 'Unduh peta kesenjangan (unit × kompetensi) sebagai Excel, dengan lembar Petunjuk',
          querystring: HeatmapExportQuery,
        },
      },
      async (req, reply) => {
        const map = await service.heatmap(requireAuth(req), req.query.unitId);
        return sendXlsx(
          reply,
          'peta-kesenjangan.xlsx',
          'Peta kesenjangan',
          HEATMAP_COLUMNS,
          [heatmapRows(map)],
          HEATMAP_GUIDE,
        );
      },
    );
    app.get(
      '/api/gaps/people',
      {
        config: { access: HEATMAP_READERS },
        schema: {
          tags,
          summary: 'Pegawai di balik satu sel peta kesenjangan: standar, level saat ini, kesenjangan',
          description:
            'Pegawai aktif di unit dan sub-unitnya yang jabatannya mensyaratkan kompetensi itu, kesenjangan terbesar dulu, 50 per halaman.',
          querystring: GapPeopleQuery,
          response: { 200: GapPeople },
        },
      },
      async (req) => service.gapPeople(requireAuth(req), req.query),
    );
    app.get(
      '/api/gaps/people.xlsx',
      {
        config: { access: HEATMAP_READERS },
        schema: {
          tags,
          summary: 'Unduh daftar pegawai satu sel peta kesenjangan sebagai Excel',
          querystring: GapPeopleExportQuery,
        },
      },
      async (req, reply) => {
        const list = await service.gapPeople(requireAuth(req), { ...req.query, page: null });
        return sendXlsx(
          reply,
          `kesenjangan-${list.competency.code}.xlsx`,
          list.competency.code,
          PEOPLE_COLUMNS,
          [list.items],
          GAP_GUIDE,
        );
      },
    );
  };
