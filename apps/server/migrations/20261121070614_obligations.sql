CREATE SEQUENCE "public"."equipment_loan_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE SEQUENCE "public"."sanction_process_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "equipment_asset_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"asset_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"loan_id" uuid,
	"note" text,
	"actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "equipment_asset" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"model" text NOT NULL,
	"serial" text NOT NULL,
	"asset_tag" text NOT NULL,
	"warranty_ends_on" date,
	"status" text DEFAULT 'in_stock' NOT NULL,
	"current_loan_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "equipment_incident" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"loan_id" uuid NOT NULL,
	"partner_id" uuid NOT NULL,
	"asset_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"occurred_on" date NOT NULL,
	"description" text NOT NULL,
	"police_report_number" text,
	"replacement_asset_id" uuid,
	"resolution" text,
	"reported_by" uuid NOT NULL,
	"reported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "equipment_loan_item" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"loan_id" uuid NOT NULL,
	"asset_id" uuid NOT NULL,
	"replaces_item_id" uuid,
	"active" text DEFAULT 'yes' NOT NULL,
	"first_video_at" timestamp with time zone,
	"return_condition" text,
	"return_note" text
);
--> statement-breakpoint
CREATE TABLE "equipment_loan" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"partner_id" uuid NOT NULL,
	"term_id" uuid NOT NULL,
	"status" text DEFAULT 'reserved' NOT NULL,
	"pickup_on" date,
	"pickup_place" text NOT NULL,
	"pickup_person_name" text,
	"pickup_person_cpf" text,
	"pickup_authorisation_file_id" uuid,
	"picked_up_on" date,
	"installation_status" text DEFAULT 'not_started' NOT NULL,
	"installation_due_on" date,
	"installation_met_at" timestamp with time zone,
	"reminders_sent" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"returned_on" date,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "equipment_loan_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "accountability_report" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"term_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"due_on" date NOT NULL,
	"request_reason" text,
	"source_loan_id" uuid,
	"facts" jsonb NOT NULL,
	"activities" text DEFAULT '' NOT NULL,
	"results" text DEFAULT '' NOT NULL,
	"photo_file_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"submitted_at" timestamp with time zone,
	"review_note" text,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"sanction_process_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"term_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"scheduled_for" timestamp with time zone NOT NULL,
	"place" text NOT NULL,
	"checklist" jsonb,
	"faults" integer DEFAULT 0 NOT NULL,
	"findings" text,
	"photo_file_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"follow_up_due_on" date,
	"follow_up_note" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "complaint" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"protocol" text NOT NULL,
	"status" text DEFAULT 'received' NOT NULL,
	"anonymous" boolean NOT NULL,
	"name" text,
	"email" text,
	"about" text NOT NULL,
	"subject" text NOT NULL,
	"municipality_ibge" text,
	"description" text NOT NULL,
	"term_id" uuid,
	"triage_note" text,
	"outcome" text,
	"outcome_published_at" timestamp with time zone,
	"source_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "complaint_protocol_unique" UNIQUE("protocol")
);
--> statement-breakpoint
CREATE TABLE "camera_monitoring" (
	"camera_id" uuid PRIMARY KEY NOT NULL,
	"monitored_since" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "camera_outage" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"camera_id" uuid NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"source" text DEFAULT 'health' NOT NULL,
	"partner_notified_at" timestamp with time zone,
	"committee_notified_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "compliance_case" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"description" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"closed_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sanction_process" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"partner_id" uuid NOT NULL,
	"term_id" uuid NOT NULL,
	"accountability_report_id" uuid,
	"status" text DEFAULT 'notified' NOT NULL,
	"facts" text NOT NULL,
	"notified_at" timestamp with time zone NOT NULL,
	"received_on" date NOT NULL,
	"defence_due_on" date NOT NULL,
	"defence_text" text,
	"defence_file_id" uuid,
	"defence_filed_at" timestamp with time zone,
	"decision" text,
	"decision_reasons" text,
	"suspension_starts_on" date,
	"suspension_ends_on" date,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	CONSTRAINT "sanction_process_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "term_revocation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"term_id" uuid NOT NULL,
	"reasons" text NOT NULL,
	"revoked_by" uuid NOT NULL,
	"revoked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "term_revocation_term_id_unique" UNIQUE("term_id")
);
--> statement-breakpoint
ALTER TABLE "camera" ADD COLUMN "first_video_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "equipment_asset_event" ADD CONSTRAINT "equipment_asset_event_asset_id_equipment_asset_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."equipment_asset"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "equipment_incident" ADD CONSTRAINT "equipment_incident_loan_id_equipment_loan_id_fk" FOREIGN KEY ("loan_id") REFERENCES "public"."equipment_loan"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "equipment_incident" ADD CONSTRAINT "equipment_incident_asset_id_equipment_asset_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."equipment_asset"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "equipment_loan_item" ADD CONSTRAINT "equipment_loan_item_loan_id_equipment_loan_id_fk" FOREIGN KEY ("loan_id") REFERENCES "public"."equipment_loan"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "equipment_loan_item" ADD CONSTRAINT "equipment_loan_item_asset_id_equipment_asset_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."equipment_asset"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "equipment_loan" ADD CONSTRAINT "equipment_loan_partner_id_partner_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partner"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "equipment_loan" ADD CONSTRAINT "equipment_loan_term_id_cooperation_term_id_fk" FOREIGN KEY ("term_id") REFERENCES "public"."cooperation_term"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accountability_report" ADD CONSTRAINT "accountability_report_term_id_cooperation_term_id_fk" FOREIGN KEY ("term_id") REFERENCES "public"."cooperation_term"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection" ADD CONSTRAINT "inspection_term_id_cooperation_term_id_fk" FOREIGN KEY ("term_id") REFERENCES "public"."cooperation_term"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sanction_process" ADD CONSTRAINT "sanction_process_term_id_cooperation_term_id_fk" FOREIGN KEY ("term_id") REFERENCES "public"."cooperation_term"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "term_revocation" ADD CONSTRAINT "term_revocation_term_id_cooperation_term_id_fk" FOREIGN KEY ("term_id") REFERENCES "public"."cooperation_term"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "equipment_asset_event_asset_idx" ON "equipment_asset_event" USING btree ("asset_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "equipment_asset_serial_key" ON "equipment_asset" USING btree ("serial");--> statement-breakpoint
CREATE UNIQUE INDEX "equipment_asset_tag_key" ON "equipment_asset" USING btree ("asset_tag");--> statement-breakpoint
CREATE INDEX "equipment_asset_status_idx" ON "equipment_asset" USING btree ("status");--> statement-breakpoint
CREATE INDEX "equipment_incident_partner_idx" ON "equipment_incident" USING btree ("partner_id","status");--> statement-breakpoint
CREATE INDEX "equipment_loan_item_loan_idx" ON "equipment_loan_item" USING btree ("loan_id");--> statement-breakpoint
CREATE INDEX "equipment_loan_item_asset_idx" ON "equipment_loan_item" USING btree ("asset_id");--> statement-breakpoint
CREATE INDEX "equipment_loan_partner_idx" ON "equipment_loan" USING btree ("partner_id");--> statement-breakpoint
CREATE INDEX "equipment_loan_installation_idx" ON "equipment_loan" USING btree ("installation_status","installation_due_on");--> statement-breakpoint
CREATE INDEX "accountability_report_partner_idx" ON "accountability_report" USING btree ("partner_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "accountability_report_final_key" ON "accountability_report" USING btree ("term_id") WHERE kind = 'final';--> statement-breakpoint
CREATE UNIQUE INDEX "accountability_report_installation_key" ON "accountability_report" USING btree ("source_loan_id") WHERE kind = 'installation';--> statement-breakpoint
CREATE INDEX "inspection_partner_idx" ON "inspection" USING btree ("partner_id","status");--> statement-breakpoint
CREATE INDEX "complaint_source_idx" ON "complaint" USING btree ("source_hash","created_at");--> statement-breakpoint
CREATE INDEX "complaint_status_idx" ON "complaint" USING btree ("status");--> statement-breakpoint
CREATE INDEX "camera_outage_camera_idx" ON "camera_outage" USING btree ("camera_id","started_at");--> statement-breakpoint
CREATE INDEX "compliance_case_status_idx" ON "compliance_case" USING btree ("status","partner_id");--> statement-breakpoint
CREATE INDEX "sanction_process_partner_idx" ON "sanction_process" USING btree ("partner_id","decision","suspension_ends_on");