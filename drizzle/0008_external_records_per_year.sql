DROP INDEX "learning_records_external_uq";--> statement-breakpoint
CREATE UNIQUE INDEX "learning_records_external_uq" ON "learning_records" USING btree ("external_certificate_id","year");