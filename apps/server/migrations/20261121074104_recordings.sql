CREATE TABLE "camera_health" (
	"camera_id" uuid PRIMARY KEY NOT NULL,
	"node_id" text NOT NULL,
	"connected" boolean NOT NULL,
	"receiving" boolean NOT NULL,
	"fps" real DEFAULT 0 NOT NULL,
	"bitrate_kbps" real DEFAULT 0 NOT NULL,
	"rtp_lost" bigint DEFAULT 0 NOT NULL,
	"last_frame_at" timestamp (3) with time zone,
	"last_keyframe_at" timestamp (3) with time zone,
	"last_error" text,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recording_gap" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"camera_id" uuid NOT NULL,
	"node_id" text NOT NULL,
	"started_at" timestamp (3) with time zone NOT NULL,
	"ended_at" timestamp (3) with time zone,
	"cause" text NOT NULL,
	"detail" text
);
--> statement-breakpoint
CREATE TABLE "recording_policy" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"camera_id" uuid,
	"partner_id" uuid,
	"enabled" boolean DEFAULT true NOT NULL,
	"retention_days" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recording_segment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"camera_id" uuid NOT NULL,
	"seq" bigint NOT NULL,
	"node_id" text NOT NULL,
	"storage_key" text NOT NULL,
	"start_at" timestamp (3) with time zone NOT NULL,
	"end_at" timestamp (3) with time zone,
	"size_bytes" bigint,
	"frames" integer,
	"codec" text,
	"sha256" text,
	"prev_chain_hash" text,
	"chain_hash" text,
	"closed_at" timestamp (3) with time zone,
	"close_reason" text,
	"deleted_at" timestamp (3) with time zone,
	"deleted_reason" text
);
--> statement-breakpoint
ALTER TABLE "camera_outage" ADD COLUMN "cause" text;--> statement-breakpoint
ALTER TABLE "camera_health" ADD CONSTRAINT "camera_health_camera_id_camera_id_fk" FOREIGN KEY ("camera_id") REFERENCES "public"."camera"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recording_gap" ADD CONSTRAINT "recording_gap_camera_id_camera_id_fk" FOREIGN KEY ("camera_id") REFERENCES "public"."camera"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recording_policy" ADD CONSTRAINT "recording_policy_camera_id_camera_id_fk" FOREIGN KEY ("camera_id") REFERENCES "public"."camera"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recording_segment" ADD CONSTRAINT "recording_segment_camera_id_camera_id_fk" FOREIGN KEY ("camera_id") REFERENCES "public"."camera"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "recording_gap_camera_idx" ON "recording_gap" USING btree ("camera_id","started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "recording_policy_camera_uq" ON "recording_policy" USING btree ("camera_id");--> statement-breakpoint
CREATE UNIQUE INDEX "recording_policy_partner_uq" ON "recording_policy" USING btree ("partner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "recording_segment_camera_seq_uq" ON "recording_segment" USING btree ("camera_id","seq");--> statement-breakpoint
CREATE INDEX "recording_segment_camera_start_idx" ON "recording_segment" USING btree ("camera_id","start_at");--> statement-breakpoint
CREATE INDEX "recording_segment_live_start_idx" ON "recording_segment" USING btree ("start_at");--> statement-breakpoint
CREATE UNIQUE INDEX "recording_segment_storage_key_uq" ON "recording_segment" USING btree ("storage_key");