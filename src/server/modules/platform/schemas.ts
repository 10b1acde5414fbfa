import { z } from 'zod';
import { validZone } from '../../../domain/tenant.js';

/** Codes reserved by Asah itself (the platform tenant). */
export const RESERVED_TENANT_CODES = ['platform'];

export const TenantCode = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9-]{1,29}$/, {
    message: '2–30 huruf kecil, angka atau tanda hubung, diawali huruf atau angka',
  })
  .refine((c) => !RESERVED_TENANT_CODES.includes(c), { message: 'Kode ini dicadangkan oleh Asah' });

export const TenantName = z.string().trim().min(3).max(200);
export const TimeZone = z
  .string()
  .refine(validZone, { message: 'Zona waktu tidak dikenal (mis. Asia/Jakarta)' });

export const FirstAdmin = z.object({
  username: z.string().trim().min(3).max(100),
  displayName: z.string().trim().min(2).max(200),
  password: z.string().min(10).max(200),
});

export const PlatformTenantCreate = z.object({
  code: TenantCode,
  name: TenantName,
  timeZone: TimeZone.default('Asia/Jayapura'),
  admin: FirstAdmin,
});
export type PlatformTenantCreateT = z.infer<typeof PlatformTenantCreate>;

/** What the platform administrator sees of a tenant: no personal data, only counts. */
export const PlatformTenant = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  timeZone: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
  users: z.number().int(),
  employees: z.number().int(),
});
export const PlatformTenantList = z.object({ items: z.array(PlatformTenant) });
