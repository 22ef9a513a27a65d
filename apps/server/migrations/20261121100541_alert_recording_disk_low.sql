ALTER TABLE "alert" ALTER COLUMN "camera_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "alert" ALTER COLUMN "outage_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "alert" ADD COLUMN "volume" text;--> statement-breakpoint
CREATE UNIQUE INDEX "alert_volume_open_uq" ON "alert" USING btree ("kind","volume") WHERE "alert"."volume" IS NOT NULL AND "alert"."acknowledged_at" IS NULL;