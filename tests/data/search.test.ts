import { describe, expect, it } from "vitest";
import { openCase, updateCase } from "@/lib/data/cases";
import { addNote, searchNotes } from "@/lib/data/notes";
import { searchCases, searchLists, searchReceipts } from "@/lib/data/search";
import { createSubscription } from "@/lib/data/subscriptions";
import { newUser } from "../support/fixtures";

async function caseFor(user: { id: string }, provider: string, plan: string | null = null) {
  const sub = await createSubscription(user, {
    provider,
    plan,
    category: "mobile",
    amount: 1500,
    currency: "USD",
    billingCycle: "monthly",
  });
  return openCase(user, { subscriptionId: sub.id, reason: "cost" });
}

describe("one search over what people remember", () => {
  it("finds cases by provider, plan and confirmation number, and only the user's own", async () => {
    const user = await newUser();
    const other = await newUser();
    const mint = await caseFor(user, "Mint Mobile", "Unlimited 5G");
    await updateCase(user, mint.id, { confirmationNumber: "MM-55821", expectedVersion: 1 });
    await caseFor(user, "Hulu");
    await caseFor(other, "Mint Mobile");

    expect((await searchCases(user, "mint")).map((c) => c.id)).toEqual([mint.id]);
    expect((await searchCases(user, "55821")).map((c) => c.id)).toEqual([mint.id]);
    expect((await searchCases(user, "5g")).map((c) => c.id)).toEqual([mint.id]);
    expect(await searchCases(user, "netflix")).toEqual([]);
  });

  it("takes % and _ literally, not as wildcards", async () => {
    const user = await newUser();
    const percent = await caseFor(user, "100% Wireless");
    await caseFor(user, "Visible");
    const kase = await caseFor(user, "T_Mobile");
    await addNote(
      user,
      kase.id,
      { channel: "phone", occurredAt: new Date("2026-11-20T10:00:00Z"), summary: "ref A_1" },
      "2026-11-20",
    );
    await addNote(
      user,
      kase.id,
      { channel: "phone", occurredAt: new Date("2026-11-21T10:00:00Z"), summary: "ref AB1" },
      "2026-11-20",
    );

    expect((await searchCases(user, "%")).map((c) => c.id)).toEqual([percent.id]);
    expect((await searchCases(user, "_")).map((c) => c.id)).toEqual([kase.id]);
    const notes = await searchNotes(user, { q: "A_1", limit: 10 });
    expect(notes.items.map((n) => n.summary)).toEqual(["ref A_1"]);
    expect(await searchReceipts(user, "%")).toEqual([]);
  });

  it("gives the search page cases and receipts with the first page of notes only", async () => {
    const user = await newUser();
    const kase = await caseFor(user, "Mint Mobile");
    for (const day of [20, 21]) {
      await addNote(
        user,
        kase.id,
        {
          channel: "phone",
          occurredAt: new Date(`2026-11-${day}T10:00:00Z`),
          summary: "mint call",
        },
        "2026-11-20",
      );
    }

    const first = await searchLists(user, { q: "mint", limit: 1 });
    expect(first.cases.map((c) => c.id)).toEqual([kase.id]);
    expect(first.notes?.items).toHaveLength(1);
    const next = await searchLists(user, { q: "mint", limit: 1, cursor: first.notes!.nextCursor! });
    expect(next.cases).toEqual([]);
    expect(next.receipts).toEqual([]);
    expect(next.notes?.items).toHaveLength(1);
    // A cursor from an old or hand-edited link shows no notes rather than an error page.
    expect((await searchLists(user, { q: "mint", limit: 1, cursor: "not-a-cursor" })).notes).toBe(
      null,
    );
  });
});
