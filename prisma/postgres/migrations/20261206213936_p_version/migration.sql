-- AlterTable
ALTER TABLE "User" ADD COLUMN     "dataVersion" INTEGER NOT NULL DEFAULT 0;


-- Data version (docs/decisions/027-data-version.md): every write to a row a
-- user owns bumps User.dataVersion, in the database, so no write path can
-- forget it. Written by `node scripts/data-version-triggers.mjs postgres`;
-- a new table with a userId gets its three triggers the same way.
CREATE FUNCTION data_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- A deleted user's rows bump nobody: the UPDATE finds no User row.
  IF TG_OP = 'INSERT' THEN
    UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" IN (SELECT "userId" FROM new_rows);
  ELSIF TG_OP = 'UPDATE' THEN
    UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" IN (SELECT "userId" FROM old_rows UNION SELECT "userId" FROM new_rows);
  ELSE
    UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" IN (SELECT "userId" FROM old_rows);
  END IF;
  RETURN NULL;
END $$;
CREATE FUNCTION data_version_bump_user() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."dataVersion" = OLD."dataVersion" THEN
    NEW."dataVersion" := OLD."dataVersion" + 1;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "Session_data_version_insert" AFTER INSERT ON "Session"
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER "Session_data_version_update" AFTER UPDATE ON "Session"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER "Session_data_version_delete" AFTER DELETE ON "Session"
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER "SecurityEvent_data_version_insert" AFTER INSERT ON "SecurityEvent"
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER "SecurityEvent_data_version_update" AFTER UPDATE ON "SecurityEvent"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER "SecurityEvent_data_version_delete" AFTER DELETE ON "SecurityEvent"
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER "ApiToken_data_version_insert" AFTER INSERT ON "ApiToken"
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER "ApiToken_data_version_update" AFTER UPDATE ON "ApiToken"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER "ApiToken_data_version_delete" AFTER DELETE ON "ApiToken"
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER "Subscription_data_version_insert" AFTER INSERT ON "Subscription"
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER "Subscription_data_version_update" AFTER UPDATE ON "Subscription"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER "Subscription_data_version_delete" AFTER DELETE ON "Subscription"
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER "CancellationCase_data_version_insert" AFTER INSERT ON "CancellationCase"
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER "CancellationCase_data_version_update" AFTER UPDATE ON "CancellationCase"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER "CancellationCase_data_version_delete" AFTER DELETE ON "CancellationCase"
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER "CaseEvent_data_version_insert" AFTER INSERT ON "CaseEvent"
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER "CaseEvent_data_version_update" AFTER UPDATE ON "CaseEvent"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER "CaseEvent_data_version_delete" AFTER DELETE ON "CaseEvent"
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER "CaseChange_data_version_insert" AFTER INSERT ON "CaseChange"
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER "CaseChange_data_version_update" AFTER UPDATE ON "CaseChange"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER "CaseChange_data_version_delete" AFTER DELETE ON "CaseChange"
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER "CaseCheck_data_version_insert" AFTER INSERT ON "CaseCheck"
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER "CaseCheck_data_version_update" AFTER UPDATE ON "CaseCheck"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER "CaseCheck_data_version_delete" AFTER DELETE ON "CaseCheck"
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER "Note_data_version_insert" AFTER INSERT ON "Note"
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER "Note_data_version_update" AFTER UPDATE ON "Note"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER "Note_data_version_delete" AFTER DELETE ON "Note"
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER "Receipt_data_version_insert" AFTER INSERT ON "Receipt"
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER "Receipt_data_version_update" AFTER UPDATE ON "Receipt"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER "Receipt_data_version_delete" AFTER DELETE ON "Receipt"
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER "CalendarFeed_data_version_insert" AFTER INSERT ON "CalendarFeed"
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER "CalendarFeed_data_version_update" AFTER UPDATE ON "CalendarFeed"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER "CalendarFeed_data_version_delete" AFTER DELETE ON "CalendarFeed"
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER "EmailToken_data_version_insert" AFTER INSERT ON "EmailToken"
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER "EmailToken_data_version_update" AFTER UPDATE ON "EmailToken"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER "EmailToken_data_version_delete" AFTER DELETE ON "EmailToken"
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER "PasswordReset_data_version_insert" AFTER INSERT ON "PasswordReset"
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER "PasswordReset_data_version_update" AFTER UPDATE ON "PasswordReset"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER "PasswordReset_data_version_delete" AFTER DELETE ON "PasswordReset"
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER "TotpFactor_data_version_insert" AFTER INSERT ON "TotpFactor"
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER "TotpFactor_data_version_update" AFTER UPDATE ON "TotpFactor"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER "TotpFactor_data_version_delete" AFTER DELETE ON "TotpFactor"
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER "TotpRecoveryCode_data_version_insert" AFTER INSERT ON "TotpRecoveryCode"
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER "TotpRecoveryCode_data_version_update" AFTER UPDATE ON "TotpRecoveryCode"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER "TotpRecoveryCode_data_version_delete" AFTER DELETE ON "TotpRecoveryCode"
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER "Passkey_data_version_insert" AFTER INSERT ON "Passkey"
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER "Passkey_data_version_update" AFTER UPDATE ON "Passkey"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER "Passkey_data_version_delete" AFTER DELETE ON "Passkey"
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER "WebAuthnChallenge_data_version_insert" AFTER INSERT ON "WebAuthnChallenge"
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER "WebAuthnChallenge_data_version_update" AFTER UPDATE ON "WebAuthnChallenge"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER "WebAuthnChallenge_data_version_delete" AFTER DELETE ON "WebAuthnChallenge"
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER "OidcIdentity_data_version_insert" AFTER INSERT ON "OidcIdentity"
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER "OidcIdentity_data_version_update" AFTER UPDATE ON "OidcIdentity"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER "OidcIdentity_data_version_delete" AFTER DELETE ON "OidcIdentity"
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER "NotificationSettings_data_version_insert" AFTER INSERT ON "NotificationSettings"
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER "NotificationSettings_data_version_update" AFTER UPDATE ON "NotificationSettings"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER "NotificationSettings_data_version_delete" AFTER DELETE ON "NotificationSettings"
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER "Notification_data_version_insert" AFTER INSERT ON "Notification"
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER "Notification_data_version_update" AFTER UPDATE ON "Notification"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER "Notification_data_version_delete" AFTER DELETE ON "Notification"
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER "PushSubscription_data_version_insert" AFTER INSERT ON "PushSubscription"
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER "PushSubscription_data_version_update" AFTER UPDATE ON "PushSubscription"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER "PushSubscription_data_version_delete" AFTER DELETE ON "PushSubscription"
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER "StatementImport_data_version_insert" AFTER INSERT ON "StatementImport"
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER "StatementImport_data_version_update" AFTER UPDATE ON "StatementImport"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER "StatementImport_data_version_delete" AFTER DELETE ON "StatementImport"
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER "Transaction_data_version_insert" AFTER INSERT ON "Transaction"
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER "Transaction_data_version_update" AFTER UPDATE ON "Transaction"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER "Transaction_data_version_delete" AFTER DELETE ON "Transaction"
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER "PlaybookCorrection_data_version_insert" AFTER INSERT ON "PlaybookCorrection"
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER "PlaybookCorrection_data_version_update" AFTER UPDATE ON "PlaybookCorrection"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER "PlaybookCorrection_data_version_delete" AFTER DELETE ON "PlaybookCorrection"
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER "StatementAccount_data_version_insert" AFTER INSERT ON "StatementAccount"
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER "StatementAccount_data_version_update" AFTER UPDATE ON "StatementAccount"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER "StatementAccount_data_version_delete" AFTER DELETE ON "StatementAccount"
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER "Dispute_data_version_insert" AFTER INSERT ON "Dispute"
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER "Dispute_data_version_update" AFTER UPDATE ON "Dispute"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER "Dispute_data_version_delete" AFTER DELETE ON "Dispute"
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER "Channel_data_version_insert" AFTER INSERT ON "Channel"
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER "Channel_data_version_update" AFTER UPDATE ON "Channel"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER "Channel_data_version_delete" AFTER DELETE ON "Channel"
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER "User_data_version_update" BEFORE UPDATE ON "User"
  FOR EACH ROW EXECUTE FUNCTION data_version_bump_user();
