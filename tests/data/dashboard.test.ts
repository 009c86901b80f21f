import { describe, expect, it } from "vitest";
import { caseOverview } from "@/lib/data/case-lists";
import { openCase, transitionCase, updateCase } from "@/lib/data/cases";
import { subscriptionDeadlines, trialDeadlines } from "@/lib/data/subscription-summaries";
import { createSubscription, listSubscriptionTable } from "@/lib/data/subscriptions";
import { DASHBOARD_ROWS } from "@/lib/domain/dashboard";
import { addDays } from "@/lib/domain/dates";
import type { SubscriptionView } from "@/lib/domain/subscriptions-sort";
import { newUser } from "../support/fixtures";

const TODAY = "2026-12-03";
const plan = {
  category: "mobile" as const,
  amount: 2500,
  currency: "USD",
  billingCycle: "monthly" as const,
};

describe("the dashboard's deadlines", () => {
  it("list renewals in the next 14 days, soonest first, a screenful (8) with the whole count", async () => {
    const user = await newUser();
    const stranger = await newUser();
    await createSubscription(stranger, { ...plan, provider: "Not mine", nextRenewalOn: TODAY });
    // Twelve renewals inside the horizon (day 0 to day 14), one before it, one after it, one undated.
    for (let day = 0; day < 12; day++)
      await createSubscription(user, {
        ...plan,
        provider: `Renews day ${14 - day}`,
        nextRenewalOn: addDays(TODAY, 14 - day),
      });
    await createSubscription(user, { ...plan, provider: "Yesterday", nextRenewalOn: "2026-12-02" });
    await createSubscription(user, { ...plan, provider: "Day 15", nextRenewalOn: "2026-12-18" });
    await createSubscription(user, { ...plan, provider: "No date" });

    const deadlines = await subscriptionDeadlines(user, TODAY);
    expect(deadlines.renewalsCount).toBe(12);
    expect(deadlines.renewals.map((r) => r.provider)).toEqual(
      [3, 4, 5, 6, 7, 8, 9, 10].map((day) => `Renews day ${day}`),
    );
    expect(deadlines.renewals[0]).toMatchObject({
      nextRenewalOn: "2026-12-06",
      status: "active",
    });
    // Nothing has a case yet: fifteen without one, the newest eight listed.
    expect(deadlines.withoutCaseCount).toBe(15);
    expect(deadlines.withoutCase).toHaveLength(8);
    expect(deadlines.withoutCase[0]?.provider).toBe("No date");
  });

  it("leave out cancelled subscriptions, and count only those without any case", async () => {
    const user = await newUser();
    const empty = await subscriptionDeadlines(user, TODAY);
    expect(empty).toEqual({ renewals: [], renewalsCount: 0, withoutCase: [], withoutCaseCount: 0 });

    const cased = await createSubscription(user, {
      ...plan,
      provider: "Mint Mobile",
      nextRenewalOn: "2026-12-10",
    });
    const cancelled = await createSubscription(user, {
      ...plan,
      provider: "Hulu",
      nextRenewalOn: "2026-12-09",
    });
    const bare = await createSubscription(user, { ...plan, provider: "Visible" });
    await openCase(user, { subscriptionId: cased.id, reason: "cost" });
    const done = await openCase(user, { subscriptionId: cancelled.id, reason: "cost" });
    await updateCase(user, done.id, { confirmationNumber: "H-1", expectedVersion: 1 });
    await transitionCase(user, done.id, { to: "bill_checked", expectedVersion: 2 });
    await transitionCase(user, done.id, { to: "request_submitted", expectedVersion: 3 });
    await transitionCase(user, done.id, { to: "confirmation_received", expectedVersion: 4 });

    const deadlines = await subscriptionDeadlines(user, TODAY);
    // Mint Mobile renews and is being cancelled; Hulu is cancelled and drops out.
    expect(deadlines.renewals).toEqual([
      { id: cased.id, provider: "Mint Mobile", nextRenewalOn: "2026-12-10", status: "cancelling" },
    ]);
    expect(deadlines.renewalsCount).toBe(1);
    expect(deadlines.withoutCase).toEqual([{ id: bare.id, provider: "Visible" }]);
    expect(deadlines.withoutCaseCount).toBe(1);
  });
});

