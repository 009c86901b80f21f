import { describe, expect, it } from "vitest";
import { listCaseChecks, setCaseCheck } from "@/lib/data/case-checks";
import { openCase, transitionCase } from "@/lib/data/cases";
import { getCase } from "@/lib/data/case-record";
import { addNote, getNote, updateNote } from "@/lib/data/notes";
import { reminderFacts } from "@/lib/data/reminder-facts";
import { feedEntries } from "@/lib/data/calendar-feed";
import { trialDeadlines } from "@/lib/data/subscription-summaries";
import { createSubscription, getSubscription, updateSubscription } from "@/lib/data/subscriptions";
import { registerUser } from "@/lib/data/users";
import { AppError } from "@/lib/errors/app-error";
import { setCheckSchema } from "@/lib/validation/checklist";
import { createNoteSchema, updateNoteSchema } from "@/lib/validation/notes";
import { parseInput } from "@/lib/validation/parse";
import { createSubscriptionSchema, updateSubscriptionSchema } from "@/lib/validation/subscriptions";

const TODAY = "2026-12-06";

async function userWithCase(trialEndsOn: string | null = null) {
  const user = await registerUser({
    email: `pb${Math.random().toString(36).slice(2)}@example.com`,
    password: "failed attempts are evidence too",
  });
  const sub = await createSubscription(user, {
    provider: "Peacock",
    category: "streaming",
    amount: 799,
    currency: "USD",
    billingCycle: "monthly",
    trialEndsOn,
  });
  const kase = await openCase(user, {
    subscriptionId: sub.id,
    reason: "cost",
    occurredOn: "2026-11-30",
  });
  return { user, sub, kase };
}

/** A case confirmed on `confirmedOn`, its bill checked and request sent on `submittedOn`. */
async function confirmed(submittedOn = "2026-12-01", confirmedOn = submittedOn) {
  const made = await userWithCase();
  let kase = await transitionCase(made.user, made.kase.id, {
    to: "bill_checked",
    expectedVersion: made.kase.version,
    occurredOn: submittedOn,
  });
  kase = await transitionCase(made.user, kase.id, {
    to: "request_submitted",
    expectedVersion: kase.version,
    occurredOn: submittedOn,
  });
  kase = await transitionCase(made.user, kase.id, {
    to: "confirmation_received",
    expectedVersion: kase.version,
    confirmationNumber: "PC-1",
    occurredOn: confirmedOn,
  });
  return { ...made, kase };
}

