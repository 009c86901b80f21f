import { describe, expect, it } from "vitest";
import { getCase, listCaseEvents } from "@/lib/data/case-record";
import { openCase, transitionCase } from "@/lib/data/cases";
import { flaggedCharges } from "@/lib/data/flagged-charges";
import { createSubscription, getSubscription } from "@/lib/data/subscriptions";
import { addDays, todayIn } from "@/lib/domain/dates";
import { importStatement } from "@/lib/services/import-statement";
import { MOBILE_PLAN, newUser } from "../support/fixtures";
import { CHASE_HEADER, chaseLine, statementUpload } from "../support/uploads";

// Issue 30, point 10: steps happen before they are written down. The day a
// step happened (occurredOn, the user's zone) is what the record, the charge
// watch and the evidence go by; `at` stays when it was recorded.

// Far west of UTC: "today" there is often yesterday in UTC, so a rule on the server's day would show.
const ZONE = "Pacific/Pago_Pago";

async function user() {
  return { ...(await newUser({ timeZone: ZONE })), timeZone: ZONE };
}

function statement(lines: [string, string][]) {
  return statementUpload(
    CHASE_HEADER + lines.map(([on, amount]) => chaseLine(on, "VISIBLE WIRELESS", amount)).join(""),
  );
}

/** A case on a Visible plan, opened on `day` (the day it happened, in ZONE). */
async function openedOn(actor: { id: string }, day: string) {
  const sub = await createSubscription(actor, MOBILE_PLAN);
  return openCase(actor, { subscriptionId: sub.id, reason: "cost", occurredOn: day });
}

describe("the day a step happened", () => {
  it("opens a case on the day given and dates each step, skipped ones too, with its own day", async () => {
    const actor = await user();
    const today = todayIn(ZONE);
    let kase = await openedOn(actor, addDays(today, -10));
    expect(kase.openedOn).toBe(addDays(today, -10));
    kase = await transitionCase(actor, kase.id, {
      to: "bill_checked",
      expectedVersion: kase.version,
      occurredOn: addDays(today, -8),
    });
    kase = await transitionCase(actor, kase.id, {
      to: "request_submitted",
      expectedVersion: kase.version,
      occurredOn: addDays(today, -3),
    });
    // No day given: today, in the user's zone.
    kase = await transitionCase(actor, kase.id, {
      to: "under_review",
      expectedVersion: kase.version,
    });

    const { items } = await listCaseEvents(actor, kase.id, { limit: 100 });
    expect(items.reverse().map((e) => [e.to, e.skipped, e.occurredOn])).toEqual([
      ["open", false, addDays(today, -10)],
      ["bill_checked", false, addDays(today, -8)],
      ["data_backed_up", true, addDays(today, -3)],
      ["payment_unlinked", true, addDays(today, -3)],
      ["request_submitted", false, addDays(today, -3)],
      ["identity_verified", true, today],
      ["under_review", false, today],
    ]);
    // The case's GET carries both days.
    const detail = await getCase(actor, kase.id);
    expect(detail.openedOn).toBe(addDays(today, -10));
    expect(detail.events.at(-1)).toMatchObject({ occurredOn: today });
    expect(detail.events.at(-1)?.at).toBeInstanceOf(Date);
  });

  it("refuses a day after today (422 date_in_future) and one before the previous step (422 date_out_of_order), changing nothing", async () => {
    const actor = await user();
    const today = todayIn(ZONE);
    const sub = await createSubscription(actor, MOBILE_PLAN);
    await expect(
      openCase(actor, { subscriptionId: sub.id, reason: "cost", occurredOn: addDays(today, 1) }),
    ).rejects.toMatchObject({
      code: "date_in_future",
      status: 422,
      fields: { occurredOn: ["date_in_future"] },
    });
    const kase = await openCase(actor, {
      subscriptionId: sub.id,
      reason: "cost",
      occurredOn: addDays(today, -5),
    });
    await expect(
      transitionCase(actor, kase.id, {
        to: "bill_checked",
        expectedVersion: kase.version,
        occurredOn: addDays(today, 1),
      }),
    ).rejects.toMatchObject({ code: "date_in_future", status: 422 });
    await expect(
      transitionCase(actor, kase.id, {
        to: "bill_checked",
        expectedVersion: kase.version,
        occurredOn: addDays(today, -6),
      }),
    ).rejects.toMatchObject({
      code: "date_out_of_order",
      status: 422,
      fields: { occurredOn: ["date_out_of_order"] },
    });
    // The version is checked first: a stale request is a conflict whatever its day.
    await expect(
      transitionCase(actor, kase.id, {
        to: "bill_checked",
        expectedVersion: kase.version + 7,
        occurredOn: addDays(today, 1),
      }),
    ).rejects.toMatchObject({ code: "conflict", status: 409 });
    const after = await getCase(actor, kase.id);
    expect([after.state, after.version, after.events.length]).toEqual(["open", kase.version, 1]);
  });

  it("flags a charge after the day the provider confirmed, not after the day it was written down", async () => {
    const actor = await user();
    const today = todayIn(ZONE);
    let kase = await openedOn(actor, addDays(today, -20));
    for (const [to, days] of [
      ["bill_checked", -20],
      ["request_submitted", -15],
      ["confirmation_received", -10],
    ] as const) {
      kase = await transitionCase(actor, kase.id, {
        to,
        expectedVersion: kase.version,
        occurredOn: addDays(today, days),
        confirmationNumber: to === "confirmation_received" ? "VZ-1209" : null,
      });
    }
    // Charged the day of the confirmation (the plan's own bill) and twice after it.
    await importStatement(
      actor,
      statement([
        [addDays(today, -10), "-25.00"],
        [addDays(today, -4), "-25.00"],
        [addDays(today, -1), "-25.00"],
      ]),
    );
    // The subscription was cancelled on that day too, as a date in the user's zone.
    const cancelled = await getSubscription(actor, kase.subscriptionId);
    expect(cancelled.status).toBe("cancelled");
    expect(todayIn(ZONE, cancelled.cancelledAt!)).toBe(addDays(today, -10));
    const flagged = await flaggedCharges(actor);
    expect(flagged.map((t) => t.postedOn).sort()).toEqual([addDays(today, -4), addDays(today, -1)]);
  });
});