describe("the dashboard's case overview", () => {
  it("counts open cases by state in workflow order, and the follow-ups due of open cases only", async () => {
    const user = await newUser();
    expect(await caseOverview(user, TODAY)).toEqual({
      openByState: [],
      followUps: [],
      followUpsDue: 0,
    });
    const subs = await Promise.all(
      ["Mint Mobile", "Visible", "Hulu", "Planet Fitness"].map((provider) =>
        createSubscription(user, { ...plan, provider }),
      ),
    );
    const [overdue, later, confirmed, submitted] = await Promise.all(
      subs.map((sub) => openCase(user, { subscriptionId: sub.id, reason: "cost" })),
    );
    await updateCase(user, overdue!.id, { nextFollowUpOn: "2026-12-01", expectedVersion: 1 });
    await updateCase(user, later!.id, { nextFollowUpOn: "2026-12-20", expectedVersion: 1 });
    await updateCase(user, confirmed!.id, {
      nextFollowUpOn: "2026-11-30",
      confirmationNumber: "H-1",
      expectedVersion: 1,
    });
    for (const [to, version] of [
      ["bill_checked", 2],
      ["request_submitted", 3],
      ["confirmation_received", 4],
    ] as const)
      await transitionCase(user, confirmed!.id, { to, expectedVersion: version });
    await transitionCase(user, submitted!.id, { to: "bill_checked", expectedVersion: 1 });
    await transitionCase(user, submitted!.id, { to: "request_submitted", expectedVersion: 2 });

    const overview = await caseOverview(user, TODAY);
    expect(overview.openByState).toEqual([
      { state: "open", count: 2 },
      { state: "request_submitted", count: 1 },
    ]);
    // The confirmed case's old follow-up date no longer counts: it is closed.
    expect(overview.followUpsDue).toBe(1);
    expect(overview.followUps.map((kase) => [kase.id, kase.subscription.provider])).toEqual([
      [overdue!.id, "Mint Mobile"],
    ]);
  });
});

describe("a dashboard of 200 subscriptions", () => {
  it("shows a screenful a section, with the whole count its 'see all' page lists", async () => {
    const user = await newUser();
    const stranger = await newUser();
    await createSubscription(stranger, { ...plan, provider: "Not mine", nextRenewalOn: TODAY });
    // 200 subscriptions: every fourth renews inside the horizon, every fifth
    // is a free trial ending soon; ten have a case with a follow-up overdue.
    const subs = [];
    for (let i = 0; i < 200; i++)
      subs.push(
        await createSubscription(user, {
          ...plan,
          provider: `Carrier ${String(i).padStart(3, "0")}`,
          ...(i % 4 === 0 ? { nextRenewalOn: addDays(TODAY, i % 14) } : {}),
          ...(i % 5 === 0 ? { trialEndsOn: addDays(TODAY, 1 + (i % 13)) } : {}),
        }),
      );
    for (const sub of subs.slice(0, 10)) {
      const kase = await openCase(user, { subscriptionId: sub.id, reason: "cost" });
      await updateCase(user, kase.id, { nextFollowUpOn: "2026-12-01", expectedVersion: 1 });
    }

    const [deadlines, trials, overview] = await Promise.all([
      subscriptionDeadlines(user, TODAY),
      trialDeadlines(user, TODAY),
      caseOverview(user, TODAY),
    ]);
    expect(DASHBOARD_ROWS).toBe(8);
    expect([deadlines.renewals.length, deadlines.renewalsCount]).toEqual([8, 50]);
    expect([deadlines.withoutCase.length, deadlines.withoutCaseCount]).toEqual([8, 190]);
    expect([trials.items.length, trials.total]).toEqual([8, 40]);
    expect([overview.followUps.length, overview.followUpsDue]).toEqual([8, 10]);

    // Each "see all" link opens the subscriptions table on the same rows: the
    // same count, and the dashboard's rows first where both sort alike.
    const table = (show: SubscriptionView, sort: "renewal" | "provider" = "provider") =>
      listSubscriptionTable(user, {
        sort,
        dir: "asc",
        page: 1,
        pageSize: 50,
        view: { show, today: TODAY },
      });
    const renewing = await table("renewing", "renewal");
    expect(renewing.total).toBe(50);
    expect(renewing.items.slice(0, 8).map((s) => s.id)).toEqual(
      deadlines.renewals.map((s) => s.id),
    );
    const noCase = await table("no-case");
    expect([noCase.total, noCase.pageCount, noCase.items.length]).toEqual([190, 4, 50]);
    expect(noCase.items[0]?.provider).toBe("Carrier 010");
    const trialsTable = await table("trial");
    expect(trialsTable.total).toBe(40);
    expect(trialsTable.items.every((s) => s.trialEndsOn !== null)).toBe(true);
    // Without a view, the table is every subscription, as before.
    const all = await listSubscriptionTable(user, {
      sort: "provider",
      dir: "asc",
      page: 1,
      pageSize: 50,
    });
    expect(all.total).toBe(200);
  });
});
