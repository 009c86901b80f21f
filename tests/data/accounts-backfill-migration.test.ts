import Database from "better-sqlite3";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The accounts backfill gives every label a user imported before accounts had
// a kind its StatementAccount row (a credit card), once per user and label,
// and leaves a row already there alone.

const MIGRATIONS = path.resolve("prisma/migrations");
const OURS = "20261206131500_accounts_backfill";
const NOW = "2026-12-01T00:00:00.000+00:00";

describe("the accounts backfill migration", () => {
  it("adds a credit-card account for each (user, label) imported that has none", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "accounts-backfill-"));
    const db = new Database(path.join(dir, "before.db"));
    try {
      const folders = fs
        .readdirSync(MIGRATIONS)
        .filter((name) => fs.statSync(path.join(MIGRATIONS, name)).isDirectory())
        .sort();
      expect(folders).toContain(OURS);
      const read = (name: string) =>
        fs.readFileSync(path.join(MIGRATIONS, name, "migration.sql"), "utf8");
      for (const name of folders.filter((n) => n < OURS)) db.exec(read(name));

      const imp = (id: string, user: string, account: string) =>
        `('${id}', '${user}', '${account}', 'csv', 'f.csv', 1, 1, 0, '${NOW}')`;
      db.exec(`
        INSERT INTO "User" ("id", "email", "passwordHash", "updatedAt")
          VALUES ('u1', 'mei@example.com', 'x', '${NOW}'), ('u2', 'li@example.com', 'x', '${NOW}');
        INSERT INTO "StatementImport" ("id", "userId", "account", "format", "fileName", "lines", "added", "duplicates", "createdAt")
          VALUES ${[
            imp("i1", "u1", "Chase 4242"),
            imp("i2", "u1", "Chase 4242"),
            imp("i3", "u1", "Checking"),
            imp("i4", "u2", "Chase 4242"),
          ].join(", ")};
        INSERT INTO "StatementAccount" ("id", "userId", "label", "accountKind", "updatedAt")
          VALUES ('kept', 'u1', 'Checking', 'debit_card', '${NOW}');
      `);
      db.exec(read(OURS));

      const rows = db
        .prepare(
          `SELECT "id", "userId", "label", "accountKind", "updatedAt" FROM "StatementAccount" ORDER BY "userId", "label"`,
        )
        .all() as {
        id: string;
        userId: string;
        label: string;
        accountKind: string;
        updatedAt: string;
      }[];
      expect(rows.map((r) => [r.userId, r.label, r.accountKind])).toEqual([
        ["u1", "Chase 4242", "credit_card"],
        ["u1", "Checking", "debit_card"],
        ["u2", "Chase 4242", "credit_card"],
      ]);
      expect(rows[1]!.id).toBe("kept");
      const ids = rows.filter((r) => r.id !== "kept").map((r) => r.id);
      for (const id of ids) expect(id).toMatch(/^acct_[0-9a-f]{24}$/);
      expect(new Set(ids).size).toBe(ids.length);
      // Written the way Prisma writes a DateTime, so the client reads it back.
      expect(rows[0]!.updatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+00:00$/);
      expect(db.pragma("foreign_key_check")).toEqual([]);
    } finally {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
