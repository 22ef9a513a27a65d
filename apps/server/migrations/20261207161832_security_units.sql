CREATE TABLE "security_unit" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"address" text NOT NULL,
	"municipality_ibge" text NOT NULL,
	"phones" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"hours" text DEFAULT '' NOT NULL,
	"services" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL,
	"source" text NOT NULL,
	"illustrative" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "security_unit_kind_idx" ON "security_unit" USING btree ("kind");--> statement-breakpoint
CREATE INDEX "security_unit_municipality_idx" ON "security_unit" USING btree ("municipality_ibge");