CREATE TABLE "report_stats_daily" (
	"day" date NOT NULL,
	"province_code" text NOT NULL,
	"lead_unit_id" uuid NOT NULL,
	"received" integer DEFAULT 0 NOT NULL,
	"accepted" integer DEFAULT 0 NOT NULL,
	"accepted_in_time" integer DEFAULT 0 NOT NULL,
	"resolved" integer DEFAULT 0 NOT NULL,
	"resolved_in_time" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "report_stats_daily_day_province_code_lead_unit_id_pk" PRIMARY KEY("day","province_code","lead_unit_id")
);
--> statement-breakpoint
CREATE TABLE "report_stats_durations" (
	"month" date NOT NULL,
	"province_code" text NOT NULL,
	"lead_unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"amount" integer NOT NULL,
	"n" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "report_stats_durations_month_province_code_lead_unit_id_kind_amount_pk" PRIMARY KEY("month","province_code","lead_unit_id","kind","amount")
);
--> statement-breakpoint
CREATE TABLE "report_stats_monthly" (
	"month" date NOT NULL,
	"province_code" text NOT NULL,
	"lead_unit_id" uuid NOT NULL,
	"category" text NOT NULL,
	"place_type" text NOT NULL,
	"channel" text NOT NULL,
	"received" integer DEFAULT 0 NOT NULL,
	"accepted" integer DEFAULT 0 NOT NULL,
	"accepted_in_time" integer DEFAULT 0 NOT NULL,
	"resolved" integer DEFAULT 0 NOT NULL,
	"resolved_in_time" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "report_stats_monthly_month_province_code_lead_unit_id_category_place_type_channel_pk" PRIMARY KEY("month","province_code","lead_unit_id","category","place_type","channel")
);
--> statement-breakpoint
DROP INDEX "reports_open_idx";--> statement-breakpoint
ALTER TABLE "report_coordinations" ADD COLUMN "report_open" boolean DEFAULT true NOT NULL;--> statement-breakpoint
CREATE INDEX "reports_open_idx" ON "reports" USING btree ("received_at","status","category","province_code","lead_unit_id","transfer_to_unit_id","assigned_to","place_type","commune_code","next_due_at","id","channel","merged_into") WHERE "reports"."status" in ('received', 'accepted', 'verifying', 'needs_info', 'suspended');--> statement-breakpoint
-- The statuses with work still to do (shared/domain/lifecycle.ts; OPEN_STATUSES in cases.repository.ts).
CREATE FUNCTION "report_is_open"(status text) RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  select status in ('received', 'accepted', 'verifying', 'needs_info', 'suspended')
$$;--> statement-breakpoint
UPDATE "report_coordinations" c SET "report_open" = report_is_open(r.status) FROM "reports" r WHERE r.id = c.report_id;--> statement-breakpoint
-- Built after the update, so that it holds the open coordinations only.
CREATE INDEX "report_coordinations_open_idx" ON "report_coordinations" USING btree ("unit_id","report_id") WHERE "report_coordinations"."report_open";--> statement-breakpoint
-- A coordination starts open or not as its report is; the report's status changes carry over.
CREATE FUNCTION "report_coordinations_open"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.report_open := coalesce((SELECT report_is_open(r.status) FROM reports r WHERE r.id = NEW.report_id), true);
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER "report_coordinations_open" BEFORE INSERT ON "report_coordinations" FOR EACH ROW EXECUTE FUNCTION "report_coordinations_open"();--> statement-breakpoint
CREATE FUNCTION "reports_coordinations_open"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF report_is_open(NEW.status) IS DISTINCT FROM report_is_open(OLD.status) THEN
    UPDATE report_coordinations SET report_open = report_is_open(NEW.status) WHERE report_id = NEW.id;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "reports_coordinations_open" AFTER UPDATE OF "status" ON "reports" FOR EACH ROW EXECUTE FUNCTION "reports_coordinations_open"();--> statement-breakpoint

