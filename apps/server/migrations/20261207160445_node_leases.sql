CREATE SEQUENCE "public"."camera_assignment_generation_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE SEQUENCE "public"."media_node_epoch_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
DROP INDEX "camera_assignment_expires_idx";--> statement-breakpoint
DROP INDEX "camera_assignment_node_idx";--> statement-breakpoint
ALTER TABLE "camera_assignment" ADD COLUMN "epoch" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "camera_assignment" ADD COLUMN "generation" bigint DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "camera_assignment" ADD COLUMN "previous_node_id" text;--> statement-breakpoint
ALTER TABLE "camera_assignment" ADD COLUMN "previous_epoch" bigint;--> statement-breakpoint
ALTER TABLE "camera_assignment" ADD COLUMN "previous_until" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "camera_assignment" ADD COLUMN "offered_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "media_node" ADD COLUMN "region_id" uuid;--> statement-breakpoint
ALTER TABLE "media_node" ADD COLUMN "capacity" integer DEFAULT 500 NOT NULL;--> statement-breakpoint
ALTER TABLE "media_node" ADD COLUMN "epoch" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "media_node" ADD COLUMN "lease_expires_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "media_node" ADD COLUMN "draining" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "recording_segment" ADD COLUMN "node_epoch" bigint;--> statement-breakpoint
ALTER TABLE "recording_segment" ADD COLUMN "assignment_generation" bigint;--> statement-breakpoint
ALTER TABLE "media_node" ADD CONSTRAINT "media_node_region_id_security_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."security_region"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "camera_assignment_node_idx" ON "camera_assignment" USING btree ("node_id","epoch");--> statement-breakpoint
ALTER TABLE "camera_assignment" DROP COLUMN "expires_at";