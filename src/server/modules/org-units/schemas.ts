import { z } from 'zod';
import { UNIT_KINDS } from '../../../domain/org.js';

export const OrgUnit = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  parentId: z.uuid().nullable(),
  kind: z.enum(UNIT_KINDS),
  active: z.boolean(),
  employeeCount: z.number().int(),
});
export type OrgUnitDto = z.infer<typeof OrgUnit>;

export const OrgUnitList = z.array(OrgUnit);

export const OrgUnitBody = z.object({
  code: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[A-Za-z0-9._-]+$/),
  name: z.string().trim().min(2).max(200),
  parentId: z.uuid().nullable(),
  kind: z.enum(UNIT_KINDS),
  active: z.boolean().default(true),
});
export const OrgUnitPatch = OrgUnitBody.partial();
export const IdParams = z.object({ id: z.uuid() });
