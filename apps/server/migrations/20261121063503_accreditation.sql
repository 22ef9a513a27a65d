CREATE SEQUENCE "public"."application_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE SEQUENCE "public"."cooperation_term_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "stored_file" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"storage_key" text NOT NULL,
	"original_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stored_file_storage_key_unique" UNIQUE("storage_key")
);
--> statement-breakpoint
CREATE TABLE "generated_document" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"format" text NOT NULL,
	"title" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"source_digest" text,
	"storage_key" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"issued_by" uuid,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"superseded_by_id" uuid,
	"superseded_at" timestamp with time zone,
	CONSTRAINT "generated_document_code_unique" UNIQUE("code"),
	CONSTRAINT "generated_document_storage_key_unique" UNIQUE("storage_key")
);
--> statement-breakpoint
CREATE TABLE "application_document" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"requirement_key" text NOT NULL,
	"file_id" uuid NOT NULL,
	"attached_by" uuid NOT NULL,
	"attached_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "application" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"partner_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"modality" text DEFAULT 'direct' NOT NULL,
	"property_ownership" text NOT NULL,
	"lease_ends_on" date,
	"consortium_municipalities" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"extends_term_id" uuid,
	"handled_by" text DEFAULT 'sesp' NOT NULL,
	"manager_municipality_ibge" text,
	"manager_term_id" uuid,
	"direct_handling_status" text,
	"direct_handling_reason" text,
	"direct_handling_note" text,
	"decision_reason" text,
	"submitted_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"homologated_at" timestamp with time zone,
	"archived_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "application_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "camera_point" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"ordinal" integer NOT NULL,
	"address" text NOT NULL,
	"municipality_ibge" text NOT NULL,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL,
	"mounting" text NOT NULL,
	"mounting_detail" text,
	"films" text NOT NULL,
	"mounting_photo_file_id" uuid,
	"view_photo_file_id" uuid
);
--> statement-breakpoint
CREATE TABLE "cooperation_term" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"partner_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'pending_signature' NOT NULL,
	"covered_municipalities" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"manager_term_id" uuid,
	"signed_on" date,
	"ended_at" timestamp with time zone,
	"end_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cooperation_term_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "deficiency_item" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"notice_id" uuid NOT NULL,
	"ordinal" integer NOT NULL,
	"item_key" text,
	"description" text NOT NULL,
	"answer" text,
	"file_id" uuid,
	"answered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "deficiency_notice" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"business_days" integer NOT NULL,
	"received_on" date NOT NULL,
	"due_on" date NOT NULL,
	"issued_by" uuid NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "project_authorisation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"term_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"camera_points" integer NOT NULL,
	"points_digest" text NOT NULL,
	"authorised_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_authorisation_application_id_unique" UNIQUE("application_id")
);
--> statement-breakpoint
CREATE TABLE "application_review_item" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"item_key" text NOT NULL,
	"verdict" text NOT NULL,
	"note" text,
	"reviewed_by" uuid NOT NULL,
	"reviewed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risp_opinion" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"security_region_id" uuid NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"reasons" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "technical_visit" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"scheduled_for" timestamp with time zone NOT NULL,
	"place" text NOT NULL,
	"findings" text,
	"scheduled_by" uuid NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "partner" ADD COLUMN "trade_name" text;--> statement-breakpoint
ALTER TABLE "partner" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "partner" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "partner" ADD COLUMN "address" jsonb;--> statement-breakpoint
ALTER TABLE "partner" ADD COLUMN "legal_representative" jsonb;--> statement-breakpoint
ALTER TABLE "partner" ADD COLUMN "contacts" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "partner" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "application_document" ADD CONSTRAINT "application_document_application_id_application_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."application"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application" ADD CONSTRAINT "application_partner_id_partner_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partner"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "camera_point" ADD CONSTRAINT "camera_point_application_id_application_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."application"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_term" ADD CONSTRAINT "cooperation_term_partner_id_partner_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partner"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_term" ADD CONSTRAINT "cooperation_term_application_id_application_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."application"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deficiency_item" ADD CONSTRAINT "deficiency_item_notice_id_deficiency_notice_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."deficiency_notice"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deficiency_notice" ADD CONSTRAINT "deficiency_notice_application_id_application_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."application"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_authorisation" ADD CONSTRAINT "project_authorisation_term_id_cooperation_term_id_fk" FOREIGN KEY ("term_id") REFERENCES "public"."cooperation_term"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_authorisation" ADD CONSTRAINT "project_authorisation_application_id_application_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."application"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_review_item" ADD CONSTRAINT "application_review_item_application_id_application_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."application"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risp_opinion" ADD CONSTRAINT "risp_opinion_application_id_application_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."application"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risp_opinion" ADD CONSTRAINT "risp_opinion_security_region_id_security_region_id_fk" FOREIGN KEY ("security_region_id") REFERENCES "public"."security_region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "technical_visit" ADD CONSTRAINT "technical_visit_application_id_application_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."application"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "stored_file_uploader_idx" ON "stored_file" USING btree ("uploaded_by");--> statement-breakpoint
CREATE INDEX "generated_document_subject_idx" ON "generated_document" USING btree ("subject_type","subject_id","kind");--> statement-breakpoint
CREATE INDEX "application_document_app_idx" ON "application_document" USING btree ("application_id","requirement_key");--> statement-breakpoint
CREATE INDEX "application_partner_idx" ON "application" USING btree ("partner_id");--> statement-breakpoint
CREATE INDEX "application_queue_idx" ON "application" USING btree ("handled_by","manager_municipality_ibge","status");--> statement-breakpoint
CREATE UNIQUE INDEX "camera_point_ordinal_key" ON "camera_point" USING btree ("application_id","ordinal");--> statement-breakpoint
CREATE INDEX "cooperation_term_partner_idx" ON "cooperation_term" USING btree ("partner_id");--> statement-breakpoint
CREATE INDEX "cooperation_term_kind_status_idx" ON "cooperation_term" USING btree ("kind","status");--> statement-breakpoint
CREATE INDEX "deficiency_notice_due_idx" ON "deficiency_notice" USING btree ("status","due_on");--> statement-breakpoint
CREATE INDEX "project_authorisation_term_idx" ON "project_authorisation" USING btree ("term_id");--> statement-breakpoint
CREATE INDEX "project_authorisation_digest_idx" ON "project_authorisation" USING btree ("points_digest");--> statement-breakpoint
CREATE UNIQUE INDEX "application_review_item_key" ON "application_review_item" USING btree ("application_id","item_key");--> statement-breakpoint
CREATE UNIQUE INDEX "risp_opinion_app_region_key" ON "risp_opinion" USING btree ("application_id","security_region_id");--> statement-breakpoint
CREATE UNIQUE INDEX "partner_document_key" ON "partner" USING btree ("document");