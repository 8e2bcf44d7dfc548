ALTER TABLE "units" ADD COLUMN IF NOT EXISTS "duty_phone" text;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN IF NOT EXISTS "duty_email" text;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "urgent" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "reports_urgent_open_idx" ON "reports" USING btree ("next_due_at","id") WHERE "reports"."urgent" and "reports"."status" in ('received', 'accepted', 'verifying', 'needs_info', 'suspended');
