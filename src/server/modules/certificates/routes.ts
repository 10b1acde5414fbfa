import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/audit.js';
import { requireAuth } from '../../http/auth.js';
import {
  CertificateIdParams,
  PublicCertificate,
  RevokeBody,
  RevokeResult,
  VerificationCodeParams,
} from './schemas.js';
import type { CertificateService } from './service.js';

export interface CertificateRouteOptions {
  /** Origin printed in the QR code (PUBLIC_URL); without it the request's own origin. */
  publicUrl: string | null;
}

export const certificateRoutes =
  (service: CertificateService, options: CertificateRouteOptions): FastifyPluginAsyncZod =>
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
      async (req) => service.revoke(requireAuth(req), actorOf(req), req.params.id, req.body.reason),
    );
  };
