import { z } from 'zod';
import { Code, Name } from '../../http/schemas.js';
import { POSITION_TYPES } from '../../../domain/org.js';

export const Position = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  type: z.enum(POSITION_TYPES),
  level: z.string().nullable(),
  active: z.boolean(),
  employeeCount: z.number().int(),
});
export type PositionDto = z.infer<typeof Position>;
export const PositionList = z.array(Position);
export const PositionBody = z.object({
  code: Code,
  name: Name,
  type: z.enum(POSITION_TYPES),
  level: z.string().trim().max(40).nullable().optional(),
  active: z.boolean().default(true),
});
export const PositionPatch = PositionBody.partial();
