CREATE TABLE "vms_integration_camera" (
	"integration_id" uuid NOT NULL,
	"camera_id" uuid NOT NULL,
	CONSTRAINT "vms_integration_camera_integration_id_camera_id_pk" PRIMARY KEY("integration_id","camera_id")
);
--> statement-breakpoint
CREATE TABLE "vms_integration_pull" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"integration_id" uuid NOT NULL,
	"camera_id" uuid NOT NULL,
	"node_id" text NOT NULL,
	"origin" text,
	"started_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"seen_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp (3) with time zone,
	"audited" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vms_integration" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"unit" text NOT NULL,
	"username" text NOT NULL,
	"secret_hash" text NOT NULL,
	"allowed_cidr" text,
	"status" text DEFAULT 'active' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"rotated_at" timestamp (3) with time zone,
	"revoked_at" timestamp (3) with time zone,
	"revoked_by" uuid,
	"revoke_reason" text,
	CONSTRAINT "vms_integration_username_unique" UNIQUE("username")
);
--> statement-breakpoint
CREATE TABLE "playback_session" (
	"id" uuid PRIMARY KEY NOT NULL,
	"camera_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"session_id" text NOT NULL,
	"source" text DEFAULT 'platform' NOT NULL,
	"from_at" timestamp (3) with time zone NOT NULL,
	"to_at" timestamp (3) with time zone,
	"node_id" text,
	"origin" text,
	"started_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"seen_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp (3) with time zone,
	"end_reason" text,
	"audited_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "camera_nvr" (
	"camera_id" uuid PRIMARY KEY NOT NULL,
	"preset" text NOT NULL,
	"url_template" text NOT NULL,
	"channel" integer DEFAULT 1 NOT NULL,
	"credentials" jsonb,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "camera" ADD COLUMN "ingest_mode" text DEFAULT 'native' NOT NULL;--> statement-breakpoint
ALTER TABLE "camera" ADD COLUMN "stream_source" text DEFAULT 'path' NOT NULL;--> statement-breakpoint
ALTER TABLE "release_delivery" ADD COLUMN "failure_reason" text;--> statement-breakpoint
ALTER TABLE "export_job" ADD COLUMN "attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "export_job" ADD COLUMN "retry_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "vms_integration_camera" ADD CONSTRAINT "vms_integration_camera_integration_id_vms_integration_id_fk" FOREIGN KEY ("integration_id") REFERENCES "public"."vms_integration"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vms_integration_camera" ADD CONSTRAINT "vms_integration_camera_camera_id_camera_id_fk" FOREIGN KEY ("camera_id") REFERENCES "public"."camera"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vms_integration_pull" ADD CONSTRAINT "vms_integration_pull_integration_id_vms_integration_id_fk" FOREIGN KEY ("integration_id") REFERENCES "public"."vms_integration"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playback_session" ADD CONSTRAINT "playback_session_camera_id_camera_id_fk" FOREIGN KEY ("camera_id") REFERENCES "public"."camera"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "camera_nvr" ADD CONSTRAINT "camera_nvr_camera_id_camera_id_fk" FOREIGN KEY ("camera_id") REFERENCES "public"."camera"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "vms_integration_pull_audit_idx" ON "vms_integration_pull" USING btree ("audited");--> statement-breakpoint
CREATE INDEX "vms_integration_pull_used_idx" ON "vms_integration_pull" USING btree ("integration_id","seen_at");--> statement-breakpoint
CREATE INDEX "playback_session_open_idx" ON "playback_session" USING btree ("audited_at","seen_at");--> statement-breakpoint
CREATE INDEX "playback_session_camera_idx" ON "playback_session" USING btree ("camera_id","started_at");