-- Steps in the past (issue 30, point 10): the day a step happened
-- (CaseEvent.occurredOn) and the day a case was opened (openedOn), beside when
-- each was recorded. Rows written before this migration are backfilled with
-- the UTC day of when they were recorded: SQLite knows no time zones, and
-- until now the day a step happened was the day it was recorded. (A step
-- recorded in the evening west of UTC gets the next day; the record says
-- "recorded" beside it.) DateTime columns are ISO-8601 text with this
-- adapter; an integer (milliseconds) is read too.

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_CancellationCase" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "subscriptionId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "method" TEXT,
    "state" TEXT NOT NULL DEFAULT 'open',
    "version" INTEGER NOT NULL DEFAULT 1,
    "confirmationNumber" TEXT,
    "nextFollowUpOn" TEXT,
    "openedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "openedOn" TEXT NOT NULL,
    "closedAt" DATETIME,
    "updatedAt" DATETIME NOT NULL,
    "expectedFinalBill" INTEGER,
    CONSTRAINT "CancellationCase_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CancellationCase_subscriptionId_fkey" FOREIGN KEY ("subscriptionId") REFERENCES "Subscription" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_CancellationCase" ("closedAt", "confirmationNumber", "expectedFinalBill", "id", "method", "nextFollowUpOn", "openedAt", "openedOn", "reason", "state", "subscriptionId", "updatedAt", "userId", "version") SELECT "closedAt", "confirmationNumber", "expectedFinalBill", "id", "method", "nextFollowUpOn", "openedAt", CASE typeof("openedAt") WHEN 'integer' THEN date("openedAt" / 1000, 'unixepoch') ELSE date("openedAt") END, "reason", "state", "subscriptionId", "updatedAt", "userId", "version" FROM "CancellationCase";
DROP TABLE "CancellationCase";
ALTER TABLE "new_CancellationCase" RENAME TO "CancellationCase";
CREATE INDEX "CancellationCase_userId_openedAt_id_idx" ON "CancellationCase"("userId", "openedAt", "id");
CREATE INDEX "CancellationCase_userId_state_openedAt_id_idx" ON "CancellationCase"("userId", "state", "openedAt", "id");
CREATE INDEX "CancellationCase_userId_nextFollowUpOn_idx" ON "CancellationCase"("userId", "nextFollowUpOn");
CREATE INDEX "CancellationCase_subscriptionId_openedAt_idx" ON "CancellationCase"("subscriptionId", "openedAt");
CREATE TABLE "new_CaseEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "from" TEXT,
    "to" TEXT NOT NULL,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "occurredOn" TEXT NOT NULL,
    "comment" TEXT,
    "skipped" BOOLEAN NOT NULL DEFAULT false,
    "rejectionReason" TEXT,
    "seq" INTEGER NOT NULL,
    CONSTRAINT "CaseEvent_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CaseEvent_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "CancellationCase" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_CaseEvent" ("at", "caseId", "comment", "from", "id", "occurredOn", "rejectionReason", "seq", "skipped", "to", "userId") SELECT "at", "caseId", "comment", "from", "id", CASE typeof("at") WHEN 'integer' THEN date("at" / 1000, 'unixepoch') ELSE date("at") END, "rejectionReason", "seq", "skipped", "to", "userId" FROM "CaseEvent";
DROP TABLE "CaseEvent";
ALTER TABLE "new_CaseEvent" RENAME TO "CaseEvent";
CREATE INDEX "CaseEvent_userId_to_caseId_seq_idx" ON "CaseEvent"("userId", "to", "caseId", "seq");
CREATE UNIQUE INDEX "CaseEvent_caseId_seq_key" ON "CaseEvent"("caseId", "seq");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

