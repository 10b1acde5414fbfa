import { z } from 'zod';
import { ROLES } from '../../http/auth.js';
import { PageQuery } from '../../http/pagination.js';

export const RoleGrant = z.object({ role: z.enum(ROLES), unitId: z.uuid().nullable().optional() });

export const User = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  active: z.boolean(),
  locked: z.boolean(),
  employeeNip: z.string().nullable(),
  partnerName: z.string().nullable(),
  roles: z.array(
    z.object({ role: z.enum(ROLES), unitId: z.uuid().nullable(), unitName: z.string().nullable() }),
  ),
  lastLoginAt: z.string().nullable(),
});
export type UserDto = z.infer<typeof User>;

export const UserListQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional(),
  role: z.enum(ROLES).optional(),
});
export const UserList = z.object({ items: z.array(User), total: z.number().int() });

export const UserCreate = z.object({
  username: z
    .string()
    .trim()
    .min(3)
    .max(100)
    .regex(/^[A-Za-z0-9._@-]+$/),
  displayName: z.string().trim().min(2).max(150),
  email: z.email().nullable().optional(),
  password: z.string().min(10).max(200),
  employeeNip: z.string().trim().max(40).nullable().optional(),
  partnerName: z.string().trim().max(200).nullable().optional(),
  roles: z.array(RoleGrant).min(1),
});
export const UserPatch = z.object({
  displayName: z.string().trim().min(2).max(150).optional(),
  email: z.email().nullable().optional(),
  active: z.boolean().optional(),
  unlock: z.boolean().optional(),
  password: z.string().min(10).max(200).optional(),
  employeeNip: z.string().trim().max(40).nullable().optional(),
  partnerName: z.string().trim().max(200).nullable().optional(),
  roles: z.array(RoleGrant).min(1).optional(),
});
