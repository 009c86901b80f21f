-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "passwordHash" TEXT NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'en',
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "emailVerifiedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "dataVersion" INTEGER NOT NULL DEFAULT 0
);
INSERT INTO "new_User" ("createdAt", "email", "emailVerifiedAt", "id", "locale", "name", "passwordHash", "sessionVersion", "timeZone", "updatedAt") SELECT "createdAt", "email", "emailVerifiedAt", "id", "locale", "name", "passwordHash", "sessionVersion", "timeZone", "updatedAt" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Data version (docs/decisions/027-data-version.md): every write to a row a
-- user owns bumps User.dataVersion, in the database, so no write path can
-- forget it. Written by `node scripts/data-version-triggers.mjs sqlite`.
-- A later migration that redefines a table (Prisma's RedefineTables) drops
-- that table's triggers: it must create them again (the same script); one
-- that redefines "User" must first drop them all (`--drop`), or SQLite's
-- RENAME refuses the triggers that name "User".
CREATE TRIGGER "Session_data_version_insert" AFTER INSERT ON "Session"
BEGIN
  UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" = NEW."userId";
END;
CREATE TRIGGER "Session_data_version_update" AFTER UPDATE ON "Session"
BEGIN
  UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" IN (OLD."userId", NEW."userId");
END;
CREATE TRIGGER "Session_data_version_delete" AFTER DELETE ON "Session"
BEGIN
  UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" = OLD."userId";
END;
CREATE TRIGGER "SecurityEvent_data_version_insert" AFTER INSERT ON "SecurityEvent"
BEGIN
  UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" = NEW."userId";
END;
CREATE TRIGGER "SecurityEvent_data_version_update" AFTER UPDATE ON "SecurityEvent"
BEGIN
  UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" IN (OLD."userId", NEW."userId");
END;
CREATE TRIGGER "SecurityEvent_data_version_delete" AFTER DELETE ON "SecurityEvent"
BEGIN
  UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" = OLD."userId";
END;
CREATE TRIGGER "ApiToken_data_version_insert" AFTER INSERT ON "ApiToken"
BEGIN
  UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" = NEW."userId";
END;
CREATE TRIGGER "ApiToken_data_version_update" AFTER UPDATE ON "ApiToken"
BEGIN
  UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" IN (OLD."userId", NEW."userId");
END;
CREATE TRIGGER "ApiToken_data_version_delete" AFTER DELETE ON "ApiToken"
BEGIN
  UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" = OLD."userId";
END;
CREATE TRIGGER "Subscription_data_version_insert" AFTER INSERT ON "Subscription"
BEGIN
  UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" = NEW."userId";
END;
CREATE TRIGGER "Subscription_data_version_update" AFTER UPDATE ON "Subscription"
BEGIN
  UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" IN (OLD."userId", NEW."userId");
END;
CREATE TRIGGER "Subscription_data_version_delete" AFTER DELETE ON "Subscription"
BEGIN
  UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" = OLD."userId";
END;
CREATE TRIGGER "CancellationCase_data_version_insert" AFTER INSERT ON "CancellationCase"
BEGIN
  UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" = NEW."userId";
END;
CREATE TRIGGER "CancellationCase_data_version_update" AFTER UPDATE ON "CancellationCase"
BEGIN
  UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" IN (OLD."userId", NEW."userId");
END;
CREATE TRIGGER "CancellationCase_data_version_delete" AFTER DELETE ON "CancellationCase"
BEGIN
  UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" = OLD."userId";
END;
CREATE TRIGGER "CaseEvent_data_version_insert" AFTER INSERT ON "CaseEvent"
BEGIN
  UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" = NEW."userId";
END;
CREATE TRIGGER "CaseEvent_data_version_update" AFTER UPDATE ON "CaseEvent"
BEGIN
  UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" IN (OLD."userId", NEW."userId");
END;
CREATE TRIGGER "CaseEvent_data_version_delete" AFTER DELETE ON "CaseEvent"
BEGIN
  UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" = OLD."userId";
END;
CREATE TRIGGER "CaseChange_data_version_insert" AFTER INSERT ON "CaseChange"
BEGIN
  UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" = NEW."userId";
END;
CREATE TRIGGER "CaseChange_data_version_update" AFTER UPDATE ON "CaseChange"
BEGIN
  UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" IN (OLD."userId", NEW."userId");
END;
CREATE TRIGGER "CaseChange_data_version_delete" AFTER DELETE ON "CaseChange"
BEGIN
  UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" = OLD."userId";
END;
CREATE TRIGGER "CaseCheck_data_version_insert" AFTER INSERT ON "CaseCheck"
BEGIN
  UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" = NEW."userId";
END;
CREATE TRIGGER "CaseCheck_data_version_update" AFTER UPDATE ON "CaseCheck"
BEGIN
  UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" IN (OLD."userId", NEW."userId");
END;
CREATE TRIGGER "CaseCheck_data_version_delete" AFTER DELETE ON "CaseCheck"
BEGIN
  UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" = OLD."userId";
END;
CREATE TRIGGER "Note_data_version_insert" AFTER INSERT ON "Note"
BEGIN
  UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" = NEW."userId";
END;
CREATE TRIGGER "Note_data_version_update" AFTER UPDATE ON "Note"
BEGIN
  UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" IN (OLD."userId", NEW."userId");
END;
CREATE TRIGGER "Note_data_version_delete" AFTER DELETE ON "Note"
BEGIN
  UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" = OLD."userId";
END;
CREATE TRIGGER "Receipt_data_version_insert" AFTER INSERT ON "Receipt"
BEGIN
  UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" = NEW."userId";
END;
CREATE TRIGGER "Receipt_data_version_update" AFTER UPDATE ON "Receipt"
BEGIN
  UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" IN (OLD."userId", NEW."userId");
END;
CREATE TRIGGER "Receipt_data_version_delete" AFTER DELETE ON "Receipt"
BEGIN
  UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" = OLD."userId";
END;
CREATE TRIGGER "CalendarFeed_data_version_insert" AFTER INSERT ON "CalendarFeed"
BEGIN
  UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" = NEW."userId";
END;
CREATE TRIGGER "CalendarFeed_data_version_update" AFTER UPDATE ON "CalendarFeed"
BEGIN
  UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" IN (OLD."userId", NEW."userId");
END;
CREATE TRIGGER "CalendarFeed_data_version_delete" AFTER DELETE ON "CalendarFeed"
BEGIN
  UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" = OLD."userId";
END;
CREATE TRIGGER "EmailToken_data_version_insert" AFTER INSERT ON "EmailToken"
BEGIN
  UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" = NEW."userId";
END;
CREATE TRIGGER "EmailToken_data_version_update" AFTER UPDATE ON "EmailToken"
BEGIN
  UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" IN (OLD."userId", NEW."userId");
END;
CREATE TRIGGER "EmailToken_data_version_delete" AFTER DELETE ON "EmailToken"
BEGIN
  UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" = OLD."userId";
END;
CREATE TRIGGER "PasswordReset_data_version_insert" AFTER INSERT ON "PasswordReset"
BEGIN
  UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" = NEW."userId";
END;
CREATE TRIGGER "PasswordReset_data_version_update" AFTER UPDATE ON "PasswordReset"
BEGIN
  UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" IN (OLD."userId", NEW."userId");
END;
CREATE TRIGGER "PasswordReset_data_version_delete" AFTER DELETE ON "PasswordReset"
BEGIN
  UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" = OLD."userId";
END;
CREATE TRIGGER "TotpFactor_data_version_insert" AFTER INSERT ON "TotpFactor"
BEGIN
  UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" = NEW."userId";
END;
CREATE TRIGGER "TotpFactor_data_version_update" AFTER UPDATE ON "TotpFactor"
BEGIN
  UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" IN (OLD."userId", NEW."userId");
END;
CREATE TRIGGER "TotpFactor_data_version_delete" AFTER DELETE ON "TotpFactor"
BEGIN
  UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" = OLD."userId";
END;
CREATE TRIGGER "TotpRecoveryCode_data_version_insert" AFTER INSERT ON "TotpRecoveryCode"
BEGIN
  UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" = NEW."userId";
END;
CREATE TRIGGER "TotpRecoveryCode_data_version_update" AFTER UPDATE ON "TotpRecoveryCode"
BEGIN
  UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" IN (OLD."userId", NEW."userId");
END;
CREATE TRIGGER "TotpRecoveryCode_data_version_delete" AFTER DELETE ON "TotpRecoveryCode"
BEGIN
  UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" = OLD."userId";
END;
CREATE TRIGGER "Passkey_data_version_insert" AFTER INSERT ON "Passkey"
BEGIN
  UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" = NEW."userId";
END;
CREATE TRIGGER "Passkey_data_version_update" AFTER UPDATE ON "Passkey"
BEGIN
  UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" IN (OLD."userId", NEW."userId");
END;
CREATE TRIGGER "Passkey_data_version_delete" AFTER DELETE ON "Passkey"
BEGIN
  UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" = OLD."userId";
END;
CREATE TRIGGER "WebAuthnChallenge_data_version_insert" AFTER INSERT ON "WebAuthnChallenge"
BEGIN
  UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" = NEW."userId";
END;
CREATE TRIGGER "WebAuthnChallenge_data_version_update" AFTER UPDATE ON "WebAuthnChallenge"
BEGIN
  UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" IN (OLD."userId", NEW."userId");
END;
CREATE TRIGGER "WebAuthnChallenge_data_version_delete" AFTER DELETE ON "WebAuthnChallenge"
BEGIN
  UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" = OLD."userId";
END;
CREATE TRIGGER "OidcIdentity_data_version_insert" AFTER INSERT ON "OidcIdentity"
BEGIN
  UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" = NEW."userId";
END;
CREATE TRIGGER "OidcIdentity_data_version_update" AFTER UPDATE ON "OidcIdentity"
BEGIN
  UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" IN (OLD."userId", NEW."userId");
END;
CREATE TRIGGER "OidcIdentity_data_version_delete" AFTER DELETE ON "OidcIdentity"
BEGIN
  UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" = OLD."userId";
END;
CREATE TRIGGER "NotificationSettings_data_version_insert" AFTER INSERT ON "NotificationSettings"
BEGIN
  UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" = NEW."userId";
END;
CREATE TRIGGER "NotificationSettings_data_version_update" AFTER UPDATE ON "NotificationSettings"
BEGIN
  UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" IN (OLD."userId", NEW."userId");
END;
CREATE TRIGGER "NotificationSettings_data_version_delete" AFTER DELETE ON "NotificationSettings"
BEGIN
  UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" = OLD."userId";
END;
CREATE TRIGGER "Notification_data_version_insert" AFTER INSERT ON "Notification"
BEGIN
  UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" = NEW."userId";
END;
CREATE TRIGGER "Notification_data_version_update" AFTER UPDATE ON "Notification"
BEGIN
  UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" IN (OLD."userId", NEW."userId");
END;
CREATE TRIGGER "Notification_data_version_delete" AFTER DELETE ON "Notification"
BEGIN
  UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" = OLD."userId";
END;
CREATE TRIGGER "PushSubscription_data_version_insert" AFTER INSERT ON "PushSubscription"
BEGIN
  UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" = NEW."userId";
END;
CREATE TRIGGER "PushSubscription_data_version_update" AFTER UPDATE ON "PushSubscription"
BEGIN
  UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" IN (OLD."userId", NEW."userId");
END;
CREATE TRIGGER "PushSubscription_data_version_delete" AFTER DELETE ON "PushSubscription"
BEGIN
  UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" = OLD."userId";
END;
CREATE TRIGGER "StatementImport_data_version_insert" AFTER INSERT ON "StatementImport"
BEGIN
  UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" = NEW."userId";
END;
CREATE TRIGGER "StatementImport_data_version_update" AFTER UPDATE ON "StatementImport"
BEGIN
  UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" IN (OLD."userId", NEW."userId");
END;
CREATE TRIGGER "StatementImport_data_version_delete" AFTER DELETE ON "StatementImport"
BEGIN
  UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" = OLD."userId";
END;
CREATE TRIGGER "Transaction_data_version_insert" AFTER INSERT ON "Transaction"
BEGIN
  UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" = NEW."userId";
END;
CREATE TRIGGER "Transaction_data_version_update" AFTER UPDATE ON "Transaction"
BEGIN
  UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" IN (OLD."userId", NEW."userId");
END;
CREATE TRIGGER "Transaction_data_version_delete" AFTER DELETE ON "Transaction"
BEGIN
  UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" = OLD."userId";
END;
CREATE TRIGGER "PlaybookCorrection_data_version_insert" AFTER INSERT ON "PlaybookCorrection"
BEGIN
  UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" = NEW."userId";
END;
CREATE TRIGGER "PlaybookCorrection_data_version_update" AFTER UPDATE ON "PlaybookCorrection"
BEGIN
  UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" IN (OLD."userId", NEW."userId");
END;
CREATE TRIGGER "PlaybookCorrection_data_version_delete" AFTER DELETE ON "PlaybookCorrection"
BEGIN
  UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" = OLD."userId";
END;
CREATE TRIGGER "StatementAccount_data_version_insert" AFTER INSERT ON "StatementAccount"
BEGIN
  UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" = NEW."userId";
END;
CREATE TRIGGER "StatementAccount_data_version_update" AFTER UPDATE ON "StatementAccount"
BEGIN
  UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" IN (OLD."userId", NEW."userId");
END;
CREATE TRIGGER "StatementAccount_data_version_delete" AFTER DELETE ON "StatementAccount"
BEGIN
  UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" = OLD."userId";
END;
CREATE TRIGGER "Dispute_data_version_insert" AFTER INSERT ON "Dispute"
BEGIN
  UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" = NEW."userId";
END;
CREATE TRIGGER "Dispute_data_version_update" AFTER UPDATE ON "Dispute"
BEGIN
  UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" IN (OLD."userId", NEW."userId");
END;
CREATE TRIGGER "Dispute_data_version_delete" AFTER DELETE ON "Dispute"
BEGIN
  UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" = OLD."userId";
END;
CREATE TRIGGER "Channel_data_version_insert" AFTER INSERT ON "Channel"
BEGIN
  UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" = NEW."userId";
END;
CREATE TRIGGER "Channel_data_version_update" AFTER UPDATE ON "Channel"
BEGIN
  UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" IN (OLD."userId", NEW."userId");
END;
CREATE TRIGGER "Channel_data_version_delete" AFTER DELETE ON "Channel"
BEGIN
  UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" = OLD."userId";
END;
CREATE TRIGGER "User_data_version_update" AFTER UPDATE ON "User"
WHEN NEW."dataVersion" = OLD."dataVersion"
BEGIN
  UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" = NEW."id";
END;
