CREATE TABLE "camera_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"camera_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"actor_user_id" uuid,
	"data" jsonb,
	"dedupe_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "camera_ptz" (
	"camera_id" uuid PRIMARY KEY NOT NULL,
	"supported" boolean NOT NULL,
	"checked_at" timestamp with time zone NOT NULL,
	"approved_preset_token" text,
	"session_id" uuid,
	"last_activity_at" timestamp with time zone,
	"away_from_approved" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ptz_session" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"camera_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"user_name" text NOT NULL,
	"rank" integer NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"last_activity_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"end_reason" text,
	"taken_over_by" uuid,
	"taken_over_by_name" text,
	"moves" integer DEFAULT 0 NOT NULL,
	"presets_used" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "camera_view_check" (
	"camera_id" uuid PRIMARY KEY NOT NULL,
	"reference_source" text NOT NULL,
	"reference_file" text NOT NULL,
	"reference_hash" text NOT NULL,
	"last_checked_at" timestamp with time zone,
	"last_hash" text,
	"last_distance" integer,
	"changed_since" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "camera_event" ADD CONSTRAINT "camera_event_camera_id_camera_id_fk" FOREIGN KEY ("camera_id") REFERENCES "public"."camera"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "camera_ptz" ADD CONSTRAINT "camera_ptz_camera_id_camera_id_fk" FOREIGN KEY ("camera_id") REFERENCES "public"."camera"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ptz_session" ADD CONSTRAINT "ptz_session_camera_id_camera_id_fk" FOREIGN KEY ("camera_id") REFERENCES "public"."camera"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "camera_view_check" ADD CONSTRAINT "camera_view_check_camera_id_camera_id_fk" FOREIGN KEY ("camera_id") REFERENCES "public"."camera"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "camera_event_time_idx" ON "camera_event" USING btree ("occurred_at");--> statement-breakpoint
CREATE INDEX "camera_event_camera_idx" ON "camera_event" USING btree ("camera_id","occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "camera_event_dedupe_uq" ON "camera_event" USING btree ("dedupe_key");--> statement-breakpoint
CREATE INDEX "ptz_session_camera_idx" ON "ptz_session" USING btree ("camera_id","started_at");--> statement-breakpoint
CREATE INDEX "ptz_session_user_idx" ON "ptz_session" USING btree ("user_id","started_at");