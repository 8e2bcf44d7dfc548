CREATE TABLE "routing_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"decided_at" timestamp with time zone NOT NULL,
	"category" text NOT NULL,
	"place_type" text NOT NULL,
	"commune_code" text NOT NULL,
	"rule_set_id" integer NOT NULL,
	"rule_set_version" text NOT NULL,
	"rule_id" integer NOT NULL,
	"rule_key" text NOT NULL,
	"lead_force" text NOT NULL,
	"lead_unit_id" uuid NOT NULL,
	"lead_unit_name" text NOT NULL,
	"coordinating" jsonb NOT NULL,
	"explanation_vi" text NOT NULL,
	"explanation_en" text NOT NULL,
	"warnings" text[] DEFAULT '{}'::text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "routing_rule_sets" (
	"id" serial PRIMARY KEY NOT NULL,
	"scope" text NOT NULL,
	"province_code" text,
	"version" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"effective_from" timestamp with time zone,
	"effective_to" timestamp with time zone,
	"published_at" timestamp with time zone,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "routing_rule_sets_version_key" UNIQUE NULLS NOT DISTINCT("scope","province_code","version"),
	CONSTRAINT "routing_rule_sets_scope_check" CHECK (("routing_rule_sets"."scope" = 'national') = ("routing_rule_sets"."province_code" is null)),
	CONSTRAINT "routing_rule_sets_published_check" CHECK ("routing_rule_sets"."status" = 'draft' or "routing_rule_sets"."effective_from" is not null)
);
--> statement-breakpoint
CREATE TABLE "routing_rules" (
	"id" serial PRIMARY KEY NOT NULL,
	"rule_set_id" integer NOT NULL,
	"scope" text NOT NULL,
	"province_code" text,
	"commune_code" text,
	"category" text,
	"place_type" text,
	"lead_force" text NOT NULL,
	"coordinating_forces" text[] DEFAULT '{}'::text[] NOT NULL,
	"note" text,
	CONSTRAINT "routing_rules_scope_check" CHECK (("routing_rules"."scope" = 'national' and "routing_rules"."province_code" is null and "routing_rules"."commune_code" is null)
        or ("routing_rules"."scope" = 'province' and "routing_rules"."province_code" is not null and "routing_rules"."commune_code" is null)
        or ("routing_rules"."scope" = 'commune' and "routing_rules"."province_code" is not null and "routing_rules"."commune_code" is not null))
);
--> statement-breakpoint
CREATE TABLE "routing_state" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"generation" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "routing_state_single_row" CHECK ("routing_state"."id" = 1)
);
--> statement-breakpoint
ALTER TABLE "unit_jurisdictions" ADD COLUMN "valid_from" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "unit_jurisdictions" ADD COLUMN "valid_to" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "routing_decisions" ADD CONSTRAINT "routing_decisions_commune_code_communes_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."communes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routing_decisions" ADD CONSTRAINT "routing_decisions_rule_set_id_routing_rule_sets_id_fk" FOREIGN KEY ("rule_set_id") REFERENCES "public"."routing_rule_sets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routing_decisions" ADD CONSTRAINT "routing_decisions_rule_id_routing_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."routing_rules"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routing_decisions" ADD CONSTRAINT "routing_decisions_lead_unit_id_units_id_fk" FOREIGN KEY ("lead_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routing_rule_sets" ADD CONSTRAINT "routing_rule_sets_province_code_provinces_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."provinces"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routing_rules" ADD CONSTRAINT "routing_rules_rule_set_id_routing_rule_sets_id_fk" FOREIGN KEY ("rule_set_id") REFERENCES "public"."routing_rule_sets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routing_rules" ADD CONSTRAINT "routing_rules_province_code_provinces_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."provinces"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routing_rules" ADD CONSTRAINT "routing_rules_commune_code_communes_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."communes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routing_rules" ADD CONSTRAINT "routing_rules_category_categories_code_fk" FOREIGN KEY ("category") REFERENCES "public"."categories"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routing_rules" ADD CONSTRAINT "routing_rules_place_type_place_types_code_fk" FOREIGN KEY ("place_type") REFERENCES "public"."place_types"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routing_rules" ADD CONSTRAINT "routing_rules_lead_force_forces_code_fk" FOREIGN KEY ("lead_force") REFERENCES "public"."forces"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "routing_decisions_lead_unit_idx" ON "routing_decisions" USING btree ("lead_unit_id");--> statement-breakpoint
CREATE INDEX "routing_rules_rule_set_idx" ON "routing_rules" USING btree ("rule_set_id");--> statement-breakpoint
-- Jurisdictions that existed before they were versioned start when their unit started.
UPDATE "unit_jurisdictions" AS j SET "valid_from" = u."valid_from" FROM "units" AS u WHERE u."id" = j."unit_id";--> statement-breakpoint
INSERT INTO "routing_state" ("id", "generation") VALUES (1, 0);--> statement-breakpoint
-- Every change to what routing reads bumps the generation, so each server process sees it.
CREATE FUNCTION "routing_bump_generation"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "routing_state" SET "generation" = "generation" + 1 WHERE "id" = 1;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "units_bump_routing" AFTER INSERT OR UPDATE OR DELETE ON "units" FOR EACH STATEMENT EXECUTE FUNCTION "routing_bump_generation"();--> statement-breakpoint
CREATE TRIGGER "unit_jurisdictions_bump_routing" AFTER INSERT OR UPDATE OR DELETE ON "unit_jurisdictions" FOR EACH STATEMENT EXECUTE FUNCTION "routing_bump_generation"();--> statement-breakpoint
CREATE TRIGGER "routing_rule_sets_bump_routing" AFTER INSERT OR UPDATE OR DELETE ON "routing_rule_sets" FOR EACH STATEMENT EXECUTE FUNCTION "routing_bump_generation"();--> statement-breakpoint
-- A published rule set is immutable: its rules cannot change, and of the set itself only the
-- end of its effect may be written, once, when the next version is published.
CREATE FUNCTION "routing_rules_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  set_id integer := CASE WHEN TG_OP = 'DELETE' THEN OLD."rule_set_id" ELSE NEW."rule_set_id" END;
BEGIN
  IF EXISTS (SELECT 1 FROM "routing_rule_sets" WHERE "id" = set_id AND "status" <> 'draft')
     OR (TG_OP = 'UPDATE' AND EXISTS (SELECT 1 FROM "routing_rule_sets" WHERE "id" = OLD."rule_set_id" AND "status" <> 'draft')) THEN
    RAISE EXCEPTION 'routing rules of a published rule set cannot be changed' USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;--> statement-breakpoint
