ALTER TABLE "learning_records" ADD COLUMN "jp_basis_en" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "jp_basis_en" text DEFAULT '' NOT NULL;