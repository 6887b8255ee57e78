-- AlterTable
ALTER TABLE "notification_deliveries" ADD COLUMN     "deferred_until" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "notifications" ADD COLUMN     "count" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "group_key" TEXT,
ADD COLUMN     "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateTable
CREATE TABLE "notification_preferences" (
    "user_id" TEXT NOT NULL,
    "channels" JSONB NOT NULL DEFAULT '{}',
    "types" JSONB NOT NULL DEFAULT '{}',
    "mentions_only" BOOLEAN NOT NULL DEFAULT false,
    "time_zone" TEXT NOT NULL DEFAULT 'UTC',
    "quiet_start" INTEGER,
    "quiet_end" INTEGER,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "notification_preferences_pkey" PRIMARY KEY ("user_id")
);

-- CreateTable
CREATE TABLE "stats_snapshots" (
    "id" TEXT NOT NULL,
    "taken_at" TIMESTAMP(3) NOT NULL,
    "active_users" INTEGER NOT NULL,
    "online_users" INTEGER NOT NULL,
    "messages_per_minute" DOUBLE PRECISION NOT NULL,
    "new_users" INTEGER NOT NULL,
    "notifications_sent" INTEGER NOT NULL,
    "queues" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "stats_snapshots_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "stats_snapshots_taken_at_idx" ON "stats_snapshots"("taken_at");

-- CreateIndex
CREATE INDEX "notification_deliveries_status_deferred_until_idx" ON "notification_deliveries"("status", "deferred_until");

-- CreateIndex
CREATE INDEX "notifications_user_id_group_key_read_at_idx" ON "notifications"("user_id", "group_key", "read_at");

-- AddForeignKey
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
