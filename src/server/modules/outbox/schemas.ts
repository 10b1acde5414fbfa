import { z } from 'zod';
import { PageQuery, pageResult } from '../../http/pagination.js';

export const MAIL_STATUSES = ['pending', 'sent', 'failed', 'not_sent'] as const;
export const Mail = z.object({
  id: z.uuid(),
  toAddress: z.string(),
  subject: z.string(),
  body: z.string(),
  status: z.enum(MAIL_STATUSES),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  sentAt: z.string().nullable(),
  createdAt: z.string(),
});
export const OutboxQuery = PageQuery.extend({ status: z.enum(MAIL_STATUSES).optional() });
export const Outbox = pageResult(Mail).extend({ smtp: z.boolean() });
export const SendResult = z.object({
  sent: z.number().int(),
  failed: z.number().int(),
  retrying: z.number().int(),
});
export type OutboxQueryT = z.infer<typeof OutboxQuery>;
export type MailStatus = (typeof MAIL_STATUSES)[number];
