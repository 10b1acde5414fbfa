import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tenantId } from './common.js';
import { tenants } from './org.js';

/** An import run: its progress survives a page reload, and its result can be read back. */
export const importJobs = pgTable(
  'import_jobs',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    userId: uuid('user_id').notNull(),
    kind: text('kind').notNull(),
    fileName: text('file_name').notNull(),
    dryRun: integer('dry_run').notNull().default(0),
    status: text('status').notNull(),
    phase: text('phase').notNull().default('reading'),
    totalRows: integer('total_rows').notNull().default(0),
    processedRows: integer('processed_rows').notNull().default(0),
    result: jsonb('result'),
    createdAt: createdAt(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('import_jobs_tenant_idx').on(t.tenantId, t.createdAt)],
);
