import { sql } from 'drizzle-orm';
import { check, customType, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tenantId } from './common.js';
import { employees, tenants } from './org.js';
import { users } from './auth.js';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/**
 * Small uploaded documents (evidence, certificates, signed agreements), kept in PostgreSQL so a
 * backup of the database is a backup of everything. Size is limited at upload.
 */
export const files = pgTable(
  'files',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    /** Whose document this is, when it belongs to one employee (scopes who may read it). */
    employeeId: uuid('employee_id').references(() => employees.id, { onDelete: 'cascade' }),
    purpose: text('purpose').notNull(),
    name: text('name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    data: bytea('data').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('files_employee_idx').on(t.tenantId, t.employeeId),
    check('files_size_ck', sql`${t.size} >= 0`),
  ],
);

/** In-app notifications (reminders, approvals); the bell in the shell reads these. */
export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    link: text('link'),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('notifications_user_idx').on(t.tenantId, t.userId, t.createdAt)],
);
