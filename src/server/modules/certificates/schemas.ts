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
