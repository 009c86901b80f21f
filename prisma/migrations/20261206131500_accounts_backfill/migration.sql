-- Data only (issue 34): every label a user imported before accounts had a
-- kind gets its StatementAccount row, as a credit card (the kind every charge
-- was disputed as until then), so the accounts list shows it and its kind
-- can be changed. Ids: 'acct_' and 24 random hex digits, unique like cuids.
INSERT INTO "StatementAccount" ("id", "userId", "label", "accountKind", "createdAt", "updatedAt")
SELECT 'acct_' || lower(hex(randomblob(12))), "userId", "account", 'credit_card',
       strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now'), strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')
FROM (SELECT DISTINCT "userId", "account" FROM "StatementImport") AS labels
WHERE NOT EXISTS (
  SELECT 1 FROM "StatementAccount"
  WHERE "StatementAccount"."userId" = labels."userId" AND "StatementAccount"."label" = labels."account"
);
