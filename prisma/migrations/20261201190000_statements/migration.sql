-- AlterTable
ALTER TABLE "CancellationCase" ADD COLUMN "expectedFinalBill" INTEGER;

-- AlterTable
ALTER TABLE "Subscription" ADD COLUMN "merchantPatterns" TEXT;

-- CreateTable
CREATE TABLE "StatementImport" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "account" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "issuer" TEXT,
    "lines" INTEGER NOT NULL,
    "added" INTEGER NOT NULL,
    "duplicates" INTEGER NOT NULL,
    "periodStart" TEXT,
    "periodEnd" TEXT,
    "statementDate" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "StatementImport_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Transaction" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "importId" TEXT NOT NULL,
    "account" TEXT NOT NULL,
    "postedOn" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'USD',
    "dedupeKey" TEXT NOT NULL,
    "statementDate" TEXT,
    "subscriptionId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Transaction_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Transaction_importId_fkey" FOREIGN KEY ("importId") REFERENCES "StatementImport" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Transaction_subscriptionId_fkey" FOREIGN KEY ("subscriptionId") REFERENCES "Subscription" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "StatementImport_userId_createdAt_id_idx" ON "StatementImport"("userId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Transaction_userId_postedOn_id_idx" ON "Transaction"("userId", "postedOn", "id");

-- CreateIndex
CREATE INDEX "Transaction_subscriptionId_postedOn_idx" ON "Transaction"("subscriptionId", "postedOn");

-- CreateIndex
CREATE INDEX "Transaction_importId_idx" ON "Transaction"("importId");

-- CreateIndex
CREATE UNIQUE INDEX "Transaction_userId_dedupeKey_key" ON "Transaction"("userId", "dedupeKey");

