-- AlterTable
ALTER TABLE "Note" ADD COLUMN "failureReason" TEXT;

-- AlterTable
ALTER TABLE "Subscription" ADD COLUMN "trialEndsOn" TEXT;

-- CreateTable
CREATE TABLE "CaseCheck" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "item" TEXT NOT NULL,
    "doneOn" TEXT NOT NULL,
    "agent" TEXT,
    "recordedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CaseCheck_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CaseCheck_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "CancellationCase" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "CaseCheck_userId_idx" ON "CaseCheck"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "CaseCheck_caseId_item_key" ON "CaseCheck"("caseId", "item");

-- CreateIndex
CREATE INDEX "Subscription_userId_trialEndsOn_idx" ON "Subscription"("userId", "trialEndsOn");
