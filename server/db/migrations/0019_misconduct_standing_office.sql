-- Issue #18 (misconduct): the Standing Office of each province's Steering Committee 389 is a unit of its own kind (no force);
-- a tip about officials is routed to it without a rule (the rule columns of its decision are null together); a
-- coordinator's request to reveal such a reporter's contact waits for a second coordinator's approval.
CREATE TABLE "contact_reveal_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"reason" text NOT NULL,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"used_at" timestamp with time zone,
	CONSTRAINT "contact_reveal_requests_approval_whole" CHECK (("contact_reveal_requests"."approved_by" is null) = ("contact_reveal_requests"."approved_at" is null)),
	CONSTRAINT "contact_reveal_requests_second_person" CHECK ("contact_reveal_requests"."approved_by" is null or "contact_reveal_requests"."approved_by" <> "contact_reveal_requests"."requested_by"),
	CONSTRAINT "contact_reveal_requests_used_after_approval" CHECK ("contact_reveal_requests"."used_at" is null or "contact_reveal_requests"."approved_at" is not null)
);
--> statement-breakpoint
ALTER TABLE "units" ALTER COLUMN "force" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "routing_decisions" ALTER COLUMN "rule_set_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "routing_decisions" ALTER COLUMN "rule_set_version" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "routing_decisions" ALTER COLUMN "rule_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "routing_decisions" ALTER COLUMN "rule_key" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "routing_decisions" ALTER COLUMN "lead_force" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "kind" text DEFAULT 'force' NOT NULL;--> statement-breakpoint
ALTER TABLE "contact_reveal_requests" ADD CONSTRAINT "contact_reveal_requests_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_reveal_requests" ADD CONSTRAINT "contact_reveal_requests_requested_by_staff_accounts_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."staff_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_reveal_requests" ADD CONSTRAINT "contact_reveal_requests_approved_by_staff_accounts_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."staff_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contact_reveal_requests_report_idx" ON "contact_reveal_requests" USING btree ("report_id");--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_kind_force" CHECK ("units"."kind" in ('force', 'standing_office') and ("units"."kind" = 'force') = ("units"."force" is not null));--> statement-breakpoint
ALTER TABLE "routing_decisions" ADD CONSTRAINT "routing_decisions_rule_whole" CHECK (("routing_decisions"."rule_id" is null) = ("routing_decisions"."rule_set_id" is null) and ("routing_decisions"."rule_id" is null) = ("routing_decisions"."rule_set_version" is null)
        and ("routing_decisions"."rule_id" is null) = ("routing_decisions"."rule_key" is null) and ("routing_decisions"."rule_id" is null) = ("routing_decisions"."lead_force" is null));