CREATE TABLE "report_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"report_id" uuid NOT NULL,
	"type" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor" text NOT NULL,
	"public" boolean NOT NULL,
	"from_status" text,
	"to_status" text,
	"body" text,
	"data" jsonb
);
--> statement-breakpoint
CREATE TABLE "report_photos" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"event_id" integer,
	"file_name" text NOT NULL,
	"thumb_name" text NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"bytes" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "report_photos_file_name_unique" UNIQUE("file_name"),
	CONSTRAINT "report_photos_thumb_name_unique" UNIQUE("thumb_name")
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tracking_code" text NOT NULL,
	"secret_hash" text NOT NULL,
	"channel" text NOT NULL,
	"category" text NOT NULL,
	"place_type" text NOT NULL,
	"province_code" text NOT NULL,
	"commune_code" text NOT NULL,
	"address" text NOT NULL,
	"url" text,
	"observed_at" timestamp with time zone NOT NULL,
	"description" text NOT NULL,
	"has_contact" boolean DEFAULT false NOT NULL,
	"contact_sealed" text,
	"status" text NOT NULL,
	"status_before_info" text,
	"routing_decision_id" uuid NOT NULL,
	"lead_unit_id" uuid NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "reports_tracking_code_unique" UNIQUE("tracking_code"),
	CONSTRAINT "reports_routing_decision_id_unique" UNIQUE("routing_decision_id")
);
--> statement-breakpoint
ALTER TABLE "report_events" ADD CONSTRAINT "report_events_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_photos" ADD CONSTRAINT "report_photos_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_category_categories_code_fk" FOREIGN KEY ("category") REFERENCES "public"."categories"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_place_type_place_types_code_fk" FOREIGN KEY ("place_type") REFERENCES "public"."place_types"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_province_code_provinces_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."provinces"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_commune_code_communes_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."communes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_routing_decision_id_routing_decisions_id_fk" FOREIGN KEY ("routing_decision_id") REFERENCES "public"."routing_decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_lead_unit_id_units_id_fk" FOREIGN KEY ("lead_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_events_report_idx" ON "report_events" USING btree ("report_id","id");--> statement-breakpoint
CREATE INDEX "report_photos_report_idx" ON "report_photos" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "reports_lead_unit_idx" ON "reports" USING btree ("lead_unit_id","status");--> statement-breakpoint
CREATE INDEX "reports_commune_received_idx" ON "reports" USING btree ("commune_code","received_at");