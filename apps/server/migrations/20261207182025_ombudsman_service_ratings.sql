CREATE TABLE "ombudsman_manifestation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"protocol" text NOT NULL,
	"access_code_hash" text NOT NULL,
	"kind" text NOT NULL,
	"identity" text NOT NULL,
	"citizen_id" uuid,
	"subject" text NOT NULL,
	"description" text NOT NULL,
	"status" text NOT NULL,
	"received_on" date NOT NULL,
	"due_on" date NOT NULL,
	"extension_reason" text,
	"extended_at" timestamp with time zone,
	"reminded_for" date,
	"unit" text,
	"routing_note" text,
	"routed_on" date,
	"unit_due_on" date,
	"unit_extension_reason" text,
	"unit_reminded_for" date,
	"unit_answer" text,
	"unit_answered_at" timestamp with time zone,
	"answer" text,
	"answered_at" timestamp with time zone,
	"answered_on" date,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ombudsman_manifestation_protocol_unique" UNIQUE("protocol")
);
--> statement-breakpoint
CREATE TABLE "ombudsman_message" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"manifestation_id" uuid NOT NULL,
	"author" text NOT NULL,
	"author_user_id" uuid,
	"text" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_rating" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service" text NOT NULL,
	"request_id" uuid NOT NULL,
	"citizen_id" uuid NOT NULL,
	"score" integer NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "service_rating_use_uq" UNIQUE("service","request_id")
);
--> statement-breakpoint
ALTER TABLE "ombudsman_manifestation" ADD CONSTRAINT "ombudsman_manifestation_citizen_id_citizen_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizen"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ombudsman_message" ADD CONSTRAINT "ombudsman_message_manifestation_id_ombudsman_manifestation_id_fk" FOREIGN KEY ("manifestation_id") REFERENCES "public"."ombudsman_manifestation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_rating" ADD CONSTRAINT "service_rating_citizen_id_citizen_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizen"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ombudsman_manifestation_status_idx" ON "ombudsman_manifestation" USING btree ("status","due_on");--> statement-breakpoint
CREATE INDEX "ombudsman_manifestation_citizen_idx" ON "ombudsman_manifestation" USING btree ("citizen_id");--> statement-breakpoint
CREATE INDEX "ombudsman_manifestation_unit_idx" ON "ombudsman_manifestation" USING btree ("unit","status");--> statement-breakpoint
CREATE INDEX "ombudsman_message_manifestation_idx" ON "ombudsman_message" USING btree ("manifestation_id","created_at");--> statement-breakpoint
CREATE INDEX "service_rating_service_idx" ON "service_rating" USING btree ("service");