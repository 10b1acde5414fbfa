import { z } from 'zod';

/** Codes of units and positions as offices write them: letters, digits, dot, dash, underscore. */
export const Code = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9._-]+$/);

export const Name = z.string().trim().min(2).max(200);

export const IdParams = z.object({ id: z.uuid() });
