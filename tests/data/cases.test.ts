import { describe, expect, it } from "vitest";
import { listCases, listCasesDueFirst } from "@/lib/data/case-lists";
import { openCase, transitionCase, updateCase } from "@/lib/data/cases";
import { getCase } from "@/lib/data/case-record";
import {
  createSubscription,
  deleteSubscription,
  getSubscription,
  listSubscriptions,
  updateSubscription,
} from "@/lib/data/subscriptions";
import { subscriptionTotals } from "@/lib/data/subscription-summaries";
import { newUser } from "../support/fixtures";

const plan = {
  provider: "Mint Mobile",
  category: "mobile" as const,
  plan: "Unlimited",
  amount: 3000,
  currency: "USD",
  billingCycle: "monthly" as const,
};

describe("subscriptions and cases on a real SQLite file", () => {
  it("keep user B away from user A's rows: read, list, change, transition all say not found", async () => {
    const a = await newUser();
    const b = await newUser();
    const sub = await createSubscription(a, plan);
    const kase = await openCase(a, { subscriptionId: sub.id, reason: "cost" });

    await expect(getSubscription(b, sub.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(updateSubscription(b, sub.id, { provider: "Hijacked" })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(deleteSubscription(b, sub.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(openCase(b, { subscriptionId: sub.id, reason: "cost" })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(getCase(b, kase.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(updateCase(b, kase.id, { confirmationNumber: "X" })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(
      transitionCase(b, kase.id, { to: "bill_checked", expectedVersion: kase.version }),
    ).rejects.toMatchObject({
      code: "not_found",
    });
    expect((await listSubscriptions(b, { limit: 100 })).items).toEqual([]);
    expect((await listCases(b, { limit: 100 })).items).toEqual([]);

    // A's data is as it was.
    expect(await getSubscription(a, sub.id)).toMatchObject({
      provider: "Mint Mobile",
      status: "cancelling",
    });
    expect(await getCase(a, kase.id)).toMatchObject({
      state: "open",
      version: kase.version,
      confirmationNumber: null,
    });
  });

  it("walks a case to confirmation, recording skips, and marks the subscription cancelled", async () => {
    const user = await newUser();
    const sub = await createSubscription(user, plan);
    let kase = await openCase(user, {
      subscriptionId: sub.id,
      reason: "switching",
      method: "phone",
    });
    expect((await getSubscription(user, sub.id)).status).toBe("cancelling");

    kase = await transitionCase(user, kase.id, {
      to: "bill_checked",
      expectedVersion: kase.version,
    });
    kase = await transitionCase(user, kase.id, {
      to: "request_submitted",
      expectedVersion: kase.version,
      comment: "called",
    });
    await expect(
      transitionCase(user, kase.id, { to: "confirmation_received", expectedVersion: kase.version }),
    ).rejects.toMatchObject({
      code: "unprocessable",
      fields: { confirmationNumber: ["evidence_required"] },
    });
    kase = await transitionCase(user, kase.id, {
      to: "confirmation_received",
      expectedVersion: kase.version,
      confirmationNumber: "MM-778899",
    });
    expect(kase).toMatchObject({
      state: "confirmation_received",
      confirmationNumber: "MM-778899",
      version: 4,
    });
    expect(kase.closedAt).toBeInstanceOf(Date);

    const detail = await getCase(user, kase.id);
    expect(detail.events.map((e) => [e.from, e.to, e.skipped])).toEqual([
      [null, "open", false],
      ["open", "bill_checked", false],
      ["bill_checked", "data_backed_up", true],
      ["data_backed_up", "payment_unlinked", true],
      ["payment_unlinked", "request_submitted", false],
      ["request_submitted", "identity_verified", true],
      ["identity_verified", "under_review", true],
      ["under_review", "confirmation_received", false],
    ]);
    const cancelled = await getSubscription(user, sub.id);
    expect(cancelled.status).toBe("cancelled");
    expect(cancelled.cancelledAt).toBeInstanceOf(Date);
    expect((await subscriptionTotals(user)).savings).toEqual([{ currency: "USD", monthly: 3000 }]);
  });

  it("refuses a second open case for one subscription, and a stale version whatever the move", async () => {
    const user = await newUser();
    const sub = await createSubscription(user, plan);
    const kase = await openCase(user, { subscriptionId: sub.id, reason: "cost" });
    await expect(openCase(user, { subscriptionId: sub.id, reason: "cost" })).rejects.toMatchObject({
      code: "conflict",
    });
    await transitionCase(user, kase.id, { to: "bill_checked", expectedVersion: kase.version });
    // Stale, and also a move the workflow forbids: the version wins.
    await expect(
      transitionCase(user, kase.id, { to: "confirmation_received", expectedVersion: kase.version }),
    ).rejects.toMatchObject({
      code: "conflict",
    });
    await expect(
      updateCase(user, kase.id, { expectedVersion: kase.version, confirmationNumber: "x" }),
    ).rejects.toMatchObject({
      code: "conflict",
    });
  });

  it("lets exactly one of 20 concurrent transitions on one version win, writing exactly one event", async () => {
    const user = await newUser();
    const sub = await createSubscription(user, plan);
    const kase = await openCase(user, { subscriptionId: sub.id, reason: "cost" });
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () =>
        transitionCase(user, kase.id, { to: "bill_checked", expectedVersion: kase.version }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r) => r.status === "rejected")) {
      expect((r as PromiseRejectedResult).reason).toMatchObject({ code: "conflict" });
    }
    const detail = await getCase(user, kase.id);
    expect(detail.events.filter((e) => e.to === "bill_checked")).toHaveLength(1);
    expect(detail.version).toBe(kase.version + 1);
  });

  it("withdraws back to active and deletes a subscription with its cases", async () => {
    const user = await newUser();
    const sub = await createSubscription(user, plan);
    const kase = await openCase(user, { subscriptionId: sub.id, reason: "cost" });
    await transitionCase(user, kase.id, {
      to: "withdrawn",
      expectedVersion: kase.version,
      comment: "kept it",
    });
    expect((await getSubscription(user, sub.id)).status).toBe("active");
    expect(await deleteSubscription(user, sub.id)).toEqual({ deletedCases: 1 });
    await expect(getCase(user, kase.id)).rejects.toMatchObject({ code: "not_found" });
  });

  it("pages through lists with a cursor and filters cases by state and follow-up", async () => {
    const user = await newUser();
    const ids: string[] = [];
    for (let i = 0; i < 7; i++)
      ids.push((await createSubscription(user, { ...plan, provider: `P${i}` })).id);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listSubscriptions(user, { limit: 3, cursor });
      seen.push(...page.items.map((s) => s.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen.sort()).toEqual([...ids].sort());

    const first = await openCase(user, { subscriptionId: ids[0]!, reason: "cost" });
    await openCase(user, { subscriptionId: ids[1]!, reason: "cost" });
    await updateCase(user, first.id, { nextFollowUpOn: "2026-01-01" });
    await transitionCase(user, first.id, {
      to: "bill_checked",
      expectedVersion: first.version + 1,
    });
    expect(
      (await listCases(user, { limit: 10, state: "bill_checked" })).items.map((c) => c.id),
    ).toEqual([first.id]);
    expect(
      (await listCases(user, { limit: 10, followUp: "due", today: "2026-06-01" })).items.map(
        (c) => c.id,
      ),
    ).toEqual([first.id]);
    expect((await listCases(user, { limit: 10, state: "open" })).items).toHaveLength(1);
  });

  it("lists follow-ups due first, the most overdue first, then the rest newest first, across pages", async () => {
    const user = await newUser();
    const today = "2026-11-24";
    const follow = [
      "2026-11-20",
      null,
      "2026-11-24",
      "2026-12-05",
      "2026-11-10",
      null,
      "2026-11-22",
    ];
    const cases: { id: string; nextFollowUpOn: string | null }[] = [];
    for (const [i, nextFollowUpOn] of follow.entries()) {
      const sub = await createSubscription(user, { ...plan, provider: `Provider ${i}` });
      const kase = await openCase(user, { subscriptionId: sub.id, reason: "cost" });
      if (nextFollowUpOn) await updateCase(user, kase.id, { nextFollowUpOn });
      cases.push({ id: kase.id, nextFollowUpOn });
    }
    // A closed case is never due, however old its follow-up date.
    const closed = cases[6]!;
    const current = await getCase(user, closed.id);
    await transitionCase(user, closed.id, { to: "withdrawn", expectedVersion: current.version });

    const due = ["2026-11-10", "2026-11-20", "2026-11-24"].map(
      (day) => cases.find((c) => c.nextFollowUpOn === day)!.id,
    );
    const rest = [...cases]
      .filter((c) => !due.includes(c.id))
      .reverse()
      .map((c) => c.id);
    const expected = [...due, ...rest];

    for (const limit of [1, 2, 3, 4, 50]) {
      const seen: string[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < 20; page++) {
        const result = await listCasesDueFirst(user, { limit, today, cursor });
        expect(result.items.length).toBeLessThanOrEqual(limit);
        seen.push(...result.items.map((c) => c.id));
        if (!result.nextCursor) break;
        cursor = result.nextCursor;
      }
      expect(seen, `limit ${limit}`).toEqual(expected);
    }

    const dueOnly = await listCasesDueFirst(user, { limit: 50, today, followUp: "due" });
    expect(dueOnly.items.map((c) => c.id)).toEqual(due);
    expect(dueOnly.nextCursor).toBeNull();
    await expect(
      listCasesDueFirst(user, { limit: 50, today, cursor: "bm90IGEgY3Vyc29y" }),
    ).rejects.toMatchObject({ code: "validation_failed" });
  });
});
