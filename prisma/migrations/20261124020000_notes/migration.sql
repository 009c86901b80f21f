-- CreateTable
CREATE TABLE "Note" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "occurredAt" DATETIME NOT NULL,
    "agent" TEXT,
    "reference" TEXT,
    "durationMinutes" INTEGER,
    "summary" TEXT NOT NULL,
    "outcome" TEXT,
    "followUpOn" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Note_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Note_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "CancellationCase" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Note_caseId_occurredAt_idx" ON "Note"("caseId", "occurredAt");

-- CreateIndex
CREATE INDEX "Note_userId_occurredAt_id_idx" ON "Note"("userId", "occurredAt", "id");