-- Issue #7. The day of a moment in Vietnam (SPEC.md §5: clocks run in Asia/Ho_Chi_Minh time).
CREATE FUNCTION "stats_day"(t timestamptz) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  select (t at time zone 'Asia/Ho_Chi_Minh')::date
$$;--> statement-breakpoint
CREATE TYPE "report_stats_fact" AS (
  counted boolean, day date, month date,
  accepted int, accepted_in_time int, resolved int, resolved_in_time int,
  accept_hours int, resolve_days int
);--> statement-breakpoint
-- What one report adds to the statistics: the one definition of the figures of SPEC.md §5 that the
-- trigger below, the rebuild and the live lists (view report_stats_facts) all use. A merged duplicate
-- adds nothing (it is counted once, as the report it was merged into).
CREATE FUNCTION "report_stats_of"(r reports) RETURNS report_stats_fact LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  select row(
    r.merged_into is null,
    stats_day(r.received_at),
    date_trunc('month', stats_day(r.received_at)::timestamp)::date,
    (r.accepted_at is not null)::int,
    (r.accepted_at is not null and r.accepted_at <= r.accept_due_at)::int,
    (r.resolved_at is not null)::int,
    (r.resolved_at is not null and r.resolved_at <= r.resolve_due_at)::int,
    floor(extract(epoch from r.accepted_at - r.received_at) / 3600)::int,
    floor(extract(epoch from r.resolved_at - r.received_at) / 86400)::int
  )::report_stats_fact
$$;--> statement-breakpoint
CREATE VIEW "report_stats_facts" AS
  SELECT r.id, r.received_at, r.province_code, r.lead_unit_id, r.category, r.place_type, r.channel, r.status, r.next_due_at,
    (report_stats_of(r)).day, (report_stats_of(r)).month, (report_stats_of(r)).accepted, (report_stats_of(r)).accepted_in_time,
    (report_stats_of(r)).resolved, (report_stats_of(r)).resolved_in_time, (report_stats_of(r)).accept_hours, (report_stats_of(r)).resolve_days
  FROM reports r
  WHERE (report_stats_of(r)).counted;--> statement-breakpoint
-- Adds (sign 1) or takes away (sign -1) what a report adds to the three tables of running totals.
CREATE FUNCTION "report_stats_add"(r reports, sign int) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  f report_stats_fact := report_stats_of(r);
BEGIN
  IF NOT f.counted THEN RETURN; END IF;
  INSERT INTO report_stats_daily AS s (day, province_code, lead_unit_id, received, accepted, accepted_in_time, resolved, resolved_in_time)
    VALUES (f.day, r.province_code, r.lead_unit_id, sign, sign * f.accepted, sign * f.accepted_in_time, sign * f.resolved, sign * f.resolved_in_time)
    ON CONFLICT (day, province_code, lead_unit_id) DO UPDATE SET
      received = s.received + excluded.received, accepted = s.accepted + excluded.accepted, accepted_in_time = s.accepted_in_time + excluded.accepted_in_time,
      resolved = s.resolved + excluded.resolved, resolved_in_time = s.resolved_in_time + excluded.resolved_in_time;
  INSERT INTO report_stats_monthly AS s (month, province_code, lead_unit_id, category, place_type, channel, received, accepted, accepted_in_time, resolved, resolved_in_time)
    VALUES (f.month, r.province_code, r.lead_unit_id, r.category, r.place_type, r.channel, sign, sign * f.accepted, sign * f.accepted_in_time, sign * f.resolved, sign * f.resolved_in_time)
    ON CONFLICT (month, province_code, lead_unit_id, category, place_type, channel) DO UPDATE SET
      received = s.received + excluded.received, accepted = s.accepted + excluded.accepted, accepted_in_time = s.accepted_in_time + excluded.accepted_in_time,
      resolved = s.resolved + excluded.resolved, resolved_in_time = s.resolved_in_time + excluded.resolved_in_time;
  IF f.accept_hours IS NOT NULL THEN
    INSERT INTO report_stats_durations AS s (month, province_code, lead_unit_id, kind, amount, n) VALUES (f.month, r.province_code, r.lead_unit_id, 'accept', f.accept_hours, sign)
      ON CONFLICT (month, province_code, lead_unit_id, kind, amount) DO UPDATE SET n = s.n + excluded.n;
  END IF;
  IF f.resolve_days IS NOT NULL THEN
    INSERT INTO report_stats_durations AS s (month, province_code, lead_unit_id, kind, amount, n) VALUES (f.month, r.province_code, r.lead_unit_id, 'resolve', f.resolve_days, sign)
      ON CONFLICT (month, province_code, lead_unit_id, kind, amount) DO UPDATE SET n = s.n + excluded.n;
  END IF;
