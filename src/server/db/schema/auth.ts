import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tenantId, updatedAt } from './common.js';
import { employees, orgUnits, tenants } from './org.js';

export const users = pgTable(
  'users',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    /** Sign-in name; the NIP for ASN. Unique across tenants because sign-in names no tenant. */
    username: text('username').notNull(),
    passwordHash: text('password_hash').notNull(),
    displayName: text('display_name').notNull(),
    employeeId: uuid('employee_id').references(() => employees.id, { onDelete: 'set null' }),
    partnerName: text('partner_name'),
    email: text('email'),
    active: boolean('active').notNull().default(true),
    /** Platform administrator: lists and creates tenants, reads no tenant's data. */
    platformAdmin: boolean('platform_admin').notNull().default(false),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    locale: text('locale').notNull().default('id'),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('users_username_uq').on(sql`lower(${t.username})`),
    index('users_tenant_idx').on(t.tenantId),
    index('users_employee_idx').on(t.employeeId),
  ],
);

export const userRoles = pgTable(
  'user_roles',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    /** Operators: the root of the OPD subtree they manage. */
    unitId: uuid('unit_id').references(() => orgUnits.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('user_roles_uq').on(t.tenantId, t.userId, t.role, sql`coalesce(${t.unitId}::text, '')`),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the token held in the cookie; the token itself is never stored. */
    id: text('id').primaryKey(),
    tenantId: tenantId().references(() => tenants.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);
