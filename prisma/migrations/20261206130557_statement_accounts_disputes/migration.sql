-- CreateTable
CREATE TABLE "StatementAccount" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "accountKind" TEXT NOT NULL,
    "issuerName" TEXT,
    "issuerAddress" TEXT,
    "holderName" TEXT,
    "holderAddress" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "StatementAccount_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Dispute" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "transactionId" TEXT NOT NULL,
    "caseId" TEXT,
    "law" TEXT NOT NULL,
    "filedOn" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "reference" TEXT,
    "status" TEXT NOT NULL,
    "provisionalCreditOn" TEXT,
    "provisionalCreditAmount" INTEGER,
    "resolvedOn" TEXT,
    "notes" TEXT,
    "openKey" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Dispute_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Dispute_transactionId_fkey" FOREIGN KEY ("transactionId") REFERENCES "Transaction" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Dispute_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "CancellationCase" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "StatementAccount_userId_label_key" ON "StatementAccount"("userId", "label");

-- CreateIndex
CREATE UNIQUE INDEX "Dispute_openKey_key" ON "Dispute"("openKey");

-- CreateIndex
CREATE INDEX "Dispute_userId_status_filedOn_idx" ON "Dispute"("userId", "status", "filedOn");

-- CreateIndex
CREATE INDEX "Dispute_transactionId_idx" ON "Dispute"("transactionId");

-- CreateIndex
CREATE INDEX "Dispute_caseId_idx" ON "Dispute"("caseId");

