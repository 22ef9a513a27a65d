CREATE TABLE "evidence_object" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"segment_id" uuid NOT NULL,
	"bucket" text NOT NULL,
	"object_key" text NOT NULL,
	"version_id" text,
	"etag" text,
	"lock_mode" text NOT NULL,
	"retain_until" timestamp (3) with time zone NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "recording_segment" ADD COLUMN "object_key" text;--> statement-breakpoint
ALTER TABLE "recording_segment" ADD COLUMN "object_etag" text;--> statement-breakpoint
ALTER TABLE "recording_segment" ADD COLUMN "uploaded_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "recording_segment" ADD COLUMN "spool_removed_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "evidence_object" ADD CONSTRAINT "evidence_object_segment_id_recording_segment_id_fk" FOREIGN KEY ("segment_id") REFERENCES "public"."recording_segment"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "evidence_object_segment_uq" ON "evidence_object" USING btree ("segment_id","bucket");--> statement-breakpoint
CREATE INDEX "evidence_object_retain_idx" ON "evidence_object" USING btree ("retain_until");--> statement-breakpoint
CREATE UNIQUE INDEX "recording_segment_object_key_uq" ON "recording_segment" USING btree ("object_key");--> statement-breakpoint
CREATE INDEX "recording_segment_upload_idx" ON "recording_segment" USING btree ("node_id","closed_at") WHERE object_key IS NULL AND closed_at IS NOT NULL AND deleted_at IS NULL;