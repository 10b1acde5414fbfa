import { z } from 'zod';
import { EMPLOYEE_STATUSES } from '../../../domain/golongan.js';
import { POSITION_TYPES } from '../../../domain/org.js';
import { PageQuery } from '../../http/pagination.js';

export const EmployeeListQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional(),
  unitId: z.uuid().optional(),
  status: z.enum(EMPLOYEE_STATUSES).optional(),
  golongan: z.string().max(10).optional(),
  positionType: z.enum(POSITION_TYPES).optional(),
  includeInactive: z.enum(['true', 'false']).optional(),
  sort: z.enum(['name', 'nip', 'golongan', 'unit']).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type EmployeeListQueryT = z.infer<typeof EmployeeListQuery>;

export const EmployeeListItem = z.object({
  id: z.uuid(),
  nip: z.string(),
  name: z.string(),
  fullName: z.string(),
  status: z.enum(EMPLOYEE_STATUSES),
  golongan: z.string().nullable(),
  gender: z.enum(['L', 'P']),
  unitId: z.uuid(),
  unitName: z.string(),
  positionId: z.uuid().nullable(),
  positionName: z.string().nullable(),
  positionType: z.string().nullable(),
  active: z.boolean(),
});
export type EmployeeListItemT = z.infer<typeof EmployeeListItem>;

export const EmployeeList = z.object({ items: z.array(EmployeeListItem), total: z.number().int() });

const PersonRef = z.object({ nip: z.string(), fullName: z.string() }).nullable();

export const Assignment = z.object({
  unitId: z.uuid(),
  unitName: z.string(),
  positionId: z.uuid().nullable(),
  positionName: z.string().nullable(),
  golongan: z.string().nullable(),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  note: z.string().nullable(),
});

export const EmployeeDetail = EmployeeListItem.extend({
  frontTitle: z.string().nullable(),
  backTitle: z.string().nullable(),
  appointment: z.string(),
  kind: z.enum(['PNS', 'PPPK']),
  /** Personal data: only for admin, operator and the employee themself. */
  birthDate: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  unitPath: z.array(z.object({ id: z.uuid(), name: z.string() })),
  supervisor: PersonRef,
  subordinateCount: z.number().int(),
  history: z.array(Assignment),
  canEdit: z.boolean(),
});
export type EmployeeDetailT = z.infer<typeof EmployeeDetail>;

export const NipParams = z.object({ nip: z.string().min(1).max(40) });

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const EmployeeCreate = z.object({
  nip: z.string().trim().min(1).max(40),
  name: z.string().trim().min(1).max(150),
  frontTitle: optionalText(50),
  backTitle: optionalText(80),
  status: z.enum(EMPLOYEE_STATUSES),
  golongan: optionalText(10),
  unitId: z.uuid(),
  positionId: z.uuid().nullable().optional(),
  supervisorNip: optionalText(40),
  email: optionalText(200),
  phone: optionalText(30),
});

export const EmployeePatch = EmployeeCreate.omit({ nip: true, unitId: true, positionId: true })
  .partial()
  .extend({
    active: z.boolean().optional(),
  });

export const EmployeeMove = z.object({
  unitId: z.uuid(),
  positionId: z.uuid().nullable(),
  golongan: optionalText(10),
  effectiveFrom: z.iso.date(),
  note: optionalText(300),
});
