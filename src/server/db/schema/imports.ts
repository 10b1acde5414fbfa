import { customType, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
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
    /** The process running the job (`host:pid`): only its own host can tell that it died. */
    runner: text('runner'),
    createdAt: createdAt(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('import_jobs_tenant_idx').on(t.tenantId, t.createdAt)],
);

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/**
 * The uploaded file of an import job, kept in PostgreSQL so that any Asah process can run, or
 * confirm, the job. A preview's file waits a day for its confirmation; a written import's is removed.
 */
export const importUploads = pgTable(
  'import_uploads',
  {
    jobId: uuid('job_id')
      .primaryKey()
      .references(() => importJobs.id, { onDelete: 'cascade' }),
    tenantId: tenantId().references(() => tenants.id),
    size: integer('size').notNull(),
    data: bytea('data').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('import_uploads_created_idx').on(t.createdAt)],
);

/** Request counters of the rate limits, shared by every Asah process on the database. */
export const rateLimits = pgTable(
  'rate_limits',
  {
    key: text('key').primaryKey(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    count: integer('count').notNull(),
  },
  (t) => [index('rate_limits_window_idx').on(t.windowStart)],
);
