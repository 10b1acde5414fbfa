import { sql } from 'drizzle-orm';
import {
  bigint,
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
import { createdAt, id, tenantId, updatedAt } from './common.js';
import { employees, orgUnits, tenants } from './org.js';
import { users } from './auth.js';
import { files } from './files.js';
import { assessments, competencies } from './competency.js';

const rupiah = (name: string) => bigint(name, { mode: 'number' }).notNull().default(0);
const jp = (name: string) => numeric(name, { precision: 7, scale: 2, mode: 'number' });

/**
 * A JP conversion rule set as published by regulation (e.g. Perlan 10/2018): the annual target,
 * minutes per JP and the conversion row of every development form, in effect from a date. Rules
 * are data, never constants in code; a new regulation is a new row, old records keep theirs.
 */
export const jpRuleSets = pgTable(
  'jp_rule_sets',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    code: text('code').notNull(),
    regulation: text('regulation').notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    annualTargetJp: integer('annual_target_jp').notNull(),
    minutesPerJp: integer('minutes_per_jp').notNull(),
    /** The serialised rule set (forms and their nasional/internasional rules). */
    rules: jsonb('rules').$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('jp_rule_sets_code_uq').on(t.tenantId, t.code),
    uniqueIndex('jp_rule_sets_effective_uq').on(t.tenantId, t.effectiveFrom),
    check('jp_rule_sets_target_ck', sql`${t.annualTargetJp} > 0 and ${t.minutesPerJp} > 0`),
  ],
);

/** A partner: university, polytechnic, company, BUMN/BUMD, government training body, NGO. */
export const partners = pgTable(
  'partners',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    address: text('address'),
    contactName: text('contact_name'),
    contactEmail: text('contact_email'),
    contactPhone: text('contact_phone'),
    website: text('website'),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('partners_tenant_name_uq').on(t.tenantId, sql`lower(${t.name})`),
    check(
      'partners_kind_ck',
      sql`${t.kind} in ('universitas', 'politeknik', 'swasta', 'bumn_bumd', 'pemerintah', 'lsm', 'lainnya')`,
    ),
  ],
);

/** Users acting for a partner (role mitra): they manage only that partner's programmes. */
export const partnerMembers = pgTable(
  'partner_members',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('partner_members_uq').on(t.tenantId, t.userId, t.partnerId),
    index('partner_members_partner_idx').on(t.tenantId, t.partnerId),
  ],
);

/** An agreement (MoU or PKS) with a partner, with the signed document and an expiry reminder. */
export const partnerAgreements = pgTable(
  'partner_agreements',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    number: text('number').notNull(),
    title: text('title').notNull(),
    /** The other signing parties besides the Pemerintah Kota and the partner, if any. */
    parties: text('parties'),
    scope: text('scope').notNull().default(''),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    documentFileId: uuid('document_file_id').references(() => files.id, { onDelete: 'set null' }),
    /** Days before the end date when the reminder goes out. */
    remindDaysBefore: integer('remind_days_before').notNull().default(60),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('partner_agreements_number_uq').on(t.tenantId, t.number),
    index('partner_agreements_partner_idx').on(t.tenantId, t.partnerId),
    index('partner_agreements_ends_idx').on(t.tenantId, t.endsOn),
    check('partner_agreements_kind_ck', sql`${t.kind} in ('mou', 'pks')`),
    check('partner_agreements_dates_ck', sql`${t.endsOn} >= ${t.startsOn}`),
    check('partner_agreements_remind_ck', sql`${t.remindDaysBefore} between 0 and 365`),
  ],
);

/**
 * A programme in the catalog: one development activity of one form (domain.md §1.2), with target
 * competencies, JP, cost per participant, capacity, eligibility and one or more sessions.
 */
