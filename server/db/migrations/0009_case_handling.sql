CREATE TABLE "holidays" (
	"day" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_coordinations" (
	"report_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"source" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "report_coordinations_report_id_unit_id_pk" PRIMARY KEY("report_id","unit_id")
);
--> statement-breakpoint
ALTER TABLE "report_events" ADD COLUMN "seq" integer;--> statement-breakpoint
ALTER TABLE "report_events" ADD COLUMN "prev_hash" text;--> statement-breakpoint
ALTER TABLE "report_events" ADD COLUMN "hash" text;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "accept_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "resolve_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "next_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "paused_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "paused_ms" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "extensions" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "accepted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "resolved_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "closed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "outcome" text;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "assigned_to" uuid;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "merged_into" uuid;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "transfer_to_unit_id" uuid;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "transfer_reason" text;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "transfer_requested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "transfer_disputed" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "events_seq" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "events_head" text;--> statement-breakpoint
ALTER TABLE "report_coordinations" ADD CONSTRAINT "report_coordinations_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_coordinations" ADD CONSTRAINT "report_coordinations_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_coordinations_unit_idx" ON "report_coordinations" USING btree ("unit_id","report_id");--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_assigned_to_staff_accounts_id_fk" FOREIGN KEY ("assigned_to") REFERENCES "public"."staff_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_merged_into_reports_id_fk" FOREIGN KEY ("merged_into") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_transfer_to_unit_id_units_id_fk" FOREIGN KEY ("transfer_to_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "report_events_report_seq_idx" ON "report_events" USING btree ("report_id","seq");--> statement-breakpoint
CREATE INDEX "reports_lead_due_idx" ON "reports" USING btree ("lead_unit_id","next_due_at","id");--> statement-breakpoint
CREATE INDEX "reports_province_due_idx" ON "reports" USING btree ("province_code","next_due_at","id");--> statement-breakpoint
-- Reports received before deadlines were kept: 24 hours to accept (48 in remote or island communes),
-- and 28 calendar days (about 20 working days) to resolve; the running deadline is the one of their status.
UPDATE "reports" r SET
  "accept_due_at" = r."received_at" + CASE WHEN c."remote_or_island" THEN interval '48 hours' ELSE interval '24 hours' END,
  "resolve_due_at" = r."received_at" + interval '28 days'
FROM "communes" c WHERE c."code" = r."commune_code";--> statement-breakpoint
UPDATE "reports" SET "next_due_at" = CASE
  WHEN "status" = 'received' THEN "accept_due_at"
  WHEN "status" IN ('accepted', 'verifying') THEN "resolve_due_at"
END;--> statement-breakpoint
-- A report paused now has been since it entered that status.
UPDATE "reports" r SET "paused_since" = coalesce(
  (SELECT max(e."at") FROM "report_events" e WHERE e."report_id" = r."id" AND e."type" = 'status_changed' AND e."to_status" = r."status"),
  r."received_at")
WHERE r."status" IN ('needs_info', 'suspended');--> statement-breakpoint
ALTER TABLE "reports" ALTER COLUMN "accept_due_at" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "reports" ALTER COLUMN "resolve_due_at" SET NOT NULL;--> statement-breakpoint
-- The coordinating units of each routing decision, so that queues and access read one table.
INSERT INTO "report_coordinations" ("report_id", "unit_id", "source", "at")
SELECT r."id", (c->>'unitId')::uuid, 'routing', r."received_at"
FROM "reports" r JOIN "routing_decisions" d ON d."id" = r."routing_decision_id", jsonb_array_elements(d."coordinating") c
ON CONFLICT DO NOTHING;--> statement-breakpoint
-- The holidays' data is written once, in server/holidays/holidays-vn.ts, and copied in at every start
-- (syncHolidays, issue #16); this migration inserted the same rows until then.
-- Issue #6, tamper evidence: each event's hash covers its content and the previous event of the
-- report. The database computes it, so no code path can skip it; npm run audit:verify recomputes it.
CREATE FUNCTION "report_event_digest"(prev text, e "report_events") RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(concat_ws(chr(31),
    coalesce(prev, ''), e.seq::text, e.report_id::text, e.type, (extract(epoch FROM e.at) * 1000000)::bigint::text,
    e.actor, e.public::text, coalesce(e.from_status, ''), coalesce(e.to_status, ''), coalesce(e.body, ''),
    coalesce(e.data::text, '')), 'UTF8')), 'hex')
$$;--> statement-breakpoint
DO $$
DECLARE
  e record;
  previous text;
  current_report uuid;
  n integer;
BEGIN
  FOR e IN SELECT * FROM "report_events" ORDER BY "report_id", "id" LOOP
    IF current_report IS DISTINCT FROM e.report_id THEN
      current_report := e.report_id;
      previous := NULL;
      n := 0;
    END IF;
    n := n + 1;
    UPDATE "report_events" SET "seq" = n, "prev_hash" = previous WHERE "id" = e.id;
    UPDATE "report_events" x SET "hash" = report_event_digest(previous, x) WHERE x."id" = e.id RETURNING x."hash" INTO previous;
  END LOOP;
END $$;--> statement-breakpoint
-- Each report remembers the head of its chain, so that deleting its last events shows too.
UPDATE "reports" r SET "events_seq" = h."seq", "events_head" = h."hash"
FROM (SELECT DISTINCT ON ("report_id") "report_id", "seq", "hash" FROM "report_events" ORDER BY "report_id", "seq" DESC) h
WHERE h."report_id" = r."id";--> statement-breakpoint
ALTER TABLE "report_events" ALTER COLUMN "seq" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "report_events" ALTER COLUMN "hash" SET NOT NULL;--> statement-breakpoint
CREATE FUNCTION "report_events_chain"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- One writer per report at a time: the next event links to the one before it, never to a sibling.
  PERFORM 1 FROM "reports" WHERE "id" = NEW.report_id FOR UPDATE;
  SELECT "seq", "hash" INTO NEW.seq, NEW.prev_hash FROM "report_events" WHERE "report_id" = NEW.report_id ORDER BY "seq" DESC LIMIT 1;
  NEW.seq := coalesce(NEW.seq, 0) + 1;
  NEW.hash := report_event_digest(NEW.prev_hash, NEW);
  UPDATE "reports" SET "events_seq" = NEW.seq, "events_head" = NEW.hash WHERE "id" = NEW.report_id;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER "report_events_chain" BEFORE INSERT ON "report_events" FOR EACH ROW EXECUTE FUNCTION "report_events_chain"();--> statement-breakpoint
-- SPEC.md §5: every change is an append-only event; nothing is ever deleted.
CREATE FUNCTION "report_events_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'report events are append-only' USING ERRCODE = 'integrity_constraint_violation';
END $$;--> statement-breakpoint
CREATE TRIGGER "report_events_append_only" BEFORE UPDATE OR DELETE ON "report_events" FOR EACH ROW EXECUTE FUNCTION "report_events_append_only"();--> statement-breakpoint
CREATE TRIGGER "report_events_no_truncate" BEFORE TRUNCATE ON "report_events" FOR EACH STATEMENT EXECUTE FUNCTION "report_events_append_only"();
