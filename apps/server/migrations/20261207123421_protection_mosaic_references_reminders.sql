CREATE TABLE "protection_period_reminder" (
	"mission_id" uuid NOT NULL,
	"period_end" date NOT NULL,
	"recipients" integer NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "protection_period_reminder_mission_id_period_end_pk" PRIMARY KEY("mission_id","period_end")
);
--> statement-breakpoint
CREATE TABLE "protection_reference_place" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"address" text NOT NULL,
	"municipality" text NOT NULL,
	"phone" text,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL,
	"source" text NOT NULL,
	"illustrative" boolean DEFAULT false NOT NULL,
	"imported_by" uuid,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "protection_route_camera" (
	"mission_id" uuid NOT NULL,
	"camera_id" uuid NOT NULL,
	CONSTRAINT "protection_route_camera_mission_id_camera_id_pk" PRIMARY KEY("mission_id","camera_id")
);
--> statement-breakpoint
ALTER TABLE "protection_mission" ADD COLUMN "current_leg" integer;--> statement-breakpoint
ALTER TABLE "protection_period_reminder" ADD CONSTRAINT "protection_period_reminder_mission_id_protection_mission_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."protection_mission"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protection_route_camera" ADD CONSTRAINT "protection_route_camera_mission_id_protection_mission_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."protection_mission"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protection_route_camera" ADD CONSTRAINT "protection_route_camera_camera_id_camera_id_fk" FOREIGN KEY ("camera_id") REFERENCES "public"."camera"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "protection_reference_place_kind_idx" ON "protection_reference_place" USING btree ("kind");--> statement-breakpoint
CREATE INDEX "protection_route_camera_camera_idx" ON "protection_route_camera" USING btree ("camera_id");