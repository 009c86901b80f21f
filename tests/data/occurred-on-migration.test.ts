import Database from "better-sqlite3";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The migration that adds occurredOn and openedOn fills them for the rows
// already there from when each was recorded (its UTC day: SQLite has no time
// zones), so no existing step is left without a day.

const MIGRATIONS = path.resolve("prisma/migrations");
const OURS = "20261206000000_occurred_on";

describe("the occurredOn migration", () => {
  it("backfills every existing case and step with the day it was recorded", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "occurred-on-"));
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

      db.exec(`
        INSERT INTO "User" ("id", "email", "passwordHash", "updatedAt")
          VALUES ('u1', 'mei@example.com', 'x', '2026-12-01T00:00:00.000+00:00');
        INSERT INTO "Subscription" ("id", "userId", "provider", "category", "amount", "currency", "billingCycle", "updatedAt")
          VALUES ('s1', 'u1', 'Mint', 'mobile', 3000, 'USD', 'monthly', '2026-12-01T00:00:00.000+00:00');
        INSERT INTO "CancellationCase" ("id", "userId", "subscriptionId", "reason", "openedAt", "updatedAt")
          VALUES ('c1', 'u1', 's1', 'cost', '2026-12-09T23:30:00.000+00:00', '2026-12-10T00:00:00.000+00:00');
        INSERT INTO "CaseEvent" ("id", "userId", "caseId", "from", "to", "at", "seq")
          VALUES ('e0', 'u1', 'c1', NULL, 'open', '2026-12-09T23:30:00.000+00:00', 0),
                 ('e1', 'u1', 'c1', 'open', 'bill_checked', '2026-12-10T00:15:00.000+00:00', 1),
                 ('e2', 'u1', 'c1', 'bill_checked', 'request_submitted', ${Date.UTC(2026, 11, 12, 8)}, 2);
      `);
      db.exec(read(OURS));

      expect(db.prepare(`SELECT "openedOn" FROM "CancellationCase"`).all()).toEqual([
        { openedOn: "2026-12-09" },
      ]);
      expect(db.prepare(`SELECT "to", "occurredOn" FROM "CaseEvent" ORDER BY "seq"`).all()).toEqual(
        [
          { to: "open", occurredOn: "2026-12-09" },
          { to: "bill_checked", occurredOn: "2026-12-10" },
          // A DateTime stored as milliseconds is read too.
          { to: "request_submitted", occurredOn: "2026-12-12" },
        ],
      );
      // The indexes came back with the tables.
      const indexes = db
        .prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'CaseEvent'`)
        .all()
        .map((row) => (row as { name: string }).name);
      expect(indexes).toEqual(
        expect.arrayContaining(["CaseEvent_caseId_seq_key", "CaseEvent_userId_to_caseId_seq_idx"]),
      );
      expect(db.pragma("foreign_key_check")).toEqual([]);
    } finally {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
