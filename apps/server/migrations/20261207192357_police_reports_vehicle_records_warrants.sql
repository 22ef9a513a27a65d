CREATE TABLE "person_key_lookup" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_key" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"by" text NOT NULL,
	"purpose" text NOT NULL,
	"visible_from" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "police_report_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"by" uuid,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "police_report_message" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"from" text NOT NULL,
	"by" uuid,
	"text" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "police_report" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"protocol" text NOT NULL,
	"citizen_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"station_id" uuid,
	"municipality_ibge" text,
	"content" jsonb NOT NULL,
	"urgent" boolean DEFAULT false NOT NULL,
	"deadline_at" timestamp with time zone,
	"representation_deadline_at" timestamp with time zone,
	"protective_measure_due_at" timestamp with time zone,
	"protective_measure_forwarded_at" timestamp with time zone,
	"answer" text,
	"decided_by" uuid,
	"report_number" text,
	"document_id" uuid,
	"code" text,
	"validated_at" timestamp with time zone,
	"recovered_vehicles" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"submitted_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "police_report_protocol_unique" UNIQUE("protocol"),
	CONSTRAINT "police_report_report_number_unique" UNIQUE("report_number"),
	CONSTRAINT "police_report_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "vehicle_lookup" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"plate" text,
	"chassis" text,
	"found" boolean NOT NULL,
	"by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vehicle_record" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plate" text,
	"chassis" text,
	"make" text NOT NULL,
	"model" text NOT NULL,
	"colour" text NOT NULL,
	"year" integer NOT NULL,
	"municipality_ibge" text NOT NULL,
	"source" text NOT NULL,
	"illustrative" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vehicle_theft_flag" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plate" text,
	"chassis" text,
	"police_report_id" text NOT NULL,
	"report_number" text NOT NULL,
	"kind" text NOT NULL,
	"reported_at" timestamp with time zone NOT NULL,
	"recovered_at" timestamp with time zone,
	"recovered_by_report_id" text
);
--> statement-breakpoint
CREATE TABLE "arrest_warrant" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"court" text NOT NULL,
	"issued_on" text NOT NULL,
	"valid_until" text NOT NULL,
	"status" text NOT NULL,
	"person_name" text NOT NULL,
	"name_key" text NOT NULL,
	"mother_name" text NOT NULL,
	"mother_key" text NOT NULL,
	"birth_date" text NOT NULL,
	"cpf" text,
	"source" text NOT NULL,
	"illustrative" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "police_report_event" ADD CONSTRAINT "police_report_event_report_id_police_report_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."police_report"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "police_report_message" ADD CONSTRAINT "police_report_message_report_id_police_report_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."police_report"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "police_report" ADD CONSTRAINT "police_report_citizen_id_citizen_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizen"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "police_report" ADD CONSTRAINT "police_report_station_id_security_unit_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."security_unit"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "arrest_warrant" ADD CONSTRAINT "arrest_warrant_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "person_key_lookup_key_idx" ON "person_key_lookup" USING btree ("person_key","at");--> statement-breakpoint
CREATE INDEX "police_report_event_report_idx" ON "police_report_event" USING btree ("report_id","at");--> statement-breakpoint
CREATE INDEX "police_report_message_report_idx" ON "police_report_message" USING btree ("report_id","at");--> statement-breakpoint
CREATE INDEX "police_report_citizen_idx" ON "police_report" USING btree ("citizen_id");--> statement-breakpoint
CREATE INDEX "police_report_queue_idx" ON "police_report" USING btree ("status","municipality_ibge","station_id");--> statement-breakpoint
CREATE INDEX "vehicle_lookup_at_idx" ON "vehicle_lookup" USING btree ("at");--> statement-breakpoint
CREATE INDEX "vehicle_lookup_plate_idx" ON "vehicle_lookup" USING btree ("plate");--> statement-breakpoint
CREATE UNIQUE INDEX "vehicle_record_plate_key" ON "vehicle_record" USING btree ("plate");--> statement-breakpoint
CREATE UNIQUE INDEX "vehicle_record_chassis_key" ON "vehicle_record" USING btree ("chassis");--> statement-breakpoint
CREATE UNIQUE INDEX "vehicle_theft_flag_report_vehicle_key" ON "vehicle_theft_flag" USING btree ("police_report_id",coalesce("plate", ''),coalesce("chassis", ''));--> statement-breakpoint
CREATE INDEX "vehicle_theft_flag_plate_idx" ON "vehicle_theft_flag" USING btree ("plate") WHERE "vehicle_theft_flag"."recovered_at" is null;--> statement-breakpoint
CREATE INDEX "vehicle_theft_flag_chassis_idx" ON "vehicle_theft_flag" USING btree ("chassis") WHERE "vehicle_theft_flag"."recovered_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "arrest_warrant_number_key" ON "arrest_warrant" USING btree ("number");--> statement-breakpoint
CREATE INDEX "arrest_warrant_cpf_idx" ON "arrest_warrant" USING btree ("cpf","birth_date") WHERE "arrest_warrant"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "arrest_warrant_name_idx" ON "arrest_warrant" USING btree ("name_key","mother_key","birth_date") WHERE "arrest_warrant"."status" = 'pending';