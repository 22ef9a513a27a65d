CREATE TABLE "document_render" (
	"document_id" uuid PRIMARY KEY NOT NULL,
	"content" jsonb NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"not_before" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "generated_document" ALTER COLUMN "size_bytes" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "generated_document" ALTER COLUMN "sha256" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "certificate_consent_link" ADD COLUMN "ref" uuid DEFAULT gen_random_uuid() NOT NULL;--> statement-breakpoint
ALTER TABLE "document_render" ADD CONSTRAINT "document_render_document_id_generated_document_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."generated_document"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "document_render_due_idx" ON "document_render" USING btree ("not_before");--> statement-breakpoint
ALTER TABLE "certificate_consent_link" ADD CONSTRAINT "certificate_consent_link_ref_unique" UNIQUE("ref");