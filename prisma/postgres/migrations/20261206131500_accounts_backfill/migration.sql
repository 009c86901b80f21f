-- Data only (issue 34): every label a user imported before accounts had a
-- kind gets its StatementAccount row, as a credit card (the kind every charge
-- was disputed as until then), so the accounts list shows it and its kind
-- can be changed. Ids: 'acct_' and 32 hex digits of an md5 over randomness
-- and the row's own key, unique like cuids.
INSERT INTO "StatementAccount" ("id", "userId", "label", "accountKind", "createdAt", "updatedAt")
SELECT 'acct_' || md5(random()::text || clock_timestamp()::text || labels."userId" || labels."account"),
       labels."userId", labels."account", 'credit_card', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
FROM (SELECT DISTINCT "userId", "account" FROM "StatementImport") AS labels
WHERE NOT EXISTS (
  SELECT 1 FROM "StatementAccount"
  WHERE "StatementAccount"."userId" = labels."userId" AND "StatementAccount"."label" = labels."account"
);
