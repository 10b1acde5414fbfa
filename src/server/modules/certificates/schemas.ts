import { z } from 'zod';

export const CertificateIdParams = z.object({ id: z.uuid() });
/** Any text: a malformed code is answered like an unknown one (404), never with a validation hint. */
export const VerificationCodeParams = z.object({ code: z.string() });

export const PublicCertificate = z.object({
  number: z.string(),
  holderName: z.string(),
  programTitle: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  jp: z.number(),
  status: z.enum(['valid', 'revoked']),
  /** The issuing tenant's name, e.g. "Pemerintah Kota Ambon". */
  issuer: z.string(),
});
export type PublicCertificateT = z.infer<typeof PublicCertificate>;

export const RevokeBody = z.object({ reason: z.string().trim().min(3).max(500) });

export const RevokeResult = z.object({
  id: z.uuid(),
  number: z.string(),
  status: z.literal('revoked'),
  revokedAt: z.string(),
  revokedReason: z.string(),
});

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const ExternalSubmit = z
  .object({
    /** An operator submits for an employee of their OPD; without it: the caller themself. */
    nip: z.string().min(1).max(40).optional(),
    title: z.string().trim().min(3).max(300),
    provider: z.string().trim().min(2).max(200),
    form: z.string().min(1).max(10),
    scope: z.enum(['nasional', 'internasional']).default('nasional'),
    startsOn: isoDate,
    endsOn: isoDate,
    /** The scanned certificate (PDF/JPG/PNG), uploaded first with `POST /api/files?purpose=external_certificate`. */
    fileId: z.uuid(),
    /** What the JP rule of the form needs: JP on the certificate, hours per day, session dates … */
    claim: z
      .object({
        days: z.number().positive().max(3660).optional(),
        scheduledMinutes: z.number().positive().optional(),
        scheduledJp: z.number().positive().max(10000).optional(),
        semesters: z.number().int().positive().max(20).optional(),
        sessions: z.array(isoDate).max(500).optional(),
        dailyHours: z.array(z.number().positive().max(24)).max(3660).optional(),
      })
      .default({}),
  })
  .refine((b) => b.endsOn >= b.startsOn, {
    path: ['endsOn'],
    params: {
      id: 'Tanggal selesai tidak boleh sebelum tanggal mulai.',
      en: 'The end date cannot be before the start date.',
    },
  });
export type ExternalSubmitT = z.infer<typeof ExternalSubmit>;

export const ExternalListQuery = z.object({
  status: z.enum(['submitted', 'verified', 'rejected']).optional(),
});
export type ExternalListQueryT = z.infer<typeof ExternalListQuery>;

export const ExternalCertificateDto = z.object({
  id: z.uuid(),
  nip: z.string(),
  name: z.string(),
  title: z.string(),
  provider: z.string(),
  form: z.string(),
  scope: z.enum(['nasional', 'internasional']),
  startsOn: z.string(),
  endsOn: z.string(),
  claim: z.record(z.string(), z.unknown()),
  status: z.enum(['submitted', 'verified', 'rejected']),
  rejectReason: z.string().nullable(),
  jp: z.number().nullable(),
  /** The scanned certificate, downloadable at `/api/files/{fileId}` by whoever may read the employee. */
  fileId: z.uuid().nullable(),
  fileName: z.string().nullable(),
});

export const RejectBody = z.object({ reason: z.string().trim().min(3).max(500) });
