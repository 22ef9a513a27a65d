CREATE TABLE "accident_declaration" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"protocol" text NOT NULL,
	"citizen_id" uuid NOT NULL,
	"status" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL,
	"municipality_ibge" text NOT NULL,
	"municipality_name" text NOT NULL,
	"place_description" text NOT NULL,
	"narrative" text NOT NULL,
	"photo_file_ids" jsonb NOT NULL,
	"no_injuries" boolean NOT NULL,
	"answer" text,
	"deadline_at" timestamp with time zone NOT NULL,
	"decided_by" uuid,
	"record_number" text,
	"document_id" uuid,
	"code" text,
	"issued_at" timestamp with time zone,
	"submitted_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "accident_declaration_protocol_unique" UNIQUE("protocol"),
	CONSTRAINT "accident_declaration_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "accident_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"declaration_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"kind" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"by" uuid,
	"note" text,
	"snapshot" jsonb
);
--> statement-breakpoint
CREATE TABLE "accident_party" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"declaration_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"declarant" boolean NOT NULL,
	"name" text NOT NULL,
	"cpf" text,
	"plate" text,
	"vehicle" text,
	"confirmed_at" timestamp with time zone,
	"confirmed_by" uuid
);
--> statement-breakpoint
CREATE TABLE "traffic_accident_record" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"record_number" text NOT NULL,
	"source" text NOT NULL,
	"source_id" uuid NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"municipality_ibge" text NOT NULL,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL,
	"plates" jsonb NOT NULL,
	"parties_cpf" jsonb NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "traffic_accident_record_record_number_unique" UNIQUE("record_number"),
	CONSTRAINT "traffic_accident_record_source_id_unique" UNIQUE("source_id")
);
--> statement-breakpoint
ALTER TABLE "accident_declaration" ADD CONSTRAINT "accident_declaration_citizen_id_citizen_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizen"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accident_event" ADD CONSTRAINT "accident_event_declaration_id_accident_declaration_id_fk" FOREIGN KEY ("declaration_id") REFERENCES "public"."accident_declaration"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accident_party" ADD CONSTRAINT "accident_party_declaration_id_accident_declaration_id_fk" FOREIGN KEY ("declaration_id") REFERENCES "public"."accident_declaration"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accident_party" ADD CONSTRAINT "accident_party_confirmed_by_citizen_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."citizen"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "accident_declaration_citizen_idx" ON "accident_declaration" USING btree ("citizen_id");--> statement-breakpoint
CREATE INDEX "accident_declaration_status_idx" ON "accident_declaration" USING btree ("status","deadline_at");--> statement-breakpoint
CREATE INDEX "accident_event_declaration_idx" ON "accident_event" USING btree ("declaration_id","at");--> statement-breakpoint
CREATE INDEX "accident_party_declaration_idx" ON "accident_party" USING btree ("declaration_id");--> statement-breakpoint
CREATE INDEX "accident_party_cpf_idx" ON "accident_party" USING btree ("cpf");