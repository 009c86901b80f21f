import { describe, expect, it } from "vitest";
import { listCases } from "@/lib/data/case-lists";
import { openCase } from "@/lib/data/cases";
import { getCase } from "@/lib/data/case-record";
import { addNote } from "@/lib/data/notes";
import { createSubscription, listSubscriptions } from "@/lib/data/subscriptions";
import { registerUser } from "@/lib/data/users";

const plan = {
  provider: "Tello",
  category: "mobile" as const,
  amount: 1900,
  currency: "USD",
  billingCycle: "monthly" as const,
};

describe("concurrent writes on one SQLite file", () => {
  it("keeps all of 50 notes added to one case at the same moment", async () => {
    const user = await registerUser({ email: "fifty@example.com", password: "many notes at once" });
    const sub = await createSubscription(user, plan);
    const kase = await openCase(user, { subscriptionId: sub.id, reason: "cost" });
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        addNote(
          user,
          kase.id,
          {
            channel: "chat",
            occurredAt: new Date(Date.UTC(2026, 10, 20, 10, i)),
            summary: `message ${i}`,
          },
          "2026-11-24",
        ),
      ),
    );
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    const detail = await getCase(user, kase.id);
    expect(detail.notes.map((n) => n.summary).sort()).toEqual(
      Array.from({ length: 50 }, (_, i) => `message ${i}`).sort(),
    );
  });

  it("lets 10 users write at once without losing anything or leaking across accounts", async () => {
    const users = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        registerUser({ email: `writer${i}@example.com`, password: "writing all at once" }),
      ),
    );
    await Promise.all(
      users.map(async (user, i) => {
        for (let j = 0; j < 5; j++) {
          const sub = await createSubscription(user, { ...plan, provider: `P${i}-${j}` });
          if (j % 2 === 0) await openCase(user, { subscriptionId: sub.id, reason: "cost" });
        }
      }),
    );
    for (const [i, user] of users.entries()) {
      const subs = (await listSubscriptions(user, { limit: 100 })).items
        .map((s) => s.provider)
        .sort();
      expect(subs).toEqual([0, 1, 2, 3, 4].map((j) => `P${i}-${j}`).sort());
      expect((await listCases(user, { limit: 100 })).items).toHaveLength(3);
    }
  });
});
