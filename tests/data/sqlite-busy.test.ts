import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
// eslint-disable-next-line no-restricted-imports -- the test forces a failed COMMIT on the app's own connection
import { db } from "@/lib/db/client";
import { openCase, transitionCase } from "@/lib/data/cases";
import { getCase } from "@/lib/data/case-record";
import { createSubscription, listSubscriptions } from "@/lib/data/subscriptions";
import { registerUser } from "@/lib/data/users";
import { asAppError } from "@/lib/errors/app-error";

// docs/decisions/007-sqlite-better-sqlite3.md: prisma issue 29933. A second connection (standing in for a backup
// or the CLI in another process) holds the write lock past the busy timeout,
// and a COMMIT is made to fail; the user gets a clear "busy" error, nothing
// is half-written, and the app's connection carries on afterwards.

const plan = {
  provider: "Mint Mobile",
  category: "mobile" as const,
  amount: 1500,
  currency: "USD",
  billingCycle: "monthly" as const,
};
const file = process.env.DATABASE_URL!.replace(/^file:/, "");
let other: Database.Database | null = null;

function lockDatabase(): void {
  other = new Database(file);
  other.exec("BEGIN IMMEDIATE");
}

function unlockDatabase(): void {
  other?.exec("ROLLBACK");
  other?.close();
  other = null;
}

afterEach(unlockDatabase);

describe("a busy or failing database", () => {
  it("answers a write during a long outside lock with 'busy' (503), writes nothing, and recovers", async () => {
    const user = await registerUser({ email: "busy@example.com", password: "a busy database" });
    const sub = await createSubscription(user, plan);
    const kase = await openCase(user, { subscriptionId: sub.id, reason: "cost" });

    lockDatabase();
    const plain = await createSubscription(user, { ...plan, provider: "Visible" }).catch(
      (e: unknown) => e,
    );
    const inTransaction = await transitionCase(user, kase.id, {
      to: "bill_checked",
      expectedVersion: kase.version,
    }).catch((e: unknown) => e);
    for (const error of [plain, inTransaction]) {
      expect(asAppError(error)).toMatchObject({ code: "busy", status: 503, retryAfterSeconds: 2 });
    }
    unlockDatabase();

    expect((await listSubscriptions(user, { limit: 10 })).items.map((s) => s.provider)).toEqual([
      "Mint Mobile",
    ]);
    expect((await getCase(user, kase.id)).state).toBe(kase.state);
    // The same calls succeed once the lock is gone: the connection is not left inside a transaction.
    await createSubscription(user, { ...plan, provider: "Visible" });
    const moved = await transitionCase(user, kase.id, {
      to: "bill_checked",
      expectedVersion: kase.version,
    });
    expect(moved.state).toBe("bill_checked");
  });

  it("rolls back a failed COMMIT and releases the connection for the next transaction", async () => {
    const user = await registerUser({ email: "commit@example.com", password: "a failing commit" });
    // A deferred foreign-key violation makes COMMIT itself fail, the same way
    // SQLITE_BUSY at COMMIT does; Prisma 6.19 alone then never releases its lock.
    const failed = await db
      .$transaction(async (tx) => {
        await tx.$executeRawUnsafe("PRAGMA defer_foreign_keys = ON");
        await tx.$executeRawUnsafe(
          "INSERT INTO ApiToken (id, userId, name, tokenHash, prefix, createdAt) VALUES ('orphan', 'no-such-user', 'n', 'h', 'p', 0)",
        );
      })
      .catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(Error);
    expect(await db.apiToken.count({ where: { id: "orphan" } })).toBe(0);

    // Without the guard in lib/db/sqlite-adapter.ts these hang until the test times out.
    const sub = await createSubscription(user, plan);
    const kase = await openCase(user, { subscriptionId: sub.id, reason: "cost" });
    expect(
      (await transitionCase(user, kase.id, { to: "bill_checked", expectedVersion: kase.version }))
        .version,
    ).toBe(kase.version + 1);
    expect(
      await db.$queryRawUnsafe<{ defer_foreign_keys: bigint }[]>("PRAGMA defer_foreign_keys"),
    ).toEqual([{ defer_foreign_keys: 0n }]);
  });
});
