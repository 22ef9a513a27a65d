CREATE TABLE "bookmark" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"camera_id" uuid NOT NULL,
	"created_by" uuid NOT NULL,
	"unit" text,
	"start_at" timestamp (3) with time zone NOT NULL,
	"end_at" timestamp (3) with time zone NOT NULL,
	"title" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"tags" text[] DEFAULT '{}' NOT NULL,
	"release_request_id" uuid,
	"evidence_lock_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "console_layout" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"scope" text NOT NULL,
	"unit" text,
	"name" text NOT NULL,
	"grid" text NOT NULL,
	"cameras" jsonb NOT NULL,
	"tour_seconds" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "bookmark" ADD CONSTRAINT "bookmark_camera_id_camera_id_fk" FOREIGN KEY ("camera_id") REFERENCES "public"."camera"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookmark" ADD CONSTRAINT "bookmark_release_request_id_release_request_id_fk" FOREIGN KEY ("release_request_id") REFERENCES "public"."release_request"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookmark" ADD CONSTRAINT "bookmark_evidence_lock_id_evidence_lock_id_fk" FOREIGN KEY ("evidence_lock_id") REFERENCES "public"."evidence_lock"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "console_layout" ADD CONSTRAINT "console_layout_owner_id_app_user_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."app_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bookmark_camera_idx" ON "bookmark" USING btree ("camera_id","start_at");--> statement-breakpoint
CREATE INDEX "bookmark_unit_idx" ON "bookmark" USING btree ("unit");--> statement-breakpoint
CREATE INDEX "console_layout_owner_idx" ON "console_layout" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "console_layout_unit_idx" ON "console_layout" USING btree ("unit");