CREATE TRIGGER "routing_rules_guard" BEFORE INSERT OR UPDATE OR DELETE ON "routing_rules" FOR EACH ROW EXECUTE FUNCTION "routing_rules_guard"();--> statement-breakpoint
CREATE FUNCTION "routing_rule_sets_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD."status" <> 'draft' THEN
      RAISE EXCEPTION 'a published rule set cannot be deleted' USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD."status" <> 'draft' AND (
       NEW."status" IS DISTINCT FROM OLD."status" OR NEW."scope" IS DISTINCT FROM OLD."scope"
    OR NEW."province_code" IS DISTINCT FROM OLD."province_code" OR NEW."version" IS DISTINCT FROM OLD."version"
    OR NEW."effective_from" IS DISTINCT FROM OLD."effective_from" OR NEW."published_at" IS DISTINCT FROM OLD."published_at"
    OR (OLD."effective_to" IS NOT NULL AND NEW."effective_to" IS DISTINCT FROM OLD."effective_to")) THEN
    RAISE EXCEPTION 'a published rule set cannot be changed' USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER "routing_rule_sets_guard" BEFORE UPDATE OR DELETE ON "routing_rule_sets" FOR EACH ROW EXECUTE FUNCTION "routing_rule_sets_guard"();--> statement-breakpoint
CREATE FUNCTION "routing_decisions_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'routing decisions are immutable' USING ERRCODE = 'integrity_constraint_violation';
END $$;--> statement-breakpoint
CREATE TRIGGER "routing_decisions_immutable" BEFORE UPDATE OR DELETE ON "routing_decisions" FOR EACH ROW EXECUTE FUNCTION "routing_decisions_immutable"();
