import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, tenantId } from './common.js';
import { employees, positions, tenants } from './org.js';
import { users } from './auth.js';

/** One level of a competency as described in the dictionary (kamus kompetensi). */
export interface CompetencyLevelText {
  level: number;
  title: string;
  description: string;
  indicators: string[];
}

/** A competency of the tenant's dictionary: M (manajerial), SK (sosial kultural) or T (teknis). */
export const competencies = pgTable(
  'competencies',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    code: text('code').notNull(),
    group: text('group').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('competencies_tenant_code_uq').on(t.tenantId, t.code),
    check('competencies_group_ck', sql`${t.group} in ('M', 'SK', 'T')`),
  ],
);

/**
 * The wording of a competency. An edit makes a new version, so past assessments keep the text
 * they were assessed against; the current version is the highest one already in effect.
 */
export const competencyVersions = pgTable(
  'competency_versions',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    competencyId: uuid('competency_id')
      .notNull()
      .references(() => competencies.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    name: text('name').notNull(),
    definition: text('definition').notNull(),
    levels: jsonb('levels').$type<CompetencyLevelText[]>().notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('competency_versions_uq').on(t.tenantId, t.competencyId, t.version),
    check('competency_versions_version_ck', sql`${t.version} >= 1`),
  ],
);

/** Required level of a competency for a position (the agency's SKJ). */
export const positionStandards = pgTable(
  'position_standards',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    positionId: uuid('position_id')
      .notNull()
      .references(() => positions.id, { onDelete: 'cascade' }),
    competencyId: uuid('competency_id')
      .notNull()
      .references(() => competencies.id, { onDelete: 'cascade' }),
    requiredLevel: integer('required_level').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('position_standards_uq').on(t.tenantId, t.positionId, t.competencyId),
    index('position_standards_competency_idx').on(t.tenantId, t.competencyId),
    check('position_standards_level_ck', sql`${t.requiredLevel} between 1 and 5`),
  ],
);

/** One assessment of one employee's competency by one source. */
export const assessments = pgTable(
  'assessments',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    employeeId: uuid('employee_id')
      .notNull()
      .references(() => employees.id, { onDelete: 'cascade' }),
    competencyId: uuid('competency_id')
      .notNull()
      .references(() => competencies.id),
    competencyVersionId: uuid('competency_version_id')
      .notNull()
      .references(() => competencyVersions.id),
    source: text('source').notNull(),
    level: integer('level').notNull(),
    assessedOn: date('assessed_on', { mode: 'string' }).notNull(),
    assessorUserId: uuid('assessor_user_id').references(() => users.id, { onDelete: 'set null' }),
    assessorEmployeeId: uuid('assessor_employee_id').references(() => employees.id, {
      onDelete: 'set null',
    }),
    evidenceNote: text('evidence_note'),
    createdAt: createdAt(),
  },
  (t) => [
    index('assessments_emp_comp_idx').on(t.tenantId, t.employeeId, t.competencyId, t.assessedOn),
    check('assessments_level_ck', sql`${t.level} between 1 and 5`),
    check(
      'assessments_source_ck',
      sql`${t.source} in ('self', 'atasan', 'peer', 'assessment_center', 'test')`,
    ),
  ],
);
