CREATE SEQUENCE "public"."protection_mission_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "protection_act" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mission_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"document_id" uuid NOT NULL,
	"content" jsonb NOT NULL,
	"issued_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "protection_assignment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mission_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"role" text,
	"unit" text,
	"core_officer" boolean,
	"authority_protection_course" boolean,
	"justification" text,
	"training_validated_by_core" boolean,
	"superior_id" uuid,
	"acknowledged_at" timestamp with time zone,
	"presented_at" timestamp with time zone,
	"checklist" jsonb,
	"checklist_signed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "protection_function_grant" (
	"user_id" uuid NOT NULL,
	"function" text NOT NULL,
	"granted_by" uuid,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "protection_function_grant_user_id_function_pk" PRIMARY KEY("user_id","function")
);
--> statement-breakpoint
CREATE TABLE "protection_log_entry" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mission_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"author_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "protection_mission" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"code_name" text NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"origin" text NOT NULL,
	"requester_id" uuid NOT NULL,
	"requesting_unit" text NOT NULL,
	"protectee" jsonb NOT NULL,
	"director_general_order" text,
	"reasons" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"assessment" jsonb,
	"assessed_by" uuid,
	"activation" jsonb,
	"level" integer,
	"level_decision" jsonb,
	"team_rule_version" integer,
	"vehicles" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"plan" jsonb,
	"plan_issued_at" timestamp with time zone,
	"started_at" timestamp with time zone,
	"report" text,
	"reported_at" timestamp with time zone,
	"incident_logged" boolean DEFAULT false NOT NULL,
	"evidence_lock_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "protection_mission_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "protection_period_change" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mission_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"previous_end" date NOT NULL,
	"new_end" date NOT NULL,
	"reason" text NOT NULL,
	"decided_by" uuid NOT NULL,
	"decided_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "protection_team_rule_set" (
	"version" integer PRIMARY KEY NOT NULL,
	"rules" jsonb NOT NULL,
	"published_by" uuid,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "protection_act" ADD CONSTRAINT "protection_act_mission_id_protection_mission_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."protection_mission"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protection_assignment" ADD CONSTRAINT "protection_assignment_mission_id_protection_mission_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."protection_mission"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protection_assignment" ADD CONSTRAINT "protection_assignment_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protection_assignment" ADD CONSTRAINT "protection_assignment_superior_id_app_user_id_fk" FOREIGN KEY ("superior_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protection_function_grant" ADD CONSTRAINT "protection_function_grant_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protection_log_entry" ADD CONSTRAINT "protection_log_entry_mission_id_protection_mission_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."protection_mission"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protection_period_change" ADD CONSTRAINT "protection_period_change_mission_id_protection_mission_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."protection_mission"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "protection_act_mission_idx" ON "protection_act" USING btree ("mission_id");--> statement-breakpoint
CREATE UNIQUE INDEX "protection_assignment_unique" ON "protection_assignment" USING btree ("mission_id","user_id","kind");--> statement-breakpoint
CREATE INDEX "protection_assignment_user_idx" ON "protection_assignment" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "protection_assignment_superior_idx" ON "protection_assignment" USING btree ("superior_id");--> statement-breakpoint
CREATE INDEX "protection_mission_status_idx" ON "protection_mission" USING btree ("status");