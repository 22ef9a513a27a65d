CREATE TABLE "export_job" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"camera_ids" jsonb NOT NULL,
	"from_at" timestamp (3) with time zone NOT NULL,
	"to_at" timestamp (3) with time zone NOT NULL,
	"reason" text NOT NULL,
	"case_number" text,
	"requested_by" uuid,
	"requested_by_label" text NOT NULL,
	"release_delivery_id" uuid,
	"status" text DEFAULT 'queued' NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"error" text,
	"built_by" text,
	"package_key" text,
	"size_bytes" bigint,
	"downloads" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp (3) with time zone,
	"finished_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "alert" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"camera_id" uuid NOT NULL,
	"partner_id" uuid,
	"outage_id" uuid NOT NULL,
	"message" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" uuid
);
--> statement-breakpoint
CREATE INDEX "export_job_status_idx" ON "export_job" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "export_job_requester_idx" ON "export_job" USING btree ("requested_by","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "alert_outage_kind_uq" ON "alert" USING btree ("outage_id","kind");--> statement-breakpoint
CREATE INDEX "alert_open_idx" ON "alert" USING btree ("acknowledged_at","created_at");