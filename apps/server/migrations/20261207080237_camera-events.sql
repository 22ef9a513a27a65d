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
ALTER TABLE "camera_event" ADD CONSTRAINT "camera_event_camera_id_camera_id_fk" FOREIGN KEY ("camera_id") REFERENCES "public"."camera"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "camera_event_time_idx" ON "camera_event" USING btree ("occurred_at");--> statement-breakpoint
CREATE INDEX "camera_event_camera_idx" ON "camera_event" USING btree ("camera_id","occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "camera_event_dedupe_uq" ON "camera_event" USING btree ("dedupe_key");