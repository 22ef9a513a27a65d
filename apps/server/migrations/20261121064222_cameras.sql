CREATE TABLE "camera_self_test" (
	"id" uuid PRIMARY KEY NOT NULL,
	"camera_id" uuid NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone NOT NULL,
	"ok" boolean NOT NULL,
	"steps" jsonb NOT NULL,
	"stream" jsonb,
	"snapshot_file" text,
	"requested_by" uuid
);
--> statement-breakpoint
CREATE TABLE "camera" (
	"id" uuid PRIMARY KEY NOT NULL,
	"partner_id" uuid NOT NULL,
	"camera_point_id" text,
	"kind" text NOT NULL,
	"asset_serial" text,
	"name" text NOT NULL,
	"host" text NOT NULL,
	"rtsp_port" integer NOT NULL,
	"http_port" integer NOT NULL,
	"rtsp_path" text NOT NULL,
	"credentials" jsonb,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL,
	"municipality_ibge" text NOT NULL,
	"heading" integer NOT NULL,
	"field_of_view" integer NOT NULL,
	"mounting" text NOT NULL,
	"open_to_public" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"last_self_test_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "camera_self_test" ADD CONSTRAINT "camera_self_test_camera_id_camera_id_fk" FOREIGN KEY ("camera_id") REFERENCES "public"."camera"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "camera" ADD CONSTRAINT "camera_partner_id_partner_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partner"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "camera_self_test_camera_idx" ON "camera_self_test" USING btree ("camera_id","started_at");--> statement-breakpoint
CREATE INDEX "camera_partner_idx" ON "camera" USING btree ("partner_id");--> statement-breakpoint
CREATE INDEX "camera_municipality_idx" ON "camera" USING btree ("municipality_ibge");--> statement-breakpoint
CREATE UNIQUE INDEX "camera_host_rtsp_port_key" ON "camera" USING btree ("host","rtsp_port");--> statement-breakpoint
CREATE UNIQUE INDEX "camera_host_http_port_key" ON "camera" USING btree ("host","http_port");