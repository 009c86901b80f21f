-- AlterTable
ALTER TABLE "Subscription" ADD COLUMN     "noticeDays" INTEGER,
ADD COLUMN     "remindDaysBefore" TEXT;

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "acknowledgedAt" TIMESTAMP(3),
ADD COLUMN     "snoozedUntil" TEXT;