export const programs = pgTable(
  'programs',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    code: text('code').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    /** Development form code (A1…C13) from the forms table in src/domain/learning/forms.ts. */
    form: text('form').notNull(),
    scope: text('scope').notNull().default('nasional'),
    /** Partner providing it, if any; otherwise the provider's name as text (e.g. BKPSDM itself). */
    partnerId: uuid('partner_id').references(() => partners.id, { onDelete: 'set null' }),
    providerName: text('provider_name').notNull().default(''),
    /** Unit organising it (BKPSDM or an OPD); operators of that unit manage it. */
    organiserUnitId: uuid('organiser_unit_id').references(() => orgUnits.id),
    /** JP planned by the organiser for "as scheduled" forms; other forms compute JP from sessions. */
    scheduledJp: jp('scheduled_jp'),
    /** JP as computed by the rule set in effect, with its explanation in Bahasa Indonesia and English. */
    jp: jp('jp').notNull().default(0),
    jpBasis: text('jp_basis').notNull().default(''),
    jpBasisEn: text('jp_basis_en').notNull().default(''),
    jpRuleSetId: uuid('jp_rule_set_id').references(() => jpRuleSets.id),
    costFee: rupiah('cost_fee'),
    costTravel: rupiah('cost_travel'),
    costLodging: rupiah('cost_lodging'),
    capacity: integer('capacity').notNull(),
    eligiblePositionTypes: text('eligible_position_types')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    eligibleGolongan: text('eligible_golongan')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    city: text('city').notNull().default('Ambon'),
    /** Completion rule: minimum attendance share (percent) and post-test pass mark (0–100). */
    minAttendancePct: integer('min_attendance_pct').notNull().default(80),
    postTestPassMark: numeric('post_test_pass_mark', { precision: 5, scale: 2, mode: 'number' }),
    status: text('status').notNull().default('draft'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('programs_tenant_code_uq').on(t.tenantId, t.code),
    index('programs_partner_idx').on(t.tenantId, t.partnerId),
    index('programs_title_idx').on(t.tenantId, sql`lower(${t.title})`),
    check('programs_scope_ck', sql`${t.scope} in ('nasional', 'internasional')`),
    check('programs_status_ck', sql`${t.status} in ('draft', 'published', 'closed', 'cancelled')`),
    check('programs_capacity_ck', sql`${t.capacity} between 1 and 10000`),
    check(
      'programs_cost_ck',
      sql`${t.costFee} >= 0 and ${t.costTravel} >= 0 and ${t.costLodging} >= 0 and ${t.jp} >= 0`,
    ),
    check('programs_attendance_ck', sql`${t.minAttendancePct} between 0 and 100`),
  ],
);

/** A competency a programme develops, with the level gain it expects. */
export const programCompetencies = pgTable(
  'program_competencies',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    competencyId: uuid('competency_id')
      .notNull()
      .references(() => competencies.id, { onDelete: 'cascade' }),
    expectedGain: integer('expected_gain').notNull().default(1),
  },
  (t) => [
    uniqueIndex('program_competencies_uq').on(t.programId, t.competencyId),
    index('program_competencies_competency_idx').on(t.tenantId, t.competencyId),
    check('program_competencies_gain_ck', sql`${t.expectedGain} between 1 and 4`),
  ],
);

