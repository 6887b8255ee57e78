-- AlterTable
ALTER TABLE "planet_users" ADD COLUMN     "last_delivered_message_id" TEXT;
