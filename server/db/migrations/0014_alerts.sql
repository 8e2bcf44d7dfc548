CREATE TABLE "alert_digests" (
	"unit_id" uuid NOT NULL,
	"day" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "alert_emails" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_key" text NOT NULL,
	"kind" text NOT NULL,
	"report_id" uuid,
	"unit_id" uuid,
	"recipient" text NOT NULL,
	"due_at" timestamp with time zone,
	"data" jsonb,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"claimed_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"last_error" text
);
--> statement-breakpoint
CREATE TABLE "alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_key" text NOT NULL,
	"kind" text NOT NULL,
	"report_id" uuid NOT NULL,
	"staff_id" uuid NOT NULL,
	"unit_id" uuid,
	"due_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "deadline_notices" (
	"report_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff_alert_preferences" (
	"staff_id" uuid PRIMARY KEY NOT NULL,
	"address" text,
	"email" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN IF NOT EXISTS "duty_phone" text;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN IF NOT EXISTS "duty_email" text;--> statement-breakpoint
ALTER TABLE "alert_digests" ADD CONSTRAINT "alert_digests_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_emails" ADD CONSTRAINT "alert_emails_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_emails" ADD CONSTRAINT "alert_emails_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_staff_id_staff_accounts_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deadline_notices" ADD CONSTRAINT "deadline_notices_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_alert_preferences" ADD CONSTRAINT "staff_alert_preferences_staff_id_staff_accounts_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "alert_digests_unit_day_idx" ON "alert_digests" USING btree ("unit_id","day");--> statement-breakpoint
CREATE UNIQUE INDEX "alert_emails_event_recipient_idx" ON "alert_emails" USING btree ("event_key","recipient");--> statement-breakpoint
CREATE INDEX "alert_emails_pending_idx" ON "alert_emails" USING btree ("next_attempt_at") WHERE "alert_emails"."status" = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "alerts_event_staff_idx" ON "alerts" USING btree ("event_key","staff_id");--> statement-breakpoint
CREATE INDEX "alerts_staff_created_idx" ON "alerts" USING btree ("staff_id","created_at","id");--> statement-breakpoint
CREATE INDEX "alerts_staff_unread_idx" ON "alerts" USING btree ("staff_id") WHERE "alerts"."read_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "deadline_notices_idx" ON "deadline_notices" USING btree ("report_id","kind","due_at");