-- pg_trgm: PGlite loads it as a contrib module (server/db/client.ts); a PostgreSQL server has it in postgresql-contrib.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
DROP INDEX "reports_commune_received_idx";--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "search_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "url_key" text;--> statement-breakpoint
CREATE INDEX "reports_province_received_idx" ON "reports" USING btree ("province_code","received_at");--> statement-breakpoint
CREATE INDEX "reports_url_key_idx" ON "reports" USING btree ("url_key");--> statement-breakpoint
CREATE INDEX "reports_search_text_trgm_idx" ON "reports" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "reports_commune_received_idx" ON "reports" USING btree ("commune_code","category","received_at");