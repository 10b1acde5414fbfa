import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
  foreignKey,
} from 'drizzle-orm/pg-core';
import { createdAt, id, tenantId, updatedAt } from './common.js';

export const tenants = pgTable(
  'tenants',
  {
    id: id(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    timeZone: text('time_zone').notNull().default('Asia/Jayapura'),
    settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
    /** The platform tenant: holds only platform administrators, never employees. */
    platform: boolean('platform').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('tenants_code_uq').on(t.code)],
);

export const orgUnits = pgTable(
  'org_units',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    parentId: uuid('parent_id'),
    code: text('code').notNull(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    /** Materialised path of ids from the root, "/<id>/<id>/", for subtree queries. */
    path: text('path').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('org_units_tenant_code_uq').on(t.tenantId, t.code),
    index('org_units_path_idx').using('btree', t.tenantId, sql`${t.path} text_pattern_ops`),
    index('org_units_parent_idx').on(t.tenantId, t.parentId),
    foreignKey({ columns: [t.parentId], foreignColumns: [t.id] }),
  ],
);

export const positions = pgTable(
  'positions',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    type: text('type').notNull(),
    level: text('level'),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('positions_tenant_code_uq').on(t.tenantId, t.code),
    index('positions_tenant_name_idx').on(t.tenantId, sql`lower(${t.name})`),
  ],
);

export const employees = pgTable(
  'employees',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    nip: text('nip').notNull(),
    name: text('name').notNull(),
    frontTitle: text('front_title'),
    backTitle: text('back_title'),
    status: text('status').notNull(),
    golongan: text('golongan'),
    gender: text('gender').notNull(),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    /** TMT of appointment as decoded from the NIP: yyyy-mm (PNS) or yyyy (PPPK). */
    appointment: text('appointment').notNull(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    positionId: uuid('position_id').references(() => positions.id),
    supervisorId: uuid('supervisor_id'),
    email: text('email'),
    phone: text('phone'),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('employees_tenant_nip_uq').on(t.tenantId, t.nip),
    index('employees_unit_idx').on(t.tenantId, t.unitId),
    index('employees_supervisor_idx').on(t.tenantId, t.supervisorId),
    // Holders of a position (standards matrix counts, the position's people).
    index('employees_position_idx').on(t.tenantId, t.positionId),
    index('employees_name_trgm_idx').using('gin', sql`lower(${t.name}) gin_trgm_ops`),
    // The list's default order (name, then NIP) straight from the index: the first page needs no sort.
    index('employees_list_name_idx').on(t.tenantId, t.name, t.nip),
    // NIP prefix search ("1985…") under any database collation.
    index('employees_nip_prefix_idx').using('btree', t.tenantId, sql`${t.nip} text_pattern_ops`),
    foreignKey({ columns: [t.supervisorId], foreignColumns: [t.id] }).onDelete('set null'),
  ],
);

/** History of an employee's unit and position, each row valid from its effective date. */
export const employeeAssignments = pgTable(
  'employee_assignments',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    employeeId: uuid('employee_id')
      .notNull()
      .references(() => employees.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    positionId: uuid('position_id').references(() => positions.id),
    golongan: text('golongan'),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    effectiveTo: date('effective_to', { mode: 'string' }),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [index('employee_assignments_emp_idx').on(t.tenantId, t.employeeId, t.effectiveFrom)],
);
