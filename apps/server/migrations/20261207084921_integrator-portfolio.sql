CREATE TABLE "camera_sharing_consent_camera" (
	"consent_id" uuid NOT NULL,
	"camera_id" uuid NOT NULL,
	CONSTRAINT "camera_sharing_consent_camera_consent_id_camera_id_pk" PRIMARY KEY("consent_id","camera_id")
);
--> statement-breakpoint
CREATE TABLE "camera_sharing_consent" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"integrator_partner_id" uuid NOT NULL,
	"client_partner_id" uuid NOT NULL,
	"means" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"client_email" text NOT NULL,
	"token_hash" text NOT NULL,
	"term_document_id" uuid,
	"signed_file_id" uuid,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp (3) with time zone NOT NULL,
	"consented_by" text,
	"consented_at" timestamp (3) with time zone,
	"revoked_at" timestamp (3) with time zone,
	"revoked_via" text,
	"revoked_by" uuid,
	CONSTRAINT "camera_sharing_consent_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "integrator_camera" (
	"camera_id" uuid PRIMARY KEY NOT NULL,
	"integrator_partner_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "integrator_client" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"integrator_partner_id" uuid NOT NULL,
	"client_partner_id" uuid NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "self_test_batch" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"integrator_partner_id" uuid NOT NULL,
	"camera_ids" jsonb NOT NULL,
	"requested_by" uuid NOT NULL,
	"started_at" timestamp (3) with time zone NOT NULL,
	"finished_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "signage_plate" (
	"camera_id" uuid PRIMARY KEY NOT NULL,
	"site_code" text NOT NULL,
	"status" text DEFAULT 'awaiting_photo' NOT NULL,
	"due_on" text NOT NULL,
	"photo_file_id" uuid,
	"photo_latitude" double precision,
	"photo_longitude" double precision,
	"photo_gps_source" text,
	"submitted_by" uuid,
	"submitted_at" timestamp (3) with time zone,
	"decided_by" uuid,
	"decided_at" timestamp (3) with time zone,
	"decision_reason" text,
	"case_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "signage_plate_site_code_unique" UNIQUE("site_code")
);
--> statement-breakpoint
ALTER TABLE "camera_sharing_consent_camera" ADD CONSTRAINT "camera_sharing_consent_camera_consent_id_camera_sharing_consent_id_fk" FOREIGN KEY ("consent_id") REFERENCES "public"."camera_sharing_consent"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "camera_sharing_consent_camera" ADD CONSTRAINT "camera_sharing_consent_camera_camera_id_camera_id_fk" FOREIGN KEY ("camera_id") REFERENCES "public"."camera"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "camera_sharing_consent" ADD CONSTRAINT "camera_sharing_consent_integrator_partner_id_partner_id_fk" FOREIGN KEY ("integrator_partner_id") REFERENCES "public"."partner"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "camera_sharing_consent" ADD CONSTRAINT "camera_sharing_consent_client_partner_id_partner_id_fk" FOREIGN KEY ("client_partner_id") REFERENCES "public"."partner"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integrator_camera" ADD CONSTRAINT "integrator_camera_camera_id_camera_id_fk" FOREIGN KEY ("camera_id") REFERENCES "public"."camera"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integrator_camera" ADD CONSTRAINT "integrator_camera_integrator_partner_id_partner_id_fk" FOREIGN KEY ("integrator_partner_id") REFERENCES "public"."partner"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integrator_client" ADD CONSTRAINT "integrator_client_integrator_partner_id_partner_id_fk" FOREIGN KEY ("integrator_partner_id") REFERENCES "public"."partner"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integrator_client" ADD CONSTRAINT "integrator_client_client_partner_id_partner_id_fk" FOREIGN KEY ("client_partner_id") REFERENCES "public"."partner"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_test_batch" ADD CONSTRAINT "self_test_batch_integrator_partner_id_partner_id_fk" FOREIGN KEY ("integrator_partner_id") REFERENCES "public"."partner"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signage_plate" ADD CONSTRAINT "signage_plate_camera_id_camera_id_fk" FOREIGN KEY ("camera_id") REFERENCES "public"."camera"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "camera_sharing_consent_camera_idx" ON "camera_sharing_consent_camera" USING btree ("camera_id");--> statement-breakpoint
CREATE INDEX "camera_sharing_consent_client_idx" ON "camera_sharing_consent" USING btree ("client_partner_id");--> statement-breakpoint
CREATE INDEX "camera_sharing_consent_integrator_idx" ON "camera_sharing_consent" USING btree ("integrator_partner_id");--> statement-breakpoint
CREATE INDEX "integrator_camera_integrator_idx" ON "integrator_camera" USING btree ("integrator_partner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "integrator_client_pair_key" ON "integrator_client" USING btree ("integrator_partner_id","client_partner_id");--> statement-breakpoint
CREATE INDEX "integrator_client_client_idx" ON "integrator_client" USING btree ("client_partner_id");--> statement-breakpoint
CREATE INDEX "self_test_batch_integrator_idx" ON "self_test_batch" USING btree ("integrator_partner_id","started_at");--> statement-breakpoint
CREATE INDEX "signage_plate_status_idx" ON "signage_plate" USING btree ("status","due_on");