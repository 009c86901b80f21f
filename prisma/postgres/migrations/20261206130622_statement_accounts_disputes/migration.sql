-- CreateTable
CREATE TABLE "StatementAccount" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "accountKind" TEXT NOT NULL,
    "issuerName" TEXT,
    "issuerAddress" TEXT,
    "holderName" TEXT,
    "holderAddress" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StatementAccount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Dispute" (
    "id" TEXT NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Dispute_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "StatementAccount" ADD CONSTRAINT "StatementAccount_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dispute" ADD CONSTRAINT "Dispute_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dispute" ADD CONSTRAINT "Dispute_transactionId_fkey" FOREIGN KEY ("transactionId") REFERENCES "Transaction"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dispute" ADD CONSTRAINT "Dispute_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "CancellationCase"("id") ON DELETE SET NULL ON UPDATE CASCADE;

