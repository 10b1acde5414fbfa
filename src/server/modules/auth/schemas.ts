import { z } from 'zod';
import { ROLES } from '../../http/auth.js';

export const LoginBody = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
});

export const Me = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(ROLES)),
  operatorUnitIds: z.array(z.uuid()),
  nip: z.string().nullable(),
  locale: z.enum(['id', 'en']),
  tenantId: z.uuid(),
  /** The tenant's IANA time zone: the web shows dates and times in it. */
  timeZone: z.string(),
  /** The city where the instansi sits: programmes elsewhere expect travel and lodging. */
  homeCity: z.string(),
  platformAdmin: z.boolean(),
});

export const PasswordBody = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(10).max(200),
});

export const LocaleBody = z.object({ locale: z.enum(['id', 'en']) });
export const Ok = z.object({ ok: z.literal(true) });