/** One meeting of a programme: date and time, venue or online link, and the QR check-in secret. */
export const programSessions = pgTable(
  'program_sessions',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    title: text('title').notNull().default(''),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    venue: text('venue'),
    onlineUrl: text('online_url'),
    /** Secret for the rotating check-in code; never sent to participants. */
    checkinSecret: text('checkin_secret')
      .notNull()
      .default(sql`replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '')`),
    createdAt: createdAt(),
  },
  (t) => [
    index('program_sessions_program_idx').on(t.tenantId, t.programId, t.startsAt),
    index('program_sessions_starts_idx').on(t.tenantId, t.startsAt),
    check('program_sessions_time_ck', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

/**
 * An employee's enrolment in a programme and its way through approval: requested or nominated,
 * approved by the atasan, then by BKPSDM; a seat or the waitlist; completion and test scores.
 */
export const enrollments = pgTable(
  'enrollments',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    employeeId: uuid('employee_id')
      .notNull()
      .references(() => employees.id, { onDelete: 'cascade' }),
    status: text('status').notNull(),
    /** Who started it: the pegawai's request, or a nomination by an operator or atasan. */
    origin: text('origin').notNull(),
    requestedBy: uuid('requested_by').references(() => users.id, { onDelete: 'set null' }),
    reason: text('reason'),
    atasanDecidedBy: uuid('atasan_decided_by').references(() => users.id, { onDelete: 'set null' }),
    atasanDecidedAt: timestamp('atasan_decided_at', { withTimezone: true }),
    bkpsdmDecidedBy: uuid('bkpsdm_decided_by').references(() => users.id, { onDelete: 'set null' }),
    bkpsdmDecidedAt: timestamp('bkpsdm_decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
    /** Order on the waitlist (lower first); null when not waitlisted. */
    waitlistedAt: timestamp('waitlisted_at', { withTimezone: true }),
    replacesEnrollmentId: uuid('replaces_enrollment_id'),
    preTestScore: numeric('pre_test_score', { precision: 5, scale: 2, mode: 'number' }),
    postTestScore: numeric('post_test_score', { precision: 5, scale: 2, mode: 'number' }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // One active enrolment per person per programme; cancelled/rejected ones stay as history.
    uniqueIndex('enrollments_active_uq')
      .on(t.tenantId, t.programId, t.employeeId)
      .where(sql`${t.status} not in ('cancelled', 'rejected')`),
    index('enrollments_program_idx').on(t.tenantId, t.programId, t.status),
    index('enrollments_employee_idx').on(t.tenantId, t.employeeId),
    // The approvals queue reads only the requests still waiting for a decision.
    index('enrollments_pending_idx')
      .on(t.tenantId, t.status, t.createdAt)
      .where(sql`${t.status} in ('pending_atasan', 'pending_bkpsdm')`),
    check(
      'enrollments_status_ck',
      sql`${t.status} in ('pending_atasan', 'pending_bkpsdm', 'approved', 'waitlisted', 'rejected', 'cancelled', 'completed', 'not_completed')`,
    ),
    check('enrollments_origin_ck', sql`${t.origin} in ('self', 'operator', 'atasan')`),
    check(
      'enrollments_scores_ck',
      sql`(${t.preTestScore} is null or ${t.preTestScore} between 0 and 100) and (${t.postTestScore} is null or ${t.postTestScore} between 0 and 100)`,
    ),
  ],
);

/** Attendance of one enrolled participant at one session, marked by the organiser or by QR. */
export const attendance = pgTable(
  'attendance',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => programSessions.id, { onDelete: 'cascade' }),
    enrollmentId: uuid('enrollment_id')
      .notNull()
      .references(() => enrollments.id, { onDelete: 'cascade' }),
    status: text('status').notNull(),
    method: text('method').notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('attendance_uq').on(t.sessionId, t.enrollmentId),
    index('attendance_enrollment_idx').on(t.tenantId, t.enrollmentId),
    check('attendance_status_ck', sql`${t.status} in ('hadir', 'izin', 'sakit', 'alpa')`),
    check('attendance_method_ck', sql`${t.method} in ('organiser', 'qr')`),
  ],
);

/**
 * A certificate Asah issued for a completed enrolment: a unique number, and a random public code
 * for `/verifikasi/{code}`. The details are copied so the certificate stays as issued.
 */
export const certificates = pgTable(
  'certificates',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    number: text('number').notNull(),
    verificationCode: text('verification_code').notNull(),
    enrollmentId: uuid('enrollment_id').references(() => enrollments.id, { onDelete: 'set null' }),
    employeeId: uuid('employee_id')
      .notNull()
      .references(() => employees.id, { onDelete: 'cascade' }),
    holderName: text('holder_name').notNull(),
    programTitle: text('program_title').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    jp: jp('jp').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedReason: text('revoked_reason'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('certificates_number_uq').on(t.tenantId, t.number),
    uniqueIndex('certificates_code_uq').on(t.verificationCode),
    uniqueIndex('certificates_enrollment_uq').on(t.enrollmentId),
    index('certificates_employee_idx').on(t.tenantId, t.employeeId),
  ],
);

/** A certificate earned elsewhere (e.g. national e-learning), uploaded by the employee for checking. */
export const externalCertificates = pgTable(
  'external_certificates',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    employeeId: uuid('employee_id')
      .notNull()
      .references(() => employees.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    provider: text('provider').notNull(),
    form: text('form').notNull(),
    scope: text('scope').notNull().default('nasional'),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    /** What the employee states (JP printed on the certificate, hours, sessions …) for the JP rule. */
    claim: jsonb('claim').$type<Record<string, unknown>>().notNull().default({}),
    fileId: uuid('file_id').references(() => files.id, { onDelete: 'set null' }),
    status: text('status').notNull().default('submitted'),
    reviewedBy: uuid('reviewed_by').references(() => users.id, { onDelete: 'set null' }),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    rejectReason: text('reject_reason'),
    createdAt: createdAt(),
  },
  (t) => [
    index('external_certificates_employee_idx').on(t.tenantId, t.employeeId),
    index('external_certificates_status_idx').on(t.tenantId, t.status),
    // One scan backs one certificate.
    uniqueIndex('external_certificates_file_uq').on(t.fileId),
    check('external_certificates_status_ck', sql`${t.status} in ('submitted', 'verified', 'rejected')`),
    check('external_certificates_scope_ck', sql`${t.scope} in ('nasional', 'internasional')`),
    check('external_certificates_dates_ck', sql`${t.endsOn} >= ${t.startsOn}`),
  ],
);

/**
 * A learning record: what counts towards the employee's JP for a year. Made from a completed
 * enrolment or a verified external certificate (or imported history), with the JP of the rule set.
 */
export const learningRecords = pgTable(
  'learning_records',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    employeeId: uuid('employee_id')
      .notNull()
      .references(() => employees.id, { onDelete: 'cascade' }),
    source: text('source').notNull(),
    enrollmentId: uuid('enrollment_id').references(() => enrollments.id, { onDelete: 'set null' }),
    externalCertificateId: uuid('external_certificate_id').references(() => externalCertificates.id, {
      onDelete: 'set null',
    }),
    title: text('title').notNull(),
    form: text('form').notNull(),
    scope: text('scope').notNull().default('nasional'),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    /** The year the JP count towards (year of the end date; a multi-year certificate: one record per year). */
    year: integer('year').notNull(),
    jp: jp('jp').notNull(),
    jpBasis: text('jp_basis').notNull().default(''),
    jpBasisEn: text('jp_basis_en').notNull().default(''),
    jpRuleSetId: uuid('jp_rule_set_id').references(() => jpRuleSets.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('learning_records_year_idx').on(t.tenantId, t.year, t.employeeId),
    index('learning_records_employee_idx').on(t.tenantId, t.employeeId, t.year),
    uniqueIndex('learning_records_enrollment_uq').on(t.enrollmentId),
    // A certificate over several years has one record per year.
    uniqueIndex('learning_records_external_uq').on(t.externalCertificateId, t.year),
    check('learning_records_source_ck', sql`${t.source} in ('program', 'external', 'import')`),
    check('learning_records_jp_ck', sql`${t.jp} >= 0`),
    check('learning_records_dates_ck', sql`${t.endsOn} >= ${t.startsOn}`),
  ],
);

/**
 * After a programme that targets a competency, a proposed new level goes to the atasan with the
 * evidence; a confirmed proposal becomes an assessment (source atasan) that names it.
 */
export const competencyProposals = pgTable(
  'competency_proposals',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    employeeId: uuid('employee_id')
      .notNull()
      .references(() => employees.id, { onDelete: 'cascade' }),
    competencyId: uuid('competency_id')
      .notNull()
      .references(() => competencies.id, { onDelete: 'cascade' }),
    enrollmentId: uuid('enrollment_id').references(() => enrollments.id, { onDelete: 'cascade' }),
    currentLevel: integer('current_level'),
    proposedLevel: integer('proposed_level').notNull(),
    evidence: text('evidence').notNull().default(''),
    status: text('status').notNull().default('pending'),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedLevel: integer('decided_level'),
    assessmentId: uuid('assessment_id').references(() => assessments.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('competency_proposals_uq').on(t.enrollmentId, t.competencyId),
    index('competency_proposals_employee_idx').on(t.tenantId, t.employeeId, t.status),
    check('competency_proposals_status_ck', sql`${t.status} in ('pending', 'confirmed', 'rejected')`),
    check('competency_proposals_level_ck', sql`${t.proposedLevel} between 1 and 5`),
  ],
);

/**
 * E-mail to be sent (enrolment decisions, reminders). Sent by SMTP when configured; without SMTP
 * the outbox page shows what would have been sent.
 */
export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('email_outbox_status_idx').on(t.tenantId, t.status, t.createdAt),
    // The sender takes the oldest waiting mails of every tenant.
    index('email_outbox_pending_idx')
      .on(t.createdAt, t.id)
      .where(sql`${t.status} = 'pending'`),
    check('email_outbox_status_ck', sql`${t.status} in ('pending', 'sent', 'failed', 'not_sent')`),
  ],
);

