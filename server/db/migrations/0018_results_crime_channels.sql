CREATE TABLE "report_crime" (
	"report_id" uuid PRIMARY KEY NOT NULL,
	"reason" text NOT NULL,
	"flagged_by" uuid NOT NULL,
	"flagged_at" timestamp with time zone NOT NULL,
	"handover_due_at" timestamp with time zone NOT NULL,
	"investigating_unit_id" uuid,
	"handed_over_at" timestamp with time zone,
	"handed_over_by" uuid,
	"accepted_at" timestamp with time zone,
	"accepted_by" uuid,
	"due_at" timestamp with time zone,
	"extensions" integer DEFAULT 0 NOT NULL,
	"procuracy_approval" text,
	"decision" text,
	"decision_no" text,
	"decision_date" date,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	CONSTRAINT "report_crime_extensions" CHECK ("report_crime"."extensions" between 0 and 2),
	CONSTRAINT "report_crime_handover_whole" CHECK (("report_crime"."investigating_unit_id" is null) = ("report_crime"."handed_over_at" is null))
);
--> statement-breakpoint
CREATE TABLE "report_sanctions" (
	"report_id" uuid PRIMARY KEY NOT NULL,
	"record_no" text NOT NULL,
	"record_date" date NOT NULL,
	"clock" text NOT NULL,
	"clock_reason" text,
	"due_at" timestamp with time zone NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"decision_no" text,
	"decision_date" date,
	"sanction_types" text[] DEFAULT '{}'::text[] NOT NULL,
	"fine_vnd" bigint,
	CONSTRAINT "report_sanctions_fine_not_negative" CHECK ("report_sanctions"."fine_vnd" is null or "report_sanctions"."fine_vnd" >= 0),
	CONSTRAINT "report_sanctions_decision_whole" CHECK (("report_sanctions"."decision_no" is null) = ("report_sanctions"."decision_date" is null))
);
--> statement-breakpoint
CREATE TABLE "report_seized_goods" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"report_id" uuid NOT NULL,
	"goods_type" text NOT NULL,
	"description" text,
	"quantity" numeric(18, 3) NOT NULL,
	"unit" text NOT NULL,
	"value_vnd" bigint NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "report_seized_goods_positive" CHECK ("report_seized_goods"."quantity" > 0 and "report_seized_goods"."value_vnd" >= 0)
);
--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "investigates" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "staff_accounts" ADD COLUMN "scope_commune_code" text;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "goods_type" text;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "typical_case" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- Issue #18: how old reports are read. Their resolve_due_at was counted in 20 working days and stays as it was
-- (deadlines already set are not moved): every report that exists now is marked working_days; reports received
-- from here on get 20 calendar days from receipt (BLTTHS 2015 Điều 147), the column's default.
ALTER TABLE "reports" ADD COLUMN "resolve_clock" text DEFAULT 'working_days' NOT NULL;--> statement-breakpoint
ALTER TABLE "reports" ALTER COLUMN "resolve_clock" SET DEFAULT 'calendar_days';--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "misconduct" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "implicated_force" text;--> statement-breakpoint
ALTER TABLE "hotline_calls" ADD COLUMN "channel" text DEFAULT 'hotline' NOT NULL;--> statement-breakpoint
ALTER TABLE "report_crime" ADD CONSTRAINT "report_crime_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_crime" ADD CONSTRAINT "report_crime_flagged_by_staff_accounts_id_fk" FOREIGN KEY ("flagged_by") REFERENCES "public"."staff_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_crime" ADD CONSTRAINT "report_crime_investigating_unit_id_units_id_fk" FOREIGN KEY ("investigating_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_crime" ADD CONSTRAINT "report_crime_handed_over_by_staff_accounts_id_fk" FOREIGN KEY ("handed_over_by") REFERENCES "public"."staff_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_crime" ADD CONSTRAINT "report_crime_accepted_by_staff_accounts_id_fk" FOREIGN KEY ("accepted_by") REFERENCES "public"."staff_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_crime" ADD CONSTRAINT "report_crime_decided_by_staff_accounts_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."staff_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_sanctions" ADD CONSTRAINT "report_sanctions_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_sanctions" ADD CONSTRAINT "report_sanctions_recorded_by_staff_accounts_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."staff_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_seized_goods" ADD CONSTRAINT "report_seized_goods_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_seized_goods" ADD CONSTRAINT "report_seized_goods_recorded_by_staff_accounts_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."staff_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_crime_investigating_idx" ON "report_crime" USING btree ("investigating_unit_id");--> statement-breakpoint
CREATE INDEX "report_seized_goods_report_idx" ON "report_seized_goods" USING btree ("report_id");--> statement-breakpoint
ALTER TABLE "staff_accounts" ADD CONSTRAINT "staff_accounts_scope_commune_code_communes_code_fk" FOREIGN KEY ("scope_commune_code") REFERENCES "public"."communes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_implicated_force_forces_code_fk" FOREIGN KEY ("implicated_force") REFERENCES "public"."forces"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_investigates_police" CHECK (not "units"."investigates" or "units"."force" = 'police');--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_resolve_clock_known" CHECK ("reports"."resolve_clock" in ('working_days', 'calendar_days'));--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_implicated_only_misconduct" CHECK ("reports"."implicated_force" is null or "reports"."misconduct");