import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, tenantId } from './common.js';
import { employees, orgUnits, positions, tenants } from './org.js';
import { users } from './auth.js';
import { files } from './files.js';

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
    evidenceFileId: uuid('evidence_file_id').references(() => files.id, { onDelete: 'set null' }),
    campaignId: uuid('campaign_id').references(() => assessmentCampaigns.id, { onDelete: 'set null' }),
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

/**
 * Required levels per position type (and optionally functional level): the template an admin
 * applies in bulk to the positions of that type, then adjusts per position.
 */
export const competencyTemplates = pgTable(
  'competency_templates',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    positionType: text('position_type').notNull(),
    /** Functional level (jenjang) for fungsional positions; '' for every level of the type. */
    positionLevel: text('position_level').notNull().default(''),
    competencyId: uuid('competency_id')
      .notNull()
      .references(() => competencies.id, { onDelete: 'cascade' }),
    requiredLevel: integer('required_level').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('competency_templates_uq').on(t.tenantId, t.positionType, t.positionLevel, t.competencyId),
    check('competency_templates_level_ck', sql`${t.requiredLevel} between 1 and 5`),
  ],
);

/**
 * An assessment campaign run by an operator for a unit subtree: who assesses whom (self, atasan,
 * peers) between two dates.
 */
export const assessmentCampaigns = pgTable(
  'assessment_campaigns',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    name: text('name').notNull(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    sources: text('sources').array().notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    status: text('status').notNull().default('open'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('assessment_campaigns_tenant_idx').on(t.tenantId, t.startsOn),
    check('assessment_campaigns_status_ck', sql`${t.status} in ('open', 'closed')`),
    check('assessment_campaigns_dates_ck', sql`${t.dueOn} >= ${t.startsOn}`),
  ],
);

/** One task of a campaign: `assessorEmployeeId` assesses `employeeId` as `source`. */
export const campaignAssignments = pgTable(
  'campaign_assignments',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => assessmentCampaigns.id, { onDelete: 'cascade' }),
    employeeId: uuid('employee_id')
      .notNull()
      .references(() => employees.id, { onDelete: 'cascade' }),
    assessorEmployeeId: uuid('assessor_employee_id')
      .notNull()
      .references(() => employees.id, { onDelete: 'cascade' }),
    source: text('source').notNull(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('campaign_assignments_uq').on(t.campaignId, t.employeeId, t.assessorEmployeeId, t.source),
    index('campaign_assignments_assessor_idx').on(t.tenantId, t.assessorEmployeeId, t.completedAt),
    check('campaign_assignments_source_ck', sql`${t.source} in ('self', 'atasan', 'peer')`),
  ],
);

/** Performance (SKP) per employee per year: the score used on the 9-box, with its predikat. */
export const performanceRatings = pgTable(
  'performance_ratings',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    employeeId: uuid('employee_id')
      .notNull()
      .references(() => employees.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    score: numeric('score', { precision: 5, scale: 2, mode: 'number' }).notNull(),
    predikat: text('predikat'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('performance_ratings_uq').on(t.tenantId, t.employeeId, t.year),
    check('performance_ratings_score_ck', sql`${t.score} between 0 and 200`),
    check(
      'performance_ratings_predikat_ck',
      sql`${t.predikat} is null or ${t.predikat} in ('sangat_baik', 'baik', 'butuh_perbaikan', 'kurang', 'sangat_kurang')`,
    ),
  ],
);
