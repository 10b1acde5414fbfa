import { z } from 'zod';
import { Code, Name } from '../../http/schemas.js';
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
  code: Code,
  name: Name,
  parentId: z.uuid().nullable(),
  kind: z.enum(UNIT_KINDS),
  active: z.boolean().default(true),
});
export const OrgUnitPatch = OrgUnitBody.partial();
