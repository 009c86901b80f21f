-- AlterTable
ALTER TABLE "Dispute" ADD COLUMN "acknowledgedOn" TEXT;

