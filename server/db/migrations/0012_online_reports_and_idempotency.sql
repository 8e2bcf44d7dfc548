CREATE TABLE "idempotency_keys" (
	"key_hash" text PRIMARY KEY NOT NULL,
	"request_hash" text NOT NULL,
	"status" integer,
	"response_sealed" text,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "routing_decisions" ALTER COLUMN "commune_code" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "reports" ALTER COLUMN "commune_code" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "reports" ALTER COLUMN "address" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "seller_handle" text;--> statement-breakpoint
CREATE INDEX "idempotency_keys_expires_idx" ON "idempotency_keys" USING btree ("expires_at");--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_place_unless_online" CHECK ("reports"."place_type" = 'online' or ("reports"."commune_code" is not null and "reports"."address" is not null));