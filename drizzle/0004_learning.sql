CREATE TABLE "attendance" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"enrollment_id" uuid NOT NULL,
	"status" text NOT NULL,
	"method" text NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attendance_status_ck" CHECK ("attendance"."status" in ('hadir', 'izin', 'sakit', 'alpa')),
	CONSTRAINT "attendance_method_ck" CHECK ("attendance"."method" in ('organiser', 'qr'))
);
--> statement-breakpoint
CREATE TABLE "certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"number" text NOT NULL,
	"verification_code" text NOT NULL,
	"enrollment_id" uuid,
	"employee_id" uuid NOT NULL,
	"holder_name" text NOT NULL,
	"program_title" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"jp" numeric(7, 2) NOT NULL,
	"issued_on" date NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "competency_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"employee_id" uuid NOT NULL,
	"competency_id" uuid NOT NULL,
	"enrollment_id" uuid,
	"current_level" integer,
	"proposed_level" integer NOT NULL,
	"evidence" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decided_level" integer,
	"assessment_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "competency_proposals_status_ck" CHECK ("competency_proposals"."status" in ('pending', 'confirmed', 'rejected')),
	CONSTRAINT "competency_proposals_level_ck" CHECK ("competency_proposals"."proposed_level" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "email_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"user_id" uuid,
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "email_outbox_status_ck" CHECK ("email_outbox"."status" in ('pending', 'sent', 'failed', 'not_sent'))
);
--> statement-breakpoint
CREATE TABLE "enrollments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"employee_id" uuid NOT NULL,
	"status" text NOT NULL,
	"origin" text NOT NULL,
	"requested_by" uuid,
	"reason" text,
	"atasan_decided_by" uuid,
	"atasan_decided_at" timestamp with time zone,
	"bkpsdm_decided_by" uuid,
	"bkpsdm_decided_at" timestamp with time zone,
	"decision_note" text,
	"waitlisted_at" timestamp with time zone,
	"replaces_enrollment_id" uuid,
	"pre_test_score" numeric(5, 2),
	"post_test_score" numeric(5, 2),
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enrollments_status_ck" CHECK ("enrollments"."status" in ('pending_atasan', 'pending_bkpsdm', 'approved', 'waitlisted', 'rejected', 'cancelled', 'completed', 'not_completed')),
	CONSTRAINT "enrollments_origin_ck" CHECK ("enrollments"."origin" in ('self', 'operator', 'atasan')),
	CONSTRAINT "enrollments_scores_ck" CHECK (("enrollments"."pre_test_score" is null or "enrollments"."pre_test_score" between 0 and 100) and ("enrollments"."post_test_score" is null or "enrollments"."post_test_score" between 0 and 100))
);
--> statement-breakpoint
CREATE TABLE "external_certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"employee_id" uuid NOT NULL,
	"title" text NOT NULL,
	"provider" text NOT NULL,
	"form" text NOT NULL,
	"scope" text DEFAULT 'nasional' NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"claim" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"file_id" uuid,
	"status" text DEFAULT 'submitted' NOT NULL,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"reject_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "external_certificates_status_ck" CHECK ("external_certificates"."status" in ('submitted', 'verified', 'rejected')),
	CONSTRAINT "external_certificates_scope_ck" CHECK ("external_certificates"."scope" in ('nasional', 'internasional')),
	CONSTRAINT "external_certificates_dates_ck" CHECK ("external_certificates"."ends_on" >= "external_certificates"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "jp_rule_sets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"code" text NOT NULL,
	"regulation" text NOT NULL,
	"effective_from" date NOT NULL,
	"annual_target_jp" integer NOT NULL,
	"minutes_per_jp" integer NOT NULL,
	"rules" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "jp_rule_sets_target_ck" CHECK ("jp_rule_sets"."annual_target_jp" > 0 and "jp_rule_sets"."minutes_per_jp" > 0)
);
--> statement-breakpoint
CREATE TABLE "learning_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"employee_id" uuid NOT NULL,
	"source" text NOT NULL,
	"enrollment_id" uuid,
	"external_certificate_id" uuid,
	"title" text NOT NULL,
	"form" text NOT NULL,
	"scope" text DEFAULT 'nasional' NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"year" integer NOT NULL,
	"jp" numeric(7, 2) NOT NULL,
	"jp_basis" text DEFAULT '' NOT NULL,
	"jp_rule_set_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "learning_records_source_ck" CHECK ("learning_records"."source" in ('program', 'external', 'import')),
	CONSTRAINT "learning_records_jp_ck" CHECK ("learning_records"."jp" >= 0),
	CONSTRAINT "learning_records_dates_ck" CHECK ("learning_records"."ends_on" >= "learning_records"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "partner_agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"partner_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"number" text NOT NULL,
	"title" text NOT NULL,
	"parties" text,
	"scope" text DEFAULT '' NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"document_file_id" uuid,
	"remind_days_before" integer DEFAULT 60 NOT NULL,
	"reminded_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partner_agreements_kind_ck" CHECK ("partner_agreements"."kind" in ('mou', 'pks')),
	CONSTRAINT "partner_agreements_dates_ck" CHECK ("partner_agreements"."ends_on" >= "partner_agreements"."starts_on"),
	CONSTRAINT "partner_agreements_remind_ck" CHECK ("partner_agreements"."remind_days_before" between 0 and 365)
);
--> statement-breakpoint
CREATE TABLE "partner_contributions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"partner_id" uuid NOT NULL,
	"agreement_id" uuid,
	"program_id" uuid,
	"kind" text NOT NULL,
	"description" text NOT NULL,
	"value_rupiah" bigint DEFAULT 0 NOT NULL,
	"contributed_on" date NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partner_contributions_kind_ck" CHECK ("partner_contributions"."kind" in ('pengajar', 'tempat', 'kursi_gratis', 'dana', 'peralatan', 'lainnya')),
	CONSTRAINT "partner_contributions_value_ck" CHECK ("partner_contributions"."value_rupiah" >= 0)
);
--> statement-breakpoint
CREATE TABLE "partner_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"partner_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partners" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"address" text,
	"contact_name" text,
	"contact_email" text,
	"contact_phone" text,
	"website" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partners_kind_ck" CHECK ("partners"."kind" in ('universitas', 'politeknik', 'swasta', 'bumn_bumd', 'pemerintah', 'lsm', 'lainnya'))
);
--> statement-breakpoint
CREATE TABLE "program_competencies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"competency_id" uuid NOT NULL,
	"expected_gain" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "program_competencies_gain_ck" CHECK ("program_competencies"."expected_gain" between 1 and 4)
);
--> statement-breakpoint
CREATE TABLE "program_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"venue" text,
	"online_url" text,
	"checkin_secret" text DEFAULT replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '') NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "program_sessions_time_ck" CHECK ("program_sessions"."ends_at" > "program_sessions"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "programs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"form" text NOT NULL,
	"scope" text DEFAULT 'nasional' NOT NULL,
	"partner_id" uuid,
	"provider_name" text DEFAULT '' NOT NULL,
	"organiser_unit_id" uuid,
	"scheduled_jp" numeric(7, 2),
	"jp" numeric(7, 2) DEFAULT 0 NOT NULL,
	"jp_basis" text DEFAULT '' NOT NULL,
	"jp_rule_set_id" uuid,
	"cost_fee" bigint DEFAULT 0 NOT NULL,
	"cost_travel" bigint DEFAULT 0 NOT NULL,
	"cost_lodging" bigint DEFAULT 0 NOT NULL,
	"capacity" integer NOT NULL,
	"eligible_position_types" text[] DEFAULT '{}'::text[] NOT NULL,
	"eligible_golongan" text[] DEFAULT '{}'::text[] NOT NULL,
	"city" text DEFAULT 'Ambon' NOT NULL,
	"min_attendance_pct" integer DEFAULT 80 NOT NULL,
	"post_test_pass_mark" numeric(5, 2),
	"status" text DEFAULT 'draft' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programs_scope_ck" CHECK ("programs"."scope" in ('nasional', 'internasional')),
	CONSTRAINT "programs_status_ck" CHECK ("programs"."status" in ('draft', 'published', 'closed', 'cancelled')),
	CONSTRAINT "programs_capacity_ck" CHECK ("programs"."capacity" between 1 and 10000),
	CONSTRAINT "programs_cost_ck" CHECK ("programs"."cost_fee" >= 0 and "programs"."cost_travel" >= 0 and "programs"."cost_lodging" >= 0 and "programs"."jp" >= 0),
	CONSTRAINT "programs_attendance_ck" CHECK ("programs"."min_attendance_pct" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "student_project_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"partner_id" uuid NOT NULL,
	"student_name" text NOT NULL,
	"student_number" text NOT NULL,
	"study_program" text DEFAULT '' NOT NULL,
	"email" text,
	"assigned_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "student_project_updates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"note" text NOT NULL,
	"progress_pct" integer NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "student_project_updates_pct_ck" CHECK ("student_project_updates"."progress_pct" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "student_projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"title" text NOT NULL,
	"problem" text NOT NULL,
	"skills_wanted" text[] DEFAULT '{}'::text[] NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"supervisor_employee_id" uuid,
	"partner_id" uuid,
	"seats" integer DEFAULT 1 NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"final_output" text,
	"output_file_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "student_projects_status_ck" CHECK ("student_projects"."status" in ('open', 'running', 'done', 'cancelled')),
	CONSTRAINT "student_projects_dates_ck" CHECK ("student_projects"."ends_on" >= "student_projects"."starts_on"),
	CONSTRAINT "student_projects_seats_ck" CHECK ("student_projects"."seats" between 1 and 100)
);
--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_session_id_program_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."program_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_enrollment_id_enrollments_id_fk" FOREIGN KEY ("enrollment_id") REFERENCES "public"."enrollments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_enrollment_id_enrollments_id_fk" FOREIGN KEY ("enrollment_id") REFERENCES "public"."enrollments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competency_proposals" ADD CONSTRAINT "competency_proposals_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competency_proposals" ADD CONSTRAINT "competency_proposals_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competency_proposals" ADD CONSTRAINT "competency_proposals_competency_id_competencies_id_fk" FOREIGN KEY ("competency_id") REFERENCES "public"."competencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competency_proposals" ADD CONSTRAINT "competency_proposals_enrollment_id_enrollments_id_fk" FOREIGN KEY ("enrollment_id") REFERENCES "public"."enrollments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competency_proposals" ADD CONSTRAINT "competency_proposals_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competency_proposals" ADD CONSTRAINT "competency_proposals_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD CONSTRAINT "email_outbox_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD CONSTRAINT "email_outbox_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrollments" ADD CONSTRAINT "enrollments_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrollments" ADD CONSTRAINT "enrollments_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrollments" ADD CONSTRAINT "enrollments_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrollments" ADD CONSTRAINT "enrollments_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrollments" ADD CONSTRAINT "enrollments_atasan_decided_by_users_id_fk" FOREIGN KEY ("atasan_decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrollments" ADD CONSTRAINT "enrollments_bkpsdm_decided_by_users_id_fk" FOREIGN KEY ("bkpsdm_decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "external_certificates" ADD CONSTRAINT "external_certificates_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "external_certificates" ADD CONSTRAINT "external_certificates_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "external_certificates" ADD CONSTRAINT "external_certificates_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "external_certificates" ADD CONSTRAINT "external_certificates_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jp_rule_sets" ADD CONSTRAINT "jp_rule_sets_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_records" ADD CONSTRAINT "learning_records_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_records" ADD CONSTRAINT "learning_records_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_records" ADD CONSTRAINT "learning_records_enrollment_id_enrollments_id_fk" FOREIGN KEY ("enrollment_id") REFERENCES "public"."enrollments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_records" ADD CONSTRAINT "learning_records_external_certificate_id_external_certificates_id_fk" FOREIGN KEY ("external_certificate_id") REFERENCES "public"."external_certificates"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_records" ADD CONSTRAINT "learning_records_jp_rule_set_id_jp_rule_sets_id_fk" FOREIGN KEY ("jp_rule_set_id") REFERENCES "public"."jp_rule_sets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_agreements" ADD CONSTRAINT "partner_agreements_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_agreements" ADD CONSTRAINT "partner_agreements_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_agreements" ADD CONSTRAINT "partner_agreements_document_file_id_files_id_fk" FOREIGN KEY ("document_file_id") REFERENCES "public"."files"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_agreements" ADD CONSTRAINT "partner_agreements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_contributions" ADD CONSTRAINT "partner_contributions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_contributions" ADD CONSTRAINT "partner_contributions_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_contributions" ADD CONSTRAINT "partner_contributions_agreement_id_partner_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."partner_agreements"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_contributions" ADD CONSTRAINT "partner_contributions_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_contributions" ADD CONSTRAINT "partner_contributions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_members" ADD CONSTRAINT "partner_members_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_members" ADD CONSTRAINT "partner_members_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_members" ADD CONSTRAINT "partner_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partners" ADD CONSTRAINT "partners_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_competencies" ADD CONSTRAINT "program_competencies_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_competencies" ADD CONSTRAINT "program_competencies_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_competencies" ADD CONSTRAINT "program_competencies_competency_id_competencies_id_fk" FOREIGN KEY ("competency_id") REFERENCES "public"."competencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_sessions" ADD CONSTRAINT "program_sessions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_sessions" ADD CONSTRAINT "program_sessions_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programs" ADD CONSTRAINT "programs_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programs" ADD CONSTRAINT "programs_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programs" ADD CONSTRAINT "programs_organiser_unit_id_org_units_id_fk" FOREIGN KEY ("organiser_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programs" ADD CONSTRAINT "programs_jp_rule_set_id_jp_rule_sets_id_fk" FOREIGN KEY ("jp_rule_set_id") REFERENCES "public"."jp_rule_sets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programs" ADD CONSTRAINT "programs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "student_project_members" ADD CONSTRAINT "student_project_members_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "student_project_members" ADD CONSTRAINT "student_project_members_project_id_student_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."student_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "student_project_members" ADD CONSTRAINT "student_project_members_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "student_project_members" ADD CONSTRAINT "student_project_members_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "student_project_updates" ADD CONSTRAINT "student_project_updates_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "student_project_updates" ADD CONSTRAINT "student_project_updates_project_id_student_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."student_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "student_project_updates" ADD CONSTRAINT "student_project_updates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "student_projects" ADD CONSTRAINT "student_projects_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "student_projects" ADD CONSTRAINT "student_projects_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "student_projects" ADD CONSTRAINT "student_projects_supervisor_employee_id_employees_id_fk" FOREIGN KEY ("supervisor_employee_id") REFERENCES "public"."employees"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "student_projects" ADD CONSTRAINT "student_projects_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "student_projects" ADD CONSTRAINT "student_projects_output_file_id_files_id_fk" FOREIGN KEY ("output_file_id") REFERENCES "public"."files"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "student_projects" ADD CONSTRAINT "student_projects_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "attendance_uq" ON "attendance" USING btree ("session_id","enrollment_id");--> statement-breakpoint
CREATE INDEX "attendance_enrollment_idx" ON "attendance" USING btree ("tenant_id","enrollment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_number_uq" ON "certificates" USING btree ("tenant_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_code_uq" ON "certificates" USING btree ("verification_code");--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_enrollment_uq" ON "certificates" USING btree ("enrollment_id");--> statement-breakpoint
CREATE INDEX "certificates_employee_idx" ON "certificates" USING btree ("tenant_id","employee_id");--> statement-breakpoint
CREATE UNIQUE INDEX "competency_proposals_uq" ON "competency_proposals" USING btree ("enrollment_id","competency_id");--> statement-breakpoint
CREATE INDEX "competency_proposals_employee_idx" ON "competency_proposals" USING btree ("tenant_id","employee_id","status");--> statement-breakpoint
CREATE INDEX "email_outbox_status_idx" ON "email_outbox" USING btree ("tenant_id","status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "enrollments_active_uq" ON "enrollments" USING btree ("tenant_id","program_id","employee_id") WHERE "enrollments"."status" not in ('cancelled', 'rejected');--> statement-breakpoint
CREATE INDEX "enrollments_program_idx" ON "enrollments" USING btree ("tenant_id","program_id","status");--> statement-breakpoint
CREATE INDEX "enrollments_employee_idx" ON "enrollments" USING btree ("tenant_id","employee_id");--> statement-breakpoint
CREATE INDEX "external_certificates_employee_idx" ON "external_certificates" USING btree ("tenant_id","employee_id");--> statement-breakpoint
CREATE INDEX "external_certificates_status_idx" ON "external_certificates" USING btree ("tenant_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "jp_rule_sets_code_uq" ON "jp_rule_sets" USING btree ("tenant_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "jp_rule_sets_effective_uq" ON "jp_rule_sets" USING btree ("tenant_id","effective_from");--> statement-breakpoint
CREATE INDEX "learning_records_year_idx" ON "learning_records" USING btree ("tenant_id","year","employee_id");--> statement-breakpoint
CREATE INDEX "learning_records_employee_idx" ON "learning_records" USING btree ("tenant_id","employee_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "learning_records_enrollment_uq" ON "learning_records" USING btree ("enrollment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "learning_records_external_uq" ON "learning_records" USING btree ("external_certificate_id");--> statement-breakpoint
CREATE UNIQUE INDEX "partner_agreements_number_uq" ON "partner_agreements" USING btree ("tenant_id","number");--> statement-breakpoint
CREATE INDEX "partner_agreements_partner_idx" ON "partner_agreements" USING btree ("tenant_id","partner_id");--> statement-breakpoint
CREATE INDEX "partner_agreements_ends_idx" ON "partner_agreements" USING btree ("tenant_id","ends_on");--> statement-breakpoint
CREATE INDEX "partner_contributions_partner_idx" ON "partner_contributions" USING btree ("tenant_id","partner_id","contributed_on");--> statement-breakpoint
CREATE UNIQUE INDEX "partner_members_uq" ON "partner_members" USING btree ("tenant_id","user_id","partner_id");--> statement-breakpoint
CREATE INDEX "partner_members_partner_idx" ON "partner_members" USING btree ("tenant_id","partner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "partners_tenant_name_uq" ON "partners" USING btree ("tenant_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "program_competencies_uq" ON "program_competencies" USING btree ("program_id","competency_id");--> statement-breakpoint
CREATE INDEX "program_competencies_competency_idx" ON "program_competencies" USING btree ("tenant_id","competency_id");--> statement-breakpoint
CREATE INDEX "program_sessions_program_idx" ON "program_sessions" USING btree ("tenant_id","program_id","starts_at");--> statement-breakpoint
CREATE INDEX "program_sessions_starts_idx" ON "program_sessions" USING btree ("tenant_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "programs_tenant_code_uq" ON "programs" USING btree ("tenant_id","code");--> statement-breakpoint
CREATE INDEX "programs_partner_idx" ON "programs" USING btree ("tenant_id","partner_id");--> statement-breakpoint
CREATE INDEX "programs_title_idx" ON "programs" USING btree ("tenant_id",lower("title"));--> statement-breakpoint
CREATE UNIQUE INDEX "student_project_members_uq" ON "student_project_members" USING btree ("project_id","partner_id","student_number");--> statement-breakpoint
CREATE INDEX "student_project_updates_idx" ON "student_project_updates" USING btree ("project_id","created_at");--> statement-breakpoint
CREATE INDEX "student_projects_unit_idx" ON "student_projects" USING btree ("tenant_id","unit_id");--> statement-breakpoint
CREATE INDEX "student_projects_partner_idx" ON "student_projects" USING btree ("tenant_id","partner_id");--> statement-breakpoint
CREATE INDEX "employees_position_idx" ON "employees" USING btree ("tenant_id","position_id");