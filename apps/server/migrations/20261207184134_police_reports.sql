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
ALTER TABLE "police_report_event" ADD CONSTRAINT "police_report_event_report_id_police_report_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."police_report"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "police_report_message" ADD CONSTRAINT "police_report_message_report_id_police_report_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."police_report"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "police_report" ADD CONSTRAINT "police_report_citizen_id_citizen_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizen"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "police_report" ADD CONSTRAINT "police_report_station_id_security_unit_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."security_unit"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "police_report_event_report_idx" ON "police_report_event" USING btree ("report_id","at");--> statement-breakpoint
CREATE INDEX "police_report_message_report_idx" ON "police_report_message" USING btree ("report_id","at");--> statement-breakpoint
CREATE INDEX "police_report_citizen_idx" ON "police_report" USING btree ("citizen_id");--> statement-breakpoint
CREATE INDEX "police_report_queue_idx" ON "police_report" USING btree ("status","municipality_ibge","station_id");