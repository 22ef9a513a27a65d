CREATE TABLE "integrator_authorisation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"integrator_user_id" uuid NOT NULL,
	"valid_from" timestamp with time zone DEFAULT now() NOT NULL,
	"valid_until" timestamp with time zone NOT NULL,
	"granted_by" uuid NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "integrator_authorisation" ADD CONSTRAINT "integrator_authorisation_partner_id_partner_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partner"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "integrator_authorisation_user_idx" ON "integrator_authorisation" USING btree ("integrator_user_id","partner_id");--> statement-breakpoint
CREATE INDEX "integrator_authorisation_partner_idx" ON "integrator_authorisation" USING btree ("partner_id");