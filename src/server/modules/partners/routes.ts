import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/audit.js';
import { requireAuth } from '../../http/auth.js';
import { AppError, langOf } from '../../http/errors.js';
import { IdParams } from '../../http/schemas.js';
import { fieldErrors, text } from '../programs/texts.js';
import {
  Agreement,
  AgreementInput,
  AgreementList,
  AgreementListQuery,
  AgreementPatch,
  ContributionInput,
  ContributionList,
  MemberInput,
  MemberParams,
  PartnerDetail,
  PartnerInput,
  PartnerList,
  PartnerListQuery,
  PartnerPatch,
  RemindResult,
} from './schemas.js';
import { MAX_AGREEMENT_MB, type PartnerService } from './service.js';

const READERS = ['admin', 'operator', 'pimpinan', 'mitra'] as const;
/** Admins and operators pass the route; the service lets only admins and BKPSDM operators write. */
const MANAGERS = ['admin', 'operator'] as const;

const disposition = (name: string) =>
  `attachment; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;

export const partnerRoutes =
  (service: PartnerService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['partners'];
    app.get(
      '/api/partners',
      {
        config: { access: READERS },
        schema: {
          tags,
          summary: 'Daftar mitra (mitra hanya melihat mitranya sendiri)',
          querystring: PartnerListQuery,
          response: { 200: PartnerList },
        },
      },
      async (req) => service.list(requireAuth(req), req.query),
    );
    app.get(
      '/api/partners/:id',
      {
        config: { access: READERS },
        schema: {
          tags,
          summary: 'Mitra dengan pengguna, perjanjian dan kontribusinya',
          params: IdParams,
          response: { 200: PartnerDetail },
        },
      },
      async (req) => service.detail(requireAuth(req), req.params.id),
    );
    app.post(
      '/api/partners',
      {
        config: { access: MANAGERS },
        schema: {
          tags,
          summary: 'Tambah mitra (admin, operator BKPSDM)',
          body: PartnerInput,
          response: { 200: PartnerDetail },
        },
      },
      async (req) => service.create(requireAuth(req), actorOf(req), langOf(req), req.body),
    );
    app.patch(
      '/api/partners/:id',
      {
        config: { access: MANAGERS },
        schema: {
          tags,
          summary: 'Ubah atau nonaktifkan mitra (admin, operator BKPSDM)',
          params: IdParams,
          body: PartnerPatch,
          response: { 200: PartnerDetail },
        },
      },
      async (req) => service.update(requireAuth(req), actorOf(req), langOf(req), req.params.id, req.body),
    );
    app.post(
      '/api/partners/:id/members',
      {
        config: { access: ['admin'] },
        schema: {
          tags,
          summary: 'Hubungkan pengguna berperan mitra dengan mitra ini',
          params: IdParams,
          body: MemberInput,
          response: { 200: PartnerDetail },
        },
      },
      async (req) =>
        service.addMember(requireAuth(req), actorOf(req), langOf(req), req.params.id, req.body.username),
    );
    app.delete(
      '/api/partners/:id/members/:userId',
      {
        config: { access: ['admin'] },
        schema: {
          tags,
          summary: 'Lepaskan pengguna dari mitra ini',
          params: MemberParams,
          response: { 200: PartnerDetail },
        },
      },
      async (req) => service.removeMember(requireAuth(req), actorOf(req), req.params.id, req.params.userId),
    );

    app.get(
      '/api/agreements',
      {
        config: { access: READERS },
        schema: {
          tags,
          summary: 'Perjanjian (MoU/PKS) dengan statusnya: berlaku, segera berakhir, berakhir',
          querystring: AgreementListQuery,
          response: { 200: AgreementList },
        },
      },
      async (req) => service.listAgreements(requireAuth(req), req.query),
    );
    app.post(
      '/api/partners/:id/agreements',
      {
        config: { access: MANAGERS },
        schema: {
          tags,
          summary: 'Tambah perjanjian (MoU/PKS) dengan mitra',
          params: IdParams,
          body: AgreementInput,
          response: { 200: Agreement },
        },
      },
      async (req) =>
        service.createAgreement(requireAuth(req), actorOf(req), langOf(req), req.params.id, req.body),
    );
    app.patch(
      '/api/agreements/:id',
      {
        config: { access: MANAGERS },
        schema: {
          tags,
          summary: 'Ubah perjanjian',
          params: IdParams,
          body: AgreementPatch,
          response: { 200: Agreement },
        },
      },
      async (req) =>
        service.updateAgreement(requireAuth(req), actorOf(req), langOf(req), req.params.id, req.body),
    );
    app.post(
      '/api/agreements/:id/document',
      {
        config: { access: MANAGERS, upload: true },
        schema: {
          tags,
          summary: `Unggah dokumen perjanjian yang ditandatangani (PDF, maksimal ${MAX_AGREEMENT_MB} MB) pada field multipart \`file\``,
          params: IdParams,
          response: { 200: Agreement },
        },
      },
      async (req) => {
        const lang = langOf(req);
        return service.uploadDocument(requireAuth(req), actorOf(req), lang, req.params.id, async () => {
          if (!req.isMultipart()) return null;
          try {
            const part = await req.file({ limits: { fileSize: MAX_AGREEMENT_MB * 1024 * 1024, files: 1 } });
            if (!part || part.fieldname !== 'file') {
              part?.file.resume();
              return null;
            }
            return { name: part.filename || '', data: await part.toBuffer() };
          } catch (e) {
            if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
              throw new AppError('import.tooLarge', { mb: MAX_AGREEMENT_MB });
            throw fieldErrors([{ field: 'file', message: text(lang, 'fileMissing') }]);
          }
        });
      },
    );
    app.get(
      '/api/agreements/:id/document',
      {
        config: { access: READERS },
        schema: { tags, summary: 'Unduh dokumen perjanjian', params: IdParams },
      },
      async (req, reply) => {
        const f = await service.downloadDocument(requireAuth(req), req.params.id);
        return reply
          .type('application/pdf')
          .header('content-disposition', disposition(f.name))
          .header('cache-control', 'private, no-store')
          .send(f.data);
      },
    );
    app.post(
      '/api/agreements/remind',
      {
        config: { access: ['admin'] },
        schema: {
          tags,
          summary: 'Kirim pengingat perjanjian yang memasuki masa pengingat (sekali per perjanjian)',
          response: { 200: RemindResult },
        },
      },
      async (req) => service.remind(requireAuth(req)),
    );

    app.get(
      '/api/partners/:id/contributions',
      {
        config: { access: READERS },
        schema: {
          tags,
          summary: 'Kontribusi mitra dengan jumlah per tahun dan per jenis',
          params: IdParams,
          response: { 200: ContributionList },
        },
      },
      async (req) => service.listContributions(requireAuth(req), req.params.id),
    );
    app.post(
      '/api/partners/:id/contributions',
      {
        config: { access: MANAGERS },
        schema: {
          tags,
          summary: 'Catat kontribusi mitra (nilai dalam rupiah)',
          params: IdParams,
          body: ContributionInput,
          response: { 200: ContributionList },
        },
      },
      async (req) =>
        service.createContribution(requireAuth(req), actorOf(req), langOf(req), req.params.id, req.body),
    );
    app.delete(
      '/api/contributions/:id',
      {
        config: { access: MANAGERS },
        schema: {
          tags,
          summary: 'Hapus catatan kontribusi',
          params: IdParams,
          response: { 200: z.object({ deleted: z.number().int() }) },
        },
      },
      async (req) => service.deleteContribution(requireAuth(req), actorOf(req), req.params.id),
    );
  };
