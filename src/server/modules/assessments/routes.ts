import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../db/client.js';
import { actorOf } from '../../http/audit.js';
import { requireAuth } from '../../http/auth.js';
import { AppError, langOf } from '../../http/errors.js';
import { IdParams } from '../../http/schemas.js';
import { NipParams } from '../employees/schemas.js';
import { runImport } from '../imports/runner.js';
import { withUpload } from '../imports/upload.js';
import { acImporter, acTemplate, AC_SPEC } from './ac-import.js';
import { campaignService } from './campaigns.js';
import {
  AcImportQuery,
  AcImportResult,
  AssessmentHistory,
  AssessmentSaved,
  AssessmentSubmit,
  AssessmentTasks,
  CampaignCreate,
  CampaignDetail,
  CampaignList,
  FileParams,
  FileQuery,
  FileSaved,
  RemindResult,
} from './schemas.js';
import { assessmentService, MAX_EVIDENCE_MB } from './service.js';
import { fieldErrors, text } from './texts.js';

const ASSESSORS = ['admin', 'operator', 'atasan', 'pegawai'] as const;
const READERS = ['admin', 'operator', 'atasan', 'pegawai', 'pimpinan'] as const;
const RUNNERS = ['admin', 'operator'] as const;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** "Bukti rapat.pdf" → a header-safe ASCII name plus the UTF-8 original. */
const disposition = (name: string) =>
  `attachment; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;

export const assessmentRoutes =
  (database: Database): FastifyPluginAsyncZod =>
  async (app) => {
    const service = assessmentService(database.db);
    const campaigns = campaignService(database.db);
    const tags = ['assessments'];

    app.post(
      '/api/employees/:nip/assessments',
      {
        config: { access: ASSESSORS },
        schema: {
          tags,
          summary: 'Simpan penilaian kompetensi (satu level per kompetensi) dari satu sumber',
          description:
            'self: pegawai itu sendiri; atasan: atasan dalam rantai atasan; peer: penilai yang ditugaskan pada kampanye terbuka; ' +
            'assessment_center/test: admin atau operator OPD pegawai. Semua atau tidak sama sekali.',
          params: NipParams,
          body: AssessmentSubmit,
          response: { 201: AssessmentSaved },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(await service.submit(requireAuth(req), actorOf(req), langOf(req), req.params.nip, req.body)),
    );

    app.get(
      '/api/employees/:nip/assessments',
      {
        config: { access: READERS },
        schema: {
          tags,
          summary: 'Riwayat penilaian kompetensi pegawai',
          params: NipParams,
          response: { 200: AssessmentHistory },
        },
      },
      async (req) => service.list(requireAuth(req), req.params.nip),
    );

    app.post(
      '/api/files',
      {
        config: { access: ASSESSORS, upload: true },
        schema: {
          tags,
          summary: `Unggah berkas bukti (PDF/JPG/PNG, maksimal ${MAX_EVIDENCE_MB} MB) pada field multipart \`file\``,
          querystring: FileQuery,
          response: { 201: FileSaved },
        },
      },
      async (req, reply) => {
        const ctx = requireAuth(req);
        const lang = langOf(req);
        if (!req.query.nip && !req.query.employeeId)
          throw fieldErrors([{ field: 'querystring.nip', message: text(lang, 'fileEmployee') }]);
        if (!req.isMultipart()) throw fieldErrors([{ field: 'file', message: text(lang, 'fileMissing') }]);
        let data: Buffer;
        let name: string;
        try {
          const part = await req.file({ limits: { fileSize: MAX_EVIDENCE_MB * 1024 * 1024, files: 1 } });
          if (!part || part.fieldname !== 'file') {
            part?.file.resume();
            throw fieldErrors([{ field: 'file', message: text(lang, 'fileMissing') }]);
          }
          data = await part.toBuffer();
          name = part.filename || '';
        } catch (e) {
          if (e instanceof AppError) throw e;
          if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
            throw new AppError('import.tooLarge', { mb: MAX_EVIDENCE_MB });
          throw fieldErrors([{ field: 'file', message: text(lang, 'fileMissing') }]);
        }
        if (data.length === 0) throw fieldErrors([{ field: 'file', message: text(lang, 'fileMissing') }]);
        const saved = await service.upload(ctx, actorOf(req), lang, {
          nip: req.query.nip ?? null,
          employeeId: req.query.employeeId ?? null,
          purpose: req.query.purpose,
          name,
          data,
        });
        return reply.status(201).send(saved);
      },
    );

    app.get(
      '/api/files/:id',
      {
        config: { access: READERS },
        schema: { tags, summary: 'Unduh berkas (bagi yang boleh melihat pegawainya)', params: FileParams },
      },
      async (req, reply) => {
        const file = await service.download(requireAuth(req), req.params.id);
        return reply
          .type(file.content_type)
          .header('content-disposition', disposition(file.name))
          .header('cache-control', 'private, no-store')
          .send(file.data);
      },
    );

    app.get(
      '/api/my/assessment-tasks',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: 'Tugas penilaian saya (belum dan sudah)',
          response: { 200: AssessmentTasks },
        },
      },
      async (req) => campaigns.myTasks(requireAuth(req)),
    );

    app.get(
      '/api/campaigns',
      {
        config: { access: RUNNERS },
        schema: { tags, summary: 'Kampanye penilaian dengan kemajuannya', response: { 200: CampaignList } },
      },
      async (req) => campaigns.list(requireAuth(req)),
    );

    app.post(
      '/api/campaigns',
      {
        config: { access: RUNNERS },
        schema: {
          tags,
          summary: 'Buat kampanye penilaian: tugas untuk semua pegawai aktif di unit dan bawahannya',
          body: CampaignCreate,
          response: { 201: CampaignDetail },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await campaigns.create(requireAuth(req), actorOf(req), langOf(req), req.body)),
    );

    app.get(
      '/api/campaigns/:id',
      {
        config: { access: RUNNERS },
        schema: {
          tags,
          summary: 'Kampanye: kemajuan per unit dan per sumber',
          params: IdParams,
          response: { 200: CampaignDetail },
        },
      },
      async (req) => campaigns.detail(requireAuth(req), req.params.id),
    );

    app.post(
      '/api/campaigns/:id/remind',
      {
        config: { access: RUNNERS },
        schema: {
          tags,
          summary: 'Kirim pengingat kepada penilai yang belum selesai (sekali dalam 24 jam)',
          params: IdParams,
          response: { 200: RemindResult },
        },
      },
      async (req) => campaigns.remind(requireAuth(req), actorOf(req), req.params.id),
    );

    app.post(
      '/api/campaigns/:id/close',
      {
        config: { access: RUNNERS },
        schema: { tags, summary: 'Tutup kampanye', params: IdParams, response: { 200: CampaignDetail } },
      },
      async (req) => campaigns.close(requireAuth(req), actorOf(req), req.params.id),
    );

    app.get(
      '/api/assessments/import/template.xlsx',
      {
        config: { access: RUNNERS },
        schema: { tags, summary: 'Unduh templat impor hasil assessment center' },
      },
      async (_req, reply) =>
        reply
          .type(XLSX_TYPE)
          .header('content-disposition', `attachment; filename="${AC_SPEC.fileStem}.xlsx"`)
          .send(await acTemplate()),
    );

    app.post(
      '/api/assessments/import',
      {
        config: { access: RUNNERS, upload: true },
        schema: {
          tags,
          summary: 'Impor hasil assessment center (XLSX/CSV)',
          description:
            'Unggah berkas pada field multipart `file`. `dryRun=true`: pratinjau tanpa menyimpan. Satu kesalahan saja: 422 ' +
            '(baris dan kolom disebutkan) dan tidak ada yang disimpan. Hasil yang sama persis tidak ditambahkan lagi.',
          querystring: AcImportQuery,
          response: { 200: AcImportResult },
        },
      },
      async (req) => {
        const ctx = requireAuth(req);
        const result = await withUpload(req, (upload) =>
          runImport(database.pool, acImporter, {
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
  };
