DROP INDEX "employees_name_sort_idx";--> statement-breakpoint
CREATE INDEX "employees_list_name_idx" ON "employees" USING btree ("tenant_id","name","nip");--> statement-breakpoint
CREATE INDEX "employees_nip_prefix_idx" ON "employees" USING btree ("tenant_id","nip" text_pattern_ops);