CREATE TABLE "assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"employee_id" uuid NOT NULL,
	"competency_id" uuid NOT NULL,
	"competency_version_id" uuid NOT NULL,
	"source" text NOT NULL,
	"level" integer NOT NULL,
	"assessed_on" date NOT NULL,
	"assessor_user_id" uuid,
	"assessor_employee_id" uuid,
	"evidence_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessments_level_ck" CHECK ("assessments"."level" between 1 and 5),
	CONSTRAINT "assessments_source_ck" CHECK ("assessments"."source" in ('self', 'atasan', 'peer', 'assessment_center', 'test'))
);
--> statement-breakpoint
CREATE TABLE "competencies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"code" text NOT NULL,
	"group" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "competencies_group_ck" CHECK ("competencies"."group" in ('M', 'SK', 'T'))
);
--> statement-breakpoint
CREATE TABLE "competency_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"competency_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"name" text NOT NULL,
	"definition" text NOT NULL,
	"levels" jsonb NOT NULL,
	"effective_from" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "competency_versions_version_ck" CHECK ("competency_versions"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "position_standards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"position_id" uuid NOT NULL,
	"competency_id" uuid NOT NULL,
	"required_level" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "position_standards_level_ck" CHECK ("position_standards"."required_level" between 1 and 5)
);
--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_competency_id_competencies_id_fk" FOREIGN KEY ("competency_id") REFERENCES "public"."competencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_competency_version_id_competency_versions_id_fk" FOREIGN KEY ("competency_version_id") REFERENCES "public"."competency_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_assessor_user_id_users_id_fk" FOREIGN KEY ("assessor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_assessor_employee_id_employees_id_fk" FOREIGN KEY ("assessor_employee_id") REFERENCES "public"."employees"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competencies" ADD CONSTRAINT "competencies_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competency_versions" ADD CONSTRAINT "competency_versions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competency_versions" ADD CONSTRAINT "competency_versions_competency_id_competencies_id_fk" FOREIGN KEY ("competency_id") REFERENCES "public"."competencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "position_standards" ADD CONSTRAINT "position_standards_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "position_standards" ADD CONSTRAINT "position_standards_position_id_positions_id_fk" FOREIGN KEY ("position_id") REFERENCES "public"."positions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "position_standards" ADD CONSTRAINT "position_standards_competency_id_competencies_id_fk" FOREIGN KEY ("competency_id") REFERENCES "public"."competencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assessments_emp_comp_idx" ON "assessments" USING btree ("tenant_id","employee_id","competency_id","assessed_on");--> statement-breakpoint
CREATE UNIQUE INDEX "competencies_tenant_code_uq" ON "competencies" USING btree ("tenant_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "competency_versions_uq" ON "competency_versions" USING btree ("tenant_id","competency_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "position_standards_uq" ON "position_standards" USING btree ("tenant_id","position_id","competency_id");--> statement-breakpoint
CREATE INDEX "position_standards_competency_idx" ON "position_standards" USING btree ("tenant_id","competency_id");