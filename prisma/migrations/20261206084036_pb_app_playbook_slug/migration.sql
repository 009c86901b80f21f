-- AlterTable
ALTER TABLE "Subscription" ADD COLUMN "playbookSlug" TEXT;
