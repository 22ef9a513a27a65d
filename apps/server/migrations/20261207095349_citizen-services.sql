CREATE TABLE "citizen_lookup" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cpf" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"by" text NOT NULL,
	"purpose" text NOT NULL,
	"visible_from" timestamp with time zone NOT NULL,
	"data" jsonb
);
--> statement-breakpoint
CREATE TABLE "citizen_session" (
	"id" text PRIMARY KEY NOT NULL,
	"citizen_id" uuid NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "citizen_sign_in" (
	"state" text PRIMARY KEY NOT NULL,
	"code_verifier" text NOT NULL,
	"nonce" text NOT NULL,
	"return_to" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "citizen" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cpf" text NOT NULL,
	"name" text NOT NULL,
	"email" text,
	"level" text NOT NULL,
	"level_checked_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_sign_in_at" timestamp with time zone NOT NULL,
	CONSTRAINT "citizen_cpf_unique" UNIQUE("cpf")
);
--> statement-breakpoint
CREATE TABLE "certificate_consent_link" (
	"id" text PRIMARY KEY NOT NULL,
	"certificate_id" uuid NOT NULL,
	"grantee" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "criminal_record_certificate" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"protocol" text NOT NULL,
	"citizen_id" uuid NOT NULL,
	"cpf" text NOT NULL,
	"name" text NOT NULL,
	"purpose" text NOT NULL,
	"status" text NOT NULL,
	"analysis_reason" text,
	"deadline_at" timestamp with time zone,
	"result" text,
	"content" jsonb,
	"answer" text,
	"decided_by" uuid,
	"document_id" uuid,
	"code" text,
	"issued_at" timestamp with time zone,
	"valid_until" timestamp with time zone,
	"requested_at" timestamp with time zone NOT NULL,
	CONSTRAINT "criminal_record_certificate_protocol_unique" UNIQUE("protocol"),
	CONSTRAINT "criminal_record_certificate_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "criminal_record" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cpf" text,
	"name" text NOT NULL,
	"name_key" text NOT NULL,
	"mother_name" text,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"description" text NOT NULL,
	"court" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "identification_post" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"municipality" text NOT NULL,
	"address" text NOT NULL,
	"daily_capacity" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "identity_card_request" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"protocol" text NOT NULL,
	"citizen_id" uuid NOT NULL,
	"cpf" text NOT NULL,
	"name" text NOT NULL,
	"birth_date" text NOT NULL,
	"mother_name" text NOT NULL,
	"documents" text[] NOT NULL,
	"copy" text NOT NULL,
	"post_id" uuid NOT NULL,
	"appointment_date" text NOT NULL,
	"stage" text NOT NULL,
	"exemption" text NOT NULL,
	"exemption_proof" text,
	"valid_until" text,
	"requested_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "identity_card_request_protocol_unique" UNIQUE("protocol")
);
--> statement-breakpoint
CREATE TABLE "identity_card_stage_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"by" uuid,
	CONSTRAINT "identity_card_stage_event_once" UNIQUE("request_id","stage")
);
--> statement-breakpoint
CREATE TABLE "identity_record" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cpf" text NOT NULL,
	"rg_number" text NOT NULL,
	"issued_on" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "security_fee" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"citizen_id" uuid NOT NULL,
	"service" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"upf_units" numeric NOT NULL,
	"upf_value_cents" integer NOT NULL,
	"upf_reference" text NOT NULL,
	"amount_cents" integer NOT NULL,
	"txid" text NOT NULL,
	"br_code" text NOT NULL,
	"due_date" text NOT NULL,
	"status" text NOT NULL,
	"paid_at" timestamp with time zone,
	"paid_via" text,
	"payment_reference" text,
	"slip_document_id" uuid,
	"reissue_of" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "security_fee_txid_unique" UNIQUE("txid")
);
--> statement-breakpoint
ALTER TABLE "citizen_session" ADD CONSTRAINT "citizen_session_citizen_id_citizen_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizen"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificate_consent_link" ADD CONSTRAINT "certificate_consent_link_certificate_id_criminal_record_certificate_id_fk" FOREIGN KEY ("certificate_id") REFERENCES "public"."criminal_record_certificate"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "criminal_record_certificate" ADD CONSTRAINT "criminal_record_certificate_citizen_id_citizen_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizen"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identity_card_request" ADD CONSTRAINT "identity_card_request_citizen_id_citizen_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizen"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identity_card_request" ADD CONSTRAINT "identity_card_request_post_id_identification_post_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."identification_post"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identity_card_stage_event" ADD CONSTRAINT "identity_card_stage_event_request_id_identity_card_request_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."identity_card_request"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "security_fee" ADD CONSTRAINT "security_fee_citizen_id_citizen_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizen"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "citizen_lookup_cpf_idx" ON "citizen_lookup" USING btree ("cpf","at");--> statement-breakpoint
CREATE INDEX "citizen_session_citizen_idx" ON "citizen_session" USING btree ("citizen_id");--> statement-breakpoint
CREATE INDEX "criminal_record_certificate_citizen_idx" ON "criminal_record_certificate" USING btree ("citizen_id");--> statement-breakpoint
CREATE INDEX "criminal_record_certificate_status_idx" ON "criminal_record_certificate" USING btree ("status");--> statement-breakpoint
CREATE INDEX "criminal_record_cpf_idx" ON "criminal_record" USING btree ("cpf");--> statement-breakpoint
CREATE INDEX "criminal_record_name_idx" ON "criminal_record" USING btree ("name_key");--> statement-breakpoint
CREATE INDEX "identity_card_request_slot_idx" ON "identity_card_request" USING btree ("post_id","appointment_date");--> statement-breakpoint
CREATE INDEX "identity_card_request_citizen_idx" ON "identity_card_request" USING btree ("citizen_id");--> statement-breakpoint
CREATE INDEX "security_fee_subject_idx" ON "security_fee" USING btree ("service","subject_id");--> statement-breakpoint
CREATE INDEX "security_fee_citizen_idx" ON "security_fee" USING btree ("citizen_id");