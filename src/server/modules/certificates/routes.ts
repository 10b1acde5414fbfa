import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/audit.js';
import { requireAuth } from '../../http/auth.js';
import { langOf } from '../../http/errors.js';
import {
  CertificateIdParams,
  ExternalCertificateDto,
  ExternalListQuery,
  ExternalSubmit,
  RejectBody,
  PublicCertificate,
  RevokeBody,
  RevokeResult,
  VerificationCodeParams,
} from './schemas.js';
import type { ExternalCertificateService } from './external.js';
import type { CertificateService } from './service.js';

export interface CertificateRouteOptions {
  /** Origin printed in the QR code (PUBLIC_URL); without it the request's own origin. */
  publicUrl: string | null;
}

export const certificateRoutes =
  (
    service: CertificateService,
    external: ExternalCertificateService,
    options: CertificateRouteOptions,
  ): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['certificates'];
    app.get(
      '/api/certificates/:id.pdf',
      {
        config: { access: ['admin', 'operator', 'atasan', 'pegawai', 'mitra'] },
        schema: {
          tags,
          summary: 'Sertifikat sebagai PDF (A4 mendatar) dengan kode QR ke halaman verifikasi',
          description:
            'Untuk pemegangnya, atasan berjenjangnya, operator OPD-nya, admin, serta penyelenggara/mitra programnya.',
          params: CertificateIdParams,
        },
      },
      async (req, reply) => {
        const origin = options.publicUrl ?? `${req.protocol}://${req.host}`;
        const { bytes, fileName } = await service.pdf(requireAuth(req), req.params.id, origin);
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', `inline; filename="${fileName}"`)
          .header('cache-control', 'private, no-store')
          .send(bytes);
      },
    );
    app.get(
      '/api/public/certificates/:code',
      {
        config: { access: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } },
        schema: {
          tags,
          summary: 'Verifikasi publik sertifikat dari kodenya (tanpa masuk)',
          description:
            'Hanya nama pemegang, program, tanggal, JP, nomor dan status (sah/dicabut). Kode tidak dikenal atau salah bentuk: 404.',
          params: VerificationCodeParams,
          response: { 200: PublicCertificate },
        },
      },
      async (req, reply) => {
        reply.header('cache-control', 'no-store');
        return service.verify(req.params.code);
      },
    );
    app.post(
      '/api/certificates/:id/revoke',
      {
        config: { access: ['admin', 'operator'] },
        schema: {
          tags,
          summary: 'Cabut sertifikat dengan alasan (admin atau operator BKPSDM)',
          params: CertificateIdParams,
          body: RevokeBody,
          response: { 200: RevokeResult },
        },
      },
      async (req) =>
        service.revoke(requireAuth(req), actorOf(req), req.params.id, req.body.reason, langOf(req)),
    );
    const xtags = ['external-certificates'];
    app.post(
      '/api/external-certificates',
      {
        config: { access: ['admin', 'operator', 'atasan', 'pegawai'] },
        schema: {
          tags: xtags,
          summary: 'Ajukan sertifikat dari luar (pegawai untuk dirinya, operator untuk pegawai OPD-nya)',
          body: ExternalSubmit,
          response: { 200: z.object({ id: z.uuid(), status: z.literal('submitted') }) },
        },
      },
      async (req) => external.submit(requireAuth(req), actorOf(req), req.body),
    );
    app.get(
      '/api/external-certificates',
      {
        config: { access: ['admin', 'operator', 'atasan', 'pegawai'] },
        schema: {
          tags: xtags,
          summary: 'Sertifikat luar: operator OPD-nya, admin/BKPSDM semua, pegawai miliknya',
          querystring: ExternalListQuery,
          response: { 200: z.array(ExternalCertificateDto) },
        },
      },
      async (req) => external.list(requireAuth(req), req.query),
    );
    app.post(
      '/api/external-certificates/:id/verify',
      {
        config: { access: ['admin', 'operator'] },
        schema: {
          tags: xtags,
          summary:
            'Terima sertifikat luar: JP dihitung dengan aturan yang berlaku pada tanggal selesai dan dicatat',
          params: CertificateIdParams,
          response: {
            200: z.object({ id: z.uuid(), status: z.literal('verified'), jp: z.number(), basis: z.string() }),
          },
        },
      },
      async (req) => external.verify(requireAuth(req), actorOf(req), req.params.id),
    );
    app.post(
      '/api/external-certificates/:id/reject',
      {
        config: { access: ['admin', 'operator'] },
        schema: {
          tags: xtags,
          summary: 'Tolak sertifikat luar dengan alasan',
          params: CertificateIdParams,
          body: RejectBody,
          response: { 200: z.object({ id: z.uuid(), status: z.literal('rejected') }) },
        },
      },
      async (req) => external.reject(requireAuth(req), actorOf(req), req.params.id, req.body.reason),
    );
  };
