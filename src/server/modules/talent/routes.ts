import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type pg from 'pg';
import { actorOf } from '../../http/audit.js';
import { requireAuth } from '../../http/auth.js';
import { langOf } from '../../http/errors.js';
import { NipParams } from '../employees/schemas.js';
import { runImport } from '../imports/runner.js';
import { withUpload } from '../imports/upload.js';
import { SKP_SPEC, skpImporter, skpTemplate } from './performance-import.js';
import {
  NineBox,
  NineBoxCutoffsSchema,
  NineBoxQuery,
  PerformanceBody,
  PerformanceImportQuery,
  PerformanceImportResult,
  PerformanceList,
  PerformanceParams,
  PerformanceRating,
} from './schemas.js';
import type { TalentService } from './service.js';

const READERS = ['admin', 'operator', 'atasan', 'pegawai', 'pimpinan'] as const;
const WRITERS = ['admin', 'operator'] as const;
const TALENT = ['admin', 'operator', 'pimpinan'] as const;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const talentRoutes =
  (service: TalentService, pool: pg.Pool): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['talent'];
    app.get(
      '/api/employees/:nip/performance',
      {
        config: { access: READERS },
        schema: {
          tags,
          summary: 'Nilai kinerja (SKP) pegawai per tahun',
          params: NipParams,
          response: { 200: PerformanceList },
        },
      },
      async (req) => service.performance(requireAuth(req), req.params.nip),
    );
    app.put(
      '/api/employees/:nip/performance/:year',
      {
        config: { access: WRITERS },
        schema: {
          tags,
          summary: 'Isi atau ubah nilai kinerja (SKP) satu tahun: nilai 0–200 dan predikat',
          params: PerformanceParams,
          body: PerformanceBody,
          response: { 200: PerformanceRating },
        },
      },
      async (req) =>
        service.setPerformance(requireAuth(req), actorOf(req), req.params.nip, req.params.year, req.body),
    );
    app.get(
      '/api/performance/import/template.xlsx',
      {
        config: { access: WRITERS },
        schema: { tags, summary: 'Unduh templat impor nilai SKP (lembar Data dan Petunjuk)' },
      },
      async (_req, reply) =>
        reply
          .type(XLSX_TYPE)
          .header('content-disposition', `attachment; filename="${SKP_SPEC.fileStem}.xlsx"`)
          .send(await skpTemplate()),
    );
    app.post(
      '/api/performance/import',
      {
        config: { access: WRITERS, upload: true },
        schema: {
          tags,
          summary: 'Impor nilai SKP (XLSX/CSV): satu baris per pegawai dan tahun',
          description:
            'Unggah berkas pada field multipart `file`. `dryRun=true`: pratinjau tanpa menyimpan. Satu kesalahan saja: 422 ' +
            '(baris dan kolom disebutkan) dan tidak ada yang disimpan. Operator hanya untuk pegawai OPD-nya. Nilai yang ' +
            'sama dengan yang tersimpan dihitung `unchanged` dan tidak ditulis ulang.',
          querystring: PerformanceImportQuery,
          response: { 200: PerformanceImportResult },
        },
      },
      async (req) => {
        const ctx = requireAuth(req);
        const result = await withUpload(req, (upload) =>
          runImport(pool, skpImporter, {
            ctx,
            actor: actorOf(req),
            lang: langOf(req),
            dryRun: req.query.dryRun,
            ...upload,
          }),
        );
        return { ...result, preview: result.preview as { row: number }[] };
      },
    );
    app.get(
      '/api/talent/nine-box',
      {
        config: { access: TALENT },
        schema: {
          tags,
          summary: 'Kotak 9 talenta (potensi dari JPM × kinerja dari SKP) untuk unit dan sub-unitnya',
          description:
            'Tahun bawaan: tahun lalu. Dengan `box` (1–9 atau `incomplete`): daftar orang di kotak itu, 50 per halaman.',
          querystring: NineBoxQuery,
          response: { 200: NineBox },
        },
      },
      async (req) => service.nineBox(requireAuth(req), req.query),
    );
    app.get(
      '/api/talent/settings',
      {
        config: { access: TALENT },
        schema: {
          tags,
          summary: 'Batas kotak 9 talenta yang berlaku',
          response: { 200: NineBoxCutoffsSchema },
        },
      },
      async (req) => service.cutoffs(requireAuth(req)),
    );
    app.put(
      '/api/talent/settings',
      {
        config: { access: ['admin'] },
        schema: {
          tags,
          summary: 'Ubah batas kotak 9 talenta (kinerja dari SKP, potensi dari JPM)',
          body: NineBoxCutoffsSchema,
          response: { 200: NineBoxCutoffsSchema },
        },
      },
      async (req) => service.setCutoffs(requireAuth(req), actorOf(req), req.body),
    );
  };
