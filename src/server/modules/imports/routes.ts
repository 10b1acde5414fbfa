import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { Database } from '../../db/client.js';
import { actorOf } from '../../http/audit.js';
import { requireAuth } from '../../http/auth.js';
import { langOf, notFound } from '../../http/errors.js';
import { sendXlsx } from '../../http/xlsx.js';
import { SPECS, type ImportKind } from './columns.js';
import { getJob, listJobs, type JobRow } from './jobs.js';
import {
  ImportQuery,
  ImportResultSchema,
  Job,
  JobList,
  JobParams,
  JobStarted,
  TemplateParams,
  type JobDto,
} from './schemas.js';
import { importService } from './service.js';
import { csvTemplate, xlsxTemplate } from './templates.js';
import { acquireImportSlot } from './slots.js';
import { receiveUpload } from './upload.js';
import type { RowError } from '../../http/errors.js';
import { t, type Lang } from '../../http/messages.js';

/** A job stopped by a server restart is told in the reader's language (it was marked without one). */
const resultOf = (j: JobRow, lang: Lang): JobDto['result'] => {
  const r = (j.result as JobDto['result']) ?? null;
  return r?.code === 'import.interrupted' ? { ...r, title: t(lang, 'import.interrupted') } : r;
};

const present = (j: JobRow, lang: Lang): JobDto => ({
  id: j.id,
  kind: j.kind as ImportKind,
  fileName: j.file_name,
  dryRun: j.dry_run === 1,
  status: j.status,
  phase: j.phase,
  processedRows: j.processed_rows,
  totalRows: j.total_rows,
  createdAt: new Date(j.created_at).toISOString(),
  finishedAt: j.finished_at ? new Date(j.finished_at).toISOString() : null,
  result: resultOf(j, lang),
});

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const importRoutes =
  (database: Database): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['imports'];
    const service = importService(database, app.log);
    app.addHook('onClose', async () => service.drain());

    /** Upload, then run now (200) or in the background (202). */
    const importHandler = (kind: ImportKind) => async (req: FastifyRequest, reply: FastifyReply) => {
      const ctx = requireAuth(req);
      const q = req.query as z.output<typeof ImportQuery>; // already parsed by the route schema
      // The slot is held until the import ends, also when it runs in the background.
      const release = acquireImportSlot(ctx.userId);
      let background = false;
      try {
        const upload = await receiveUpload(req);
        const request = { kind, ctx, actor: actorOf(req), lang: langOf(req), dryRun: q.dryRun, ...upload };
        if (q.async) {
          const jobId = await service.start({ ...request, onDone: release });
          background = true;
          return reply.status(202).send({ jobId });
        }
        return reply.status(200).send(await service.runNow(request));
      } finally {
        if (!background) release();
      }
    };

    const importRoute = (
      url: string,
      kind: ImportKind,
      access: readonly ('admin' | 'operator')[],
      summary: string,
    ) =>
      app.post(
        url,
        {
          config: { access, upload: true },
          schema: {
            tags,
            summary,
            description:
              'Unggah berkas CSV atau XLSX pada field multipart `file`. `dryRun=true`: pratinjau tanpa menyimpan. ' +
              '`async=true`: 202 dengan jobId, kemajuan di GET /api/imports/{id}. Satu kesalahan saja: 422 dan tidak ada yang disimpan.',
            querystring: ImportQuery,
            response: { 200: ImportResultSchema, 202: JobStarted },
          },
        },
        importHandler(kind),
      );
    importRoute('/api/employees/import', 'employees', ['admin', 'operator'], 'Impor pegawai (CSV/XLSX)');
    importRoute('/api/org-units/import', 'org-units', ['admin'], 'Impor unit kerja (CSV/XLSX)');
    importRoute('/api/positions/import', 'positions', ['admin'], 'Impor jabatan (CSV/XLSX)');

    app.post(
      '/api/imports/:id/confirm',
      {
        config: { access: ['admin', 'operator'] },
        schema: {
          tags,
          summary: 'Simpan pratinjau impor',
          description:
            'Menyimpan hasil pratinjau (`dryRun=true`) yang berhasil dari berkas yang sudah diunggah, di proses Asah mana pun. ' +
            'Sekali saja: 409 bila sudah disimpan, gagal, atau kedaluwarsa (24 jam). Satu kesalahan saja: 422 dan tidak ada yang disimpan.',
          params: JobParams,
          response: { 200: ImportResultSchema },
        },
      },
      async (req, reply) => {
        const ctx = requireAuth(req);
        const result = await service.confirm({
          ctx,
          actor: actorOf(req),
          lang: langOf(req),
          previewId: req.params.id,
        });
        // Preview rows are typed loosely by the runner; the response schema checks them on the way out.
        return reply.status(200).send(result as z.input<typeof ImportResultSchema>);
      },
    );

    app.get(
      '/api/imports/templates/:kind.:format',
      {
        config: { access: ['admin', 'operator'] },
        schema: { tags, summary: 'Unduh templat impor', params: TemplateParams },
      },
      async (req, reply) => {
        const { kind, format } = req.params;
        const name = `${SPECS[kind].fileStem}.${format}`;
        reply.header('content-disposition', `attachment; filename="${name}"`);
        if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(csvTemplate(kind));
        return reply.type(XLSX_TYPE).send(await xlsxTemplate(kind));
      },
    );

    app.get(
      '/api/imports',
      {
        config: { access: ['admin', 'operator'] },
        schema: { tags, summary: 'Riwayat impor', response: { 200: JobList } },
      },
      async (req) => (await listJobs(database.db, requireAuth(req))).map((j) => present(j, langOf(req))),
    );

    app.get(
      '/api/imports/:id',
      {
        config: { access: ['admin', 'operator'] },
        schema: { tags, summary: 'Status dan hasil satu impor', params: JobParams, response: { 200: Job } },
      },
      async (req) => {
        const job = await getJob(database.db, requireAuth(req), req.params.id);
        if (!job) throw notFound();
        return present(job, langOf(req));
      },
    );

    app.get(
      '/api/imports/:id/errors.xlsx',
      {
        config: { access: ['admin', 'operator'] },
        schema: { tags, summary: 'Unduh daftar kesalahan impor', params: JobParams },
      },
      async (req, reply) => {
        const job = await getJob(database.db, requireAuth(req), req.params.id);
        if (!job) throw notFound();
        const errors = ((job.result?.errors as RowError[] | undefined) ?? []).slice();
        const en = langOf(req) === 'en';
        return sendXlsx(
          reply,
          `kesalahan-impor-${job.id.slice(0, 8)}.xlsx`,
          en ? 'Errors' : 'Kesalahan',
          [
            { header: en ? 'row' : 'baris', value: (e: RowError) => e.row ?? null, width: 8 },
            { header: en ? 'column' : 'kolom', value: (e) => e.column ?? null, width: 18 },
            { header: en ? 'message' : 'pesan', value: (e) => e.message, width: 100 },
          ],
          [errors],
        );
      },
    );
  };
