import fs from 'node:fs';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.js';
import { actorOf } from '../../http/audit.js';
import { requireAuth } from '../../http/auth.js';
import { langOf } from '../../http/errors.js';
import { guardTextLines } from '../imports/sheet-reader.js';
import { withUpload } from '../imports/upload.js';
import { moodleExport, moodleImport } from './moodle-file.js';
import {
  ActiveBody,
  AdminCompetencyList,
  ApplyResult,
  ApplyTemplate,
  CompetencyDetail,
  CreateCompetency,
  EditCompetency,
  EditResult,
  IdParams,
  Matrix,
  MatrixChanges,
  MatrixQuery,
  MatrixSaved,
  MoodleImportResult,
  PutTemplate,
  StandardsImportResult,
  Template,
  TemplateList,
  UploadQuery,
  VersionList,
} from './schemas.js';
import { competencyAdminService } from './service.js';
import { importStandards, standardsWorkbook } from './standards-file.js';

const ADMIN = ['admin'] as const;
const STANDARD_READERS = ['admin', 'operator', 'pimpinan'] as const;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const UPLOAD_NOTE =
  'Unggah berkas pada field multipart `file`. `dryRun=true`: pratinjau tanpa menyimpan. ' +
  'Satu kesalahan saja: 422 dengan baris dan kolomnya, dan tidak ada yang disimpan.';

export const competencyAdminRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    const service = competencyAdminService(db);
    const tags = ['competency-admin'];

    // ------------------------------------------------------------------------------- dictionary
    app.get(
      '/api/competencies/all',
      {
        config: { access: ADMIN },
        schema: {
          tags,
          summary: 'Kamus kompetensi lengkap (termasuk yang nonaktif)',
          response: { 200: AdminCompetencyList },
        },
      },
      async (req) => service.list(requireAuth(req)),
    );
    app.post(
      '/api/competencies',
      {
        config: { access: ADMIN },
        schema: {
          tags,
          summary: 'Tambah kompetensi (lima level)',
          body: CreateCompetency,
          response: { 201: CompetencyDetail },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await service.create(requireAuth(req), actorOf(req), req.body)),
    );
    app.put(
      '/api/competencies/:id',
      {
        config: { access: ADMIN },
        schema: {
          tags,
          summary: 'Ubah kompetensi: membuat versi baru; penilaian lama tetap pada versinya',
          params: IdParams,
          body: EditCompetency,
          response: { 200: EditResult },
        },
      },
      async (req) => service.edit(requireAuth(req), actorOf(req), req.params.id, req.body),
    );
    app.patch(
      '/api/competencies/:id',
      {
        config: { access: ADMIN },
        schema: {
          tags,
          summary: 'Aktifkan atau nonaktifkan kompetensi',
          params: IdParams,
          body: ActiveBody,
          response: { 200: CompetencyDetail },
        },
      },
      async (req) => service.setActive(requireAuth(req), actorOf(req), req.params.id, req.body.active),
    );
    app.get(
      '/api/competencies/:id/versions',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: 'Riwayat versi kompetensi',
          params: IdParams,
          response: { 200: VersionList },
        },
      },
      async (req) => service.versions(requireAuth(req), req.params.id),
    );

    // ------------------------------------------------------------------------------- Moodle
    app.get(
      '/api/competencies/moodle.csv',
      {
        config: { access: ADMIN },
        schema: {
          tags,
          summary: 'Unduh kamus kompetensi sebagai kerangka kompetensi Moodle (CSV tool_lpimportcsv)',
        },
      },
      async (req, reply) => {
        const { fileName, csv } = await moodleExport(db, requireAuth(req));
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${fileName}"`)
          .send(csv);
      },
    );
    app.post(
      '/api/competencies/moodle',
      {
        config: { access: ADMIN, upload: true },
        schema: {
          tags,
          summary: 'Impor kerangka kompetensi Moodle (CSV)',
          description: UPLOAD_NOTE,
          querystring: UploadQuery,
          response: { 200: MoodleImportResult },
        },
      },
      async (req) => {
        const ctx = requireAuth(req);
        return withUpload(req, async (upload) => {
          await guardTextLines(upload.filePath, langOf(req));
          const text = await fs.promises.readFile(upload.filePath, 'utf8');
          return moodleImport(db, ctx, actorOf(req), text, upload.fileName, req.query.dryRun);
        });
      },
    );

    // ------------------------------------------------------------------------------- templates
    app.get(
      '/api/competency-templates',
      {
        config: { access: STANDARD_READERS },
        schema: {
          tags,
          summary: 'Templat standar per jenis jabatan (tanpa templat: usulan bawaan kelas jabatan)',
          response: { 200: TemplateList },
        },
      },
      async (req) => service.templates(requireAuth(req)),
    );
    app.put(
      '/api/competency-templates',
      {
        config: { access: ADMIN },
        schema: {
          tags,
          summary: 'Simpan satu templat (mengganti semua selnya)',
          body: PutTemplate,
          response: { 200: Template },
        },
      },
      async (req) => service.putTemplate(requireAuth(req), actorOf(req), req.body),
    );
    app.post(
      '/api/competency-templates/apply',
      {
        config: { access: ADMIN },
        schema: {
          tags,
          summary: 'Terapkan templat ke semua jabatan sejenis',
          description:
            '`fill_missing`: hanya mengisi sel yang kosong. `overwrite`: juga menimpa level kompetensi yang ada di templat. Kompetensi lain tidak diubah.',
          body: ApplyTemplate,
          response: { 200: ApplyResult },
        },
      },
      async (req) => service.applyTemplate(requireAuth(req), actorOf(req), req.body),
    );

    // ------------------------------------------------------------------------------- matrix
    app.get(
      '/api/position-standards',
      {
        config: { access: STANDARD_READERS },
        schema: {
          tags,
          summary: 'Matriks standar kompetensi jabatan',
          querystring: MatrixQuery,
          response: { 200: Matrix },
        },
      },
      async (req) => service.matrix(requireAuth(req), req.query),
    );
    app.put(
      '/api/position-standards',
      {
        config: { access: ADMIN },
        schema: {
          tags,
          summary: 'Simpan sekumpulan perubahan sel (null menghapus); semua atau tidak sama sekali',
          body: MatrixChanges,
          response: { 200: MatrixSaved },
        },
      },
      async (req) => service.saveCells(requireAuth(req), actorOf(req), req.body),
    );
    app.get(
      '/api/position-standards.xlsx',
      {
        config: { access: STANDARD_READERS },
        schema: {
          tags,
          summary: 'Unduh matriks standar (XLSX, dengan lembar Petunjuk)',
          querystring: MatrixQuery.omit({ page: true, pageSize: true }),
        },
      },
      async (req, reply) => {
        const buf = await standardsWorkbook(db, service, requireAuth(req), req.query);
        return reply
          .type(XLSX_TYPE)
          .header('content-disposition', 'attachment; filename="standar-kompetensi-jabatan.xlsx"')
          .send(buf);
      },
    );
    app.post(
      '/api/position-standards/import',
      {
        config: { access: ADMIN, upload: true },
        schema: {
          tags,
          summary: 'Impor matriks standar (XLSX)',
          description: UPLOAD_NOTE,
          querystring: UploadQuery,
          response: { 200: StandardsImportResult },
        },
      },
      async (req) => {
        const ctx = requireAuth(req);
        return withUpload(req, (upload) =>
          importStandards(db, ctx, actorOf(req), langOf(req), upload, req.query.dryRun),
        );
      },
    );
  };
