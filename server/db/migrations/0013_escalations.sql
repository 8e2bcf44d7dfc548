CREATE TABLE "report_escalations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"level" text NOT NULL,
	"province_code" text NOT NULL,
	"lead_unit_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolution" text,
	CONSTRAINT "report_escalations_level" CHECK ("report_escalations"."level" in ('province', 'national')),
	CONSTRAINT "report_escalations_resolved" CHECK (("report_escalations"."resolved_at" is null) = ("report_escalations"."resolution" is null))
);
--> statement-breakpoint
ALTER TABLE "report_escalations" ADD CONSTRAINT "report_escalations_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_escalations" ADD CONSTRAINT "report_escalations_province_code_provinces_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."provinces"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_escalations" ADD CONSTRAINT "report_escalations_lead_unit_id_units_id_fk" FOREIGN KEY ("lead_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "report_escalations_report_level_idx" ON "report_escalations" USING btree ("report_id","level");--> statement-breakpoint
CREATE INDEX "report_escalations_open_idx" ON "report_escalations" USING btree ("province_code","at") WHERE "report_escalations"."resolved_at" is null;