/** The AppError a call throws (or a failure when it does not). */
async function refusal(call: () => unknown): Promise<AppError> {
  try {
    await call();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

const websiteAttempt = {
  channel: "website" as const,
  occurredAt: new Date("2026-12-05T17:05:00Z"),
  summary: "No cancel button anywhere in the account pages.",
  failureReason: "no_cancel_option" as const,
};

describe("failed attempts", () => {
  it("are notes with a failure reason: created, read, patched, cleared", async () => {
    const { user, kase } = await userWithCase();
    const note = await addNote(
      user,
      kase.id,
      parseInput(createNoteSchema, {
        ...websiteAttempt,
        occurredAt: websiteAttempt.occurredAt.toISOString(),
      }),
      TODAY,
    );
    expect(note).toMatchObject({ channel: "website", failureReason: "no_cancel_option" });
    expect((await getCase(user, kase.id)).notes[0]?.failureReason).toBe("no_cancel_option");
    await updateNote(
      user,
      note.id,
      parseInput(updateNoteSchema, { failureReason: "no_answer" }),
      TODAY,
    );
    expect((await getNote(user, note.id)).failureReason).toBe("no_answer");
    await updateNote(user, note.id, parseInput(updateNoteSchema, { failureReason: null }), TODAY);
    expect((await getNote(user, note.id)).failureReason).toBeNull();
  });

  it("refuse an unknown reason or channel (400) and change nothing", async () => {
    for (const bad of [{ failureReason: "gave_up" }, { failureReason: 3 }, { channel: "fax" }]) {
      const error = await refusal(() => parseInput(updateNoteSchema, bad));
      expect(error.status).toBe(400);
      expect(Object.keys(error.fields ?? {})).toEqual(Object.keys(bad));
    }
  });

  it("stay their owner's: another user cannot read or patch them", async () => {
    const a = await userWithCase();
    const b = await userWithCase();
    const note = await addNote(a.user, a.kase.id, websiteAttempt, TODAY);
    expect((await refusal(() => getNote(b.user, note.id))).status).toBe(404);
    expect(
      (await refusal(() => updateNote(b.user, note.id, { failureReason: null }, TODAY))).status,
    ).toBe(404);
    expect((await getNote(a.user, note.id)).failureReason).toBe("no_cancel_option");
  });
});

describe("the after-confirmation checklist", () => {
  it("ticks items on a confirmed case, dated today or a past day, and unticks them", async () => {
    const { user, kase } = await confirmed();
    expect(await listCaseChecks(user, kase.id)).toEqual([]);
    await setCaseCheck(user, kase.id, { item: "device_returned", done: true }, TODAY);
    const items = await setCaseCheck(
      user,
      kase.id,
      parseInput(setCheckSchema, {
        item: "double_check_call",
        done: true,
        doneOn: "2026-12-01",
        agent: "Ana",
      }),
      TODAY,
    );
    expect(items.map(({ item, doneOn, agent }) => ({ item, doneOn, agent }))).toEqual([
      { item: "double_check_call", doneOn: "2026-12-01", agent: "Ana" },
      { item: "device_returned", doneOn: TODAY, agent: null },
    ]);
    // Ticking is no change of the case itself.
    expect((await getCase(user, kase.id)).version).toBe(kase.version);
    const after = await setCaseCheck(
      user,
      kase.id,
      { item: "device_returned", done: false },
      TODAY,
    );
    expect(after.map((c) => c.item)).toEqual(["double_check_call"]);
  });

  it("refuses a future day (422 date_in_future) and an unconfirmed case (422), changing nothing", async () => {
    const { user, kase } = await confirmed();
    const future = await refusal(() =>
      setCaseCheck(
        user,
        kase.id,
        { item: "final_bill_checked", done: true, doneOn: "2026-12-07" },
        TODAY,
      ),
    );
    expect([future.status, future.code, future.fields]).toEqual([
      422,
      "date_in_future",
      { doneOn: ["date_in_future"] },
    ]);
    const open = await userWithCase();
    const early = await refusal(() =>
      setCaseCheck(open.user, open.kase.id, { item: "final_bill_checked", done: true }, TODAY),
    );
    expect([early.status, early.fields]).toEqual([422, { item: ["case_not_confirmed"] }]);
    expect(await listCaseChecks(user, kase.id)).toEqual([]);
    expect(await listCaseChecks(open.user, open.kase.id)).toEqual([]);
  });

  it("refuses a day before the confirmation (422 date_out_of_order)", async () => {
    const made = await confirmed("2026-12-02", "2026-12-03");
    const { kase } = made;
    const early = await refusal(() =>
      setCaseCheck(
        made.user,
        kase.id,
        { item: "final_bill_checked", done: true, doneOn: "2026-12-02" },
        TODAY,
      ),
    );
    expect([early.status, early.code]).toEqual([422, "date_out_of_order"]);
    const ok = await setCaseCheck(
      made.user,
      kase.id,
      { item: "final_bill_checked", done: true, doneOn: "2026-12-03" },
      TODAY,
    );
    expect(ok.map((c) => c.doneOn)).toEqual(["2026-12-03"]);
  });

  it("refuses an unknown item or a date that is not one (400)", async () => {
    for (const bad of [
      { item: "sim_burned", done: true },
      { item: "device_returned", done: true, doneOn: "2026-02-30" },
      { item: "device_returned", done: "yes" },
    ]) {
      expect((await refusal(() => parseInput(setCheckSchema, bad))).status).toBe(400);
    }
  });

  it("is its owner's: another user's case is not found, and is left as it was", async () => {
    const a = await confirmed();
    const b = await userWithCase();
    await setCaseCheck(a.user, a.kase.id, { item: "final_bill_checked", done: true }, TODAY);
    expect((await refusal(() => listCaseChecks(b.user, a.kase.id))).status).toBe(404);
    for (const done of [true, false]) {
      const error = await refusal(() =>
        setCaseCheck(b.user, a.kase.id, { item: "final_bill_checked", done }, TODAY),
      );
      expect(error.status).toBe(404);
    }
    expect((await listCaseChecks(a.user, a.kase.id)).map((c) => c.item)).toEqual([
      "final_bill_checked",
    ]);
  });
});

describe("free trials", () => {
  it("keep trialEndsOn through create and patch, and clear it with null", async () => {
    const { user, sub } = await userWithCase("2026-12-20");
    expect(sub.trialEndsOn).toBe("2026-12-20");
    await updateSubscription(
      user,
      sub.id,
      parseInput(updateSubscriptionSchema, { trialEndsOn: "2026-12-24" }),
    );
    expect((await getSubscription(user, sub.id)).trialEndsOn).toBe("2026-12-24");
    await updateSubscription(
      user,
      sub.id,
      parseInput(updateSubscriptionSchema, { trialEndsOn: null }),
    );
    expect((await getSubscription(user, sub.id)).trialEndsOn).toBeNull();
  });

  it("refuse a date that is not a real day (400)", async () => {
    for (const trialEndsOn of ["2026-02-30", "next week", 20261220]) {
      const error = await refusal(() =>
        parseInput(createSubscriptionSchema, {
          provider: "Peacock",
          category: "streaming",
          amount: 799,
          currency: "USD",
          billingCycle: "monthly",
          trialEndsOn,
        }),
      );
      expect([error.status, Object.keys(error.fields ?? {})]).toEqual([400, ["trialEndsOn"]]);
    }
  });

  it("give a cancel-by day on the dashboard, in the reminders and the calendar feed, to their owner only", async () => {
    const a = await userWithCase("2026-12-10");
    const b = await userWithCase(null);
    expect(await trialDeadlines(a.user, TODAY)).toEqual({
      items: [
        {
          id: a.sub.id,
          provider: "Peacock",
          trialEndsOn: "2026-12-10",
          cancelBy: "2026-12-09",
          daysLeft: 3,
        },
      ],
      total: 1,
    });
    expect(await trialDeadlines(b.user, TODAY)).toEqual({ items: [], total: 0 });
    const facts = await reminderFacts({ id: a.user.id, timeZone: "UTC" }, TODAY, 7);
    expect(facts.trials).toEqual([{ id: a.sub.id, provider: "Peacock", cancelBy: "2026-12-09" }]);
    expect((await reminderFacts({ id: b.user.id, timeZone: "UTC" }, TODAY, 7)).trials).toEqual([]);
    const feed = await feedEntries({ id: a.user.id, timeZone: "UTC" }, TODAY);
    expect(feed.trials).toEqual([
      { subscriptionId: a.sub.id, date: "2026-12-09", provider: "Peacock" },
    ]);
    expect((await feedEntries({ id: b.user.id, timeZone: "UTC" }, TODAY)).trials).toEqual([]);
  });
});