/** Partner contributions valued in rupiah: trainers, venue, free seats, funds, equipment. */
export const partnerContributions = pgTable(
  'partner_contributions',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    agreementId: uuid('agreement_id').references(() => partnerAgreements.id, { onDelete: 'set null' }),
    programId: uuid('program_id').references(() => programs.id, { onDelete: 'set null' }),
    kind: text('kind').notNull(),
    description: text('description').notNull(),
    valueRupiah: rupiah('value_rupiah'),
    contributedOn: date('contributed_on', { mode: 'string' }).notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('partner_contributions_partner_idx').on(t.tenantId, t.partnerId, t.contributedOn),
    check(
      'partner_contributions_kind_ck',
      sql`${t.kind} in ('pengajar', 'tempat', 'kursi_gratis', 'dana', 'peralatan', 'lainnya')`,
    ),
    check('partner_contributions_value_ck', sql`${t.valueRupiah} >= 0`),
  ],
);

/** A real project an OPD posts for students of a partner university (the founding text's aim). */
export const studentProjects = pgTable(
  'student_projects',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    title: text('title').notNull(),
    problem: text('problem').notNull(),
    skillsWanted: text('skills_wanted')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    supervisorEmployeeId: uuid('supervisor_employee_id').references(() => employees.id, {
      onDelete: 'set null',
    }),
    partnerId: uuid('partner_id').references(() => partners.id, { onDelete: 'set null' }),
    seats: integer('seats').notNull().default(1),
    status: text('status').notNull().default('open'),
    finalOutput: text('final_output'),
    outputFileId: uuid('output_file_id').references(() => files.id, { onDelete: 'set null' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('student_projects_unit_idx').on(t.tenantId, t.unitId),
    index('student_projects_partner_idx').on(t.tenantId, t.partnerId),
    check('student_projects_status_ck', sql`${t.status} in ('open', 'running', 'done', 'cancelled')`),
    check('student_projects_dates_ck', sql`${t.endsOn} >= ${t.startsOn}`),
    check('student_projects_seats_ck', sql`${t.seats} between 1 and 100`),
  ],
);

/** A student a partner university assigned to a project. */
export const studentProjectMembers = pgTable(
  'student_project_members',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    projectId: uuid('project_id')
      .notNull()
      .references(() => studentProjects.id, { onDelete: 'cascade' }),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    studentName: text('student_name').notNull(),
    studentNumber: text('student_number').notNull(),
    studyProgram: text('study_program').notNull().default(''),
    email: text('email'),
    assignedBy: uuid('assigned_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('student_project_members_uq').on(t.projectId, t.partnerId, t.studentNumber)],
);

/** Progress notes on a student project, ending with the final output. */
export const studentProjectUpdates = pgTable(
  'student_project_updates',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    projectId: uuid('project_id')
      .notNull()
      .references(() => studentProjects.id, { onDelete: 'cascade' }),
    note: text('note').notNull(),
    progressPct: integer('progress_pct').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('student_project_updates_idx').on(t.projectId, t.createdAt),
    check('student_project_updates_pct_ck', sql`${t.progressPct} between 0 and 100`),
  ],
);