END $$;--> statement-breakpoint
CREATE FUNCTION "reports_stats"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    IF TG_OP = 'UPDATE' AND (report_stats_of(OLD), OLD.province_code, OLD.lead_unit_id, OLD.category, OLD.place_type, OLD.channel)
        IS NOT DISTINCT FROM (report_stats_of(NEW), NEW.province_code, NEW.lead_unit_id, NEW.category, NEW.place_type, NEW.channel) THEN
      RETURN NULL;
    END IF;
    PERFORM report_stats_add(OLD, -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM report_stats_add(NEW, 1);
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "reports_stats" AFTER INSERT OR DELETE OR UPDATE OF "received_at", "merged_into", "accepted_at", "accept_due_at", "resolved_at", "resolve_due_at",
  "province_code", "lead_unit_id", "category", "place_type", "channel" ON "reports" FOR EACH ROW EXECUTE FUNCTION "reports_stats"();--> statement-breakpoint
-- Recomputes the running totals from the reports: after a bulk load with the trigger off, and as a check.
CREATE FUNCTION "report_stats_rebuild"() RETURNS void LANGUAGE sql AS $$
  DELETE FROM report_stats_daily;
  DELETE FROM report_stats_monthly;
  DELETE FROM report_stats_durations;
  INSERT INTO report_stats_daily (day, province_code, lead_unit_id, received, accepted, accepted_in_time, resolved, resolved_in_time)
    SELECT day, province_code, lead_unit_id, count(*), sum(accepted), sum(accepted_in_time), sum(resolved), sum(resolved_in_time)
    FROM report_stats_facts GROUP BY day, province_code, lead_unit_id;
  INSERT INTO report_stats_monthly (month, province_code, lead_unit_id, category, place_type, channel, received, accepted, accepted_in_time, resolved, resolved_in_time)
    SELECT month, province_code, lead_unit_id, category, place_type, channel, count(*), sum(accepted), sum(accepted_in_time), sum(resolved), sum(resolved_in_time)
    FROM report_stats_facts GROUP BY month, province_code, lead_unit_id, category, place_type, channel;
  INSERT INTO report_stats_durations (month, province_code, lead_unit_id, kind, amount, n)
    SELECT month, province_code, lead_unit_id, 'accept', accept_hours, count(*) FROM report_stats_facts WHERE accept_hours IS NOT NULL GROUP BY month, province_code, lead_unit_id, accept_hours
    UNION ALL
    SELECT month, province_code, lead_unit_id, 'resolve', resolve_days, count(*) FROM report_stats_facts WHERE resolve_days IS NOT NULL GROUP BY month, province_code, lead_unit_id, resolve_days;
$$;--> statement-breakpoint
SELECT report_stats_rebuild();
--> statement-breakpoint
-- Reports in order of receipt with every column the statistics read (issue #7): the days of a period
-- outside whole months, the lists behind the numbers and the exports are read from the index alone.
CREATE INDEX "reports_stats_idx" ON "reports" USING btree ("received_at", "id")
  INCLUDE ("province_code", "lead_unit_id", "category", "place_type", "channel", "merged_into", "accepted_at", "accept_due_at", "resolved_at", "resolve_due_at", "next_due_at");
