-- AlterTable
ALTER TABLE "Notification" ADD COLUMN "acknowledgedAt" DATETIME;
ALTER TABLE "Notification" ADD COLUMN "snoozedUntil" TEXT;

-- AlterTable
ALTER TABLE "Subscription" ADD COLUMN "noticeDays" INTEGER;
ALTER TABLE "Subscription" ADD COLUMN "remindDaysBefore" TEXT;
