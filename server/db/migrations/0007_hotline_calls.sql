CREATE TABLE "hotline_calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"event_id" bigint NOT NULL,
	"operator_id" uuid NOT NULL,
	"opens_report" boolean NOT NULL,
	"line" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone NOT NULL,
	"caller_anonymous" boolean NOT NULL,
	"caller_masked" text,
	"caller_sealed" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "hotline_calls" ADD CONSTRAINT "hotline_calls_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotline_calls" ADD CONSTRAINT "hotline_calls_event_id_report_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."report_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotline_calls" ADD CONSTRAINT "hotline_calls_operator_id_staff_accounts_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."staff_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "hotline_calls_report_idx" ON "hotline_calls" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "hotline_calls_operator_idx" ON "hotline_calls" USING btree ("operator_id","created_at");--> statement-breakpoint
-- SPEC.md §6: an anonymous caller's number is kept in no form, not even masked.
ALTER TABLE "hotline_calls" ADD CONSTRAINT "hotline_calls_anonymous_no_number" CHECK (NOT "caller_anonymous" OR ("caller_masked" IS NULL AND "caller_sealed" IS NULL));
