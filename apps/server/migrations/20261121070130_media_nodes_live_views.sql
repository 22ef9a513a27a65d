CREATE TABLE "camera_assignment" (
	"camera_id" uuid PRIMARY KEY NOT NULL,
	"node_id" text NOT NULL,
	"acquired_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "live_view" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"camera_id" uuid NOT NULL,
	"node_id" text NOT NULL,
	"user_id" uuid,
	"session_id" text,
	"origin" text,
	"started_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp (3) with time zone,
	"end_reason" text,
	"seen_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"audited" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "media_node" (
	"id" text PRIMARY KEY NOT NULL,
	"public_url" text NOT NULL,
	"started_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"heartbeat_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"upstreams" integer DEFAULT 0 NOT NULL,
	"viewers" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "camera_assignment" ADD CONSTRAINT "camera_assignment_camera_id_camera_id_fk" FOREIGN KEY ("camera_id") REFERENCES "public"."camera"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "camera_assignment_node_idx" ON "camera_assignment" USING btree ("node_id");--> statement-breakpoint
CREATE INDEX "camera_assignment_expires_idx" ON "camera_assignment" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "live_view_audit_idx" ON "live_view" USING btree ("audited");--> statement-breakpoint
CREATE INDEX "live_view_camera_idx" ON "live_view" USING btree ("camera_id","started_at");