import { describe, expect, it } from "vitest";
import { openCase, transitionCase } from "@/lib/data/cases";
import { exportCases, exportNotes, exportSubscriptions } from "@/lib/data/export";
import { addNote } from "@/lib/data/notes";
import { createSubscription } from "@/lib/data/subscriptions";
import { registerUser } from "@/lib/data/users";
import { exportAccount } from "@/lib/services/export-account";

async function all<T>(batches: AsyncIterable<T[]>): Promise<{ rows: T[]; batches: number }> {
  const rows: T[] = [];
  let count = 0;
  for await (const batch of batches) {
    rows.push(...batch);
    count++;
  }
  return { rows, batches: count };
}

describe("the export reads in batches", () => {
  // Thousands of rows written first: a loaded machine needs more than the default 20 s.
  it(
    "pages every list by keyset across batch boundaries, ties broken by id, nothing twice",
    { timeout: 90_000 },
    async () => {
      const user = await registerUser({
        email: "export-batches@example.com",
        password: "read it all back",
      });
      const other = await registerUser({
        email: "export-other@example.com",
        password: "read it all back",
      });
      const caseIds: string[] = [];
      for (let i = 0; i < 45; i++) {
        const sub = await createSubscription(user, {
          provider: `Provider ${i}`,
          category: "mobile",
          amount: 1000 + i,
          currency: "USD",
          billingCycle: "monthly",
        });
        const kase = await openCase(user, { subscriptionId: sub.id, reason: "cost" });
        if (i % 5 === 0)
          await transitionCase(user, kase.id, { to: "bill_checked", expectedVersion: 1 });
        caseIds.push(kase.id);
      }
      await createSubscription(other, {
        provider: "Not mine",
        category: "other",
        amount: 1,
        currency: "USD",
        billingCycle: "monthly",
      });
      // 1,050 notes, all at the same instant: only the id orders them.
      const at = new Date("2026-11-30T12:00:00Z");
      for (let i = 0; i < 1050; i++) {
        await addNote(
          user,
          caseIds[i % 3]!,
          { channel: "phone", occurredAt: at, summary: `n${i}` },
          "2026-12-01",
        );
      }

      const subscriptions = await all(exportSubscriptions(user));
      expect(subscriptions.rows).toHaveLength(45);
      expect(subscriptions.rows.map((s) => s.provider)).not.toContain("Not mine");

      const cases = await all(exportCases(user));
      expect(cases.batches).toBe(5);
      expect(cases.rows.map((c) => c.id).sort()).toEqual([...caseIds].sort());
      const walked = cases.rows.filter((c) => c.state === "bill_checked");
      expect(walked).toHaveLength(9);
      for (const kase of walked)
        expect(kase.events.map((e) => e.to)).toEqual(["open", "bill_checked"]);

      const notes = await all(exportNotes(user));
      expect(notes.batches).toBe(11);
      expect(notes.rows).toHaveLength(1050);
      expect(new Set(notes.rows.map((n) => n.id)).size).toBe(1050);
      const ids = notes.rows.map((n) => n.id);
      expect(ids).toEqual([...ids].sort());
    },
  );
});

/** `claim` once the slot's release has been written: a release is not awaited by the stream. */
async function whenFree<T>(claim: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await claim();
    } catch (error) {
      if (attempt >= 100 || (error as { code?: string }).code !== "rate_limited") throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

describe("the export's slots", () => {
  it("one export at a time per user, counted before any read; the slot comes back when the download closes", async () => {
    const email = `slots${Math.random().toString(36).slice(2)}@example.com`;
    const user = await registerUser({ email, password: "one export at a time", name: "Mei" });
    const other = await registerUser({
      email: `other-${email}`,
      password: "one export at a time",
      name: "Wei",
    });
    const first = await exportAccount(user);
    await expect(exportAccount(user)).rejects.toMatchObject({ code: "rate_limited" });
    // Someone else's export is not held up by this one.
    const theirs = await exportAccount(other);
    theirs.zip.destroy();
    // Read to the end, the download gives its slot back (its release is a write of its own).
    for await (const chunk of first.zip) void chunk;
    const again = await whenFree(() => exportAccount(user));
    // Abandoned half-way, too.
    again.zip.destroy();
    (await whenFree(() => exportAccount(user))).zip.destroy();
  });
});
