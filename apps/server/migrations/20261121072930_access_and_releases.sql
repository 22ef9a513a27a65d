CREATE TABLE "evidence_lock" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"camera_id" uuid NOT NULL,
	"from_at" timestamp with time zone NOT NULL,
	"to_at" timestamp with time zone NOT NULL,
	"reason" text NOT NULL,
	"release_request_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"released_at" timestamp with time zone,
	"released_by" uuid,
	"released_reason" text
);
--> statement-breakpoint
CREATE TABLE "operator_area_edge" (
	"area_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"x1" double precision NOT NULL,
	"y1" double precision NOT NULL,
	"x2" double precision NOT NULL,
	"y2" double precision NOT NULL,
	CONSTRAINT "operator_area_edge_area_id_seq_pk" PRIMARY KEY("area_id","seq")
);
--> statement-breakpoint
CREATE TABLE "operator_area" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid,
	"unit" text,
	"label" text NOT NULL,
	"kind" text NOT NULL,
	"security_region_id" uuid,
	"municipality_ibge" text,
	"polygon" jsonb,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "release_delivery" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"recipient_user_id" uuid NOT NULL,
	"package_status" text DEFAULT 'pending' NOT NULL,
	"package_storage_key" text,
	"expires_at" timestamp with time zone NOT NULL,
	"downloads" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "release_request_camera" (
	"request_id" uuid NOT NULL,
	"camera_id" uuid NOT NULL,
	"granted" boolean,
	CONSTRAINT "release_request_camera_request_id_camera_id_pk" PRIMARY KEY("request_id","camera_id")
);
--> statement-breakpoint
CREATE TABLE "release_request_note" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"availability" text NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "release_request" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"requester_kind" text NOT NULL,
	"requester_user_id" uuid NOT NULL,
	"filed_by_user_id" uuid NOT NULL,
	"requester_name" text NOT NULL,
	"requester_role" text NOT NULL,
	"requester_organisation" text NOT NULL,
	"legal_grounds" text NOT NULL,
	"case_number" text NOT NULL,
	"urgency" text NOT NULL,
	"from_at" timestamp with time zone NOT NULL,
	"to_at" timestamp with time zone NOT NULL,
	"decision" text,
	"decision_reasons" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"granted_from" timestamp with time zone,
	"granted_to" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "evidence_lock" ADD CONSTRAINT "evidence_lock_camera_id_camera_id_fk" FOREIGN KEY ("camera_id") REFERENCES "public"."camera"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_lock" ADD CONSTRAINT "evidence_lock_release_request_id_release_request_id_fk" FOREIGN KEY ("release_request_id") REFERENCES "public"."release_request"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operator_area_edge" ADD CONSTRAINT "operator_area_edge_area_id_operator_area_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."operator_area"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operator_area" ADD CONSTRAINT "operator_area_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_delivery" ADD CONSTRAINT "release_delivery_request_id_release_request_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."release_request"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_delivery" ADD CONSTRAINT "release_delivery_recipient_user_id_app_user_id_fk" FOREIGN KEY ("recipient_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_request_camera" ADD CONSTRAINT "release_request_camera_request_id_release_request_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."release_request"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_request_camera" ADD CONSTRAINT "release_request_camera_camera_id_camera_id_fk" FOREIGN KEY ("camera_id") REFERENCES "public"."camera"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_request_note" ADD CONSTRAINT "release_request_note_request_id_release_request_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."release_request"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_request_note" ADD CONSTRAINT "release_request_note_author_id_app_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_request" ADD CONSTRAINT "release_request_requester_user_id_app_user_id_fk" FOREIGN KEY ("requester_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_request" ADD CONSTRAINT "release_request_filed_by_user_id_app_user_id_fk" FOREIGN KEY ("filed_by_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "evidence_lock_camera_idx" ON "evidence_lock" USING btree ("camera_id","from_at");--> statement-breakpoint
CREATE INDEX "evidence_lock_request_idx" ON "evidence_lock" USING btree ("release_request_id");--> statement-breakpoint
CREATE INDEX "operator_area_user_idx" ON "operator_area" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "operator_area_unit_idx" ON "operator_area" USING btree ("unit");--> statement-breakpoint
CREATE INDEX "release_delivery_request_idx" ON "release_delivery" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "release_request_note_request_idx" ON "release_request_note" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "release_request_requester_idx" ON "release_request" USING btree ("requester_user_id");--> statement-breakpoint
CREATE INDEX "release_request_filed_by_idx" ON "release_request" USING btree ("filed_by_user_id");--> statement-breakpoint
CREATE INDEX "release_request_status_idx" ON "release_request" USING btree ("status");