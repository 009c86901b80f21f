import "server-only";
import { db } from "@/lib/db/client";
import { CLOSED_STATES, isCaseState } from "@/lib/domain/case-workflow";
import { addDays, todayIn } from "@/lib/domain/dates";
import { trialCancelBy } from "@/lib/domain/trials";
import { WAITING_STATES, type ReminderFacts } from "@/lib/domain/reminders";
import { DISPUTE_LAWS, DISPUTE_STATUSES } from "@/lib/domain/disputes";
import { flaggedSummary } from "./charge-summaries";
import { fromColumn } from "./columns";
import type { BillingCycle } from "@/lib/domain/subscriptions";
import {
  REPEATING_KINDS,
  REPEAT_FOR_DAYS,
  parseLeadTimes,
  stateKey,
  type ReminderState,
} from "@/lib/domain/reminder-rules";

// What the reminder rules (lib/domain/reminders.ts) read about one user:
// bounded, soonest first, dates in the user's zone.

/** How many of each kind of fact one user's day reads, at most (soonest first). */
const FACTS_MAX = 1000;
/** A yearly plan's statement check is a year after its confirmation. */
const CONFIRMED_DAYS_BACK = 400;
/** Call-backs and renewals further back or ahead than any rule looks are not read. */
const FACTS_PAST_DAYS = 14;

/** What the reminder rules read about a user, dates in their zone. */
export async function reminderFacts(
  user: { id: string; timeZone: string },
  today: string,
  renewalDaysMax: number,
): Promise<ReminderFacts> {
  const from = addDays(today, -FACTS_PAST_DAYS);
  const open = { notIn: [...CLOSED_STATES] };
  const [cases, notes, subscriptions, trials] = await Promise.all([
    db.cancellationCase.findMany({
      where: {
        userId: user.id,
        OR: [
          { state: open },
          {
            state: "confirmation_received",
            closedAt: { gte: new Date(`${addDays(today, -CONFIRMED_DAYS_BACK)}T00:00:00Z`) },
          },
        ],
      },
      orderBy: [{ openedAt: "desc" }, { id: "desc" }],
      take: FACTS_MAX,
      select: {
        id: true,
        state: true,
        nextFollowUpOn: true,
        closedAt: true,
        subscription: { select: { provider: true, billingCycle: true } },
      },
    }),
    db.note.findMany({
      where: { userId: user.id, followUpOn: { gte: from, lte: today }, case: { state: open } },
      orderBy: [{ followUpOn: "asc" }, { id: "asc" }],
      take: FACTS_MAX,
      select: { id: true, caseId: true, followUpOn: true },
    }),
    db.subscription.findMany({
      where: {
        userId: user.id,
        status: { not: "cancelled" },
        OR: [
          // The renewal day itself counts when 0 is a lead time.
          { nextRenewalOn: { gte: today, lte: addDays(today, renewalDaysMax) } },
          // A notice period reaches further, and past a renewal not moved on yet.
          { noticeDays: { not: null }, nextRenewalOn: { not: null } },
        ],
      },
      orderBy: [{ nextRenewalOn: "asc" }, { id: "asc" }],
      take: FACTS_MAX,
      select: {
        id: true,
        provider: true,
        nextRenewalOn: true,
        remindDaysBefore: true,
        noticeDays: true,
        billingCycle: true,
      },
    }),
    // Cancel-by (the day before the end) from today to the furthest offset ahead.
    db.subscription.findMany({
      where: {
        userId: user.id,
        status: { not: "cancelled" },
        trialEndsOn: { gt: today, lte: addDays(today, renewalDaysMax + 1) },
      },
      orderBy: [{ trialEndsOn: "asc" }, { id: "asc" }],
      take: FACTS_MAX,
      select: { id: true, provider: true, trialEndsOn: true },
    }),
  ]);

  const waiting = cases
    .filter((c) => (WAITING_STATES as readonly string[]).includes(c.state))
    .map((c) => c.id);
  const [lastNotes, lastMoves] = waiting.length
    ? await Promise.all([
        db.note.groupBy({
          by: ["caseId"],
          where: { userId: user.id, caseId: { in: waiting } },
          _max: { occurredAt: true },
        }),
        db.caseEvent.groupBy({
          by: ["caseId"],
          where: { userId: user.id, caseId: { in: waiting } },
          _max: { at: true },
        }),
      ])
    : [[], []];
  const lastContact = new Map<string, Date>();
  for (const row of [
    ...lastNotes.map((n) => [n.caseId, n._max.occurredAt] as const),
    ...lastMoves.map((e) => [e.caseId, e._max.at] as const),
  ]) {
    const [caseId, at] = row;
    if (at && (!lastContact.has(caseId) || lastContact.get(caseId)! < at))
      lastContact.set(caseId, at);
  }
  const local = (at: Date) => todayIn(user.timeZone, at);
  const charges = await flaggedSummary(user, FACTS_MAX);
  const disputes = await db.dispute.findMany({
    where: { userId: user.id, openKey: { not: null } },
    orderBy: [{ filedOn: "asc" }, { id: "asc" }],
    take: FACTS_MAX,
    select: {
      id: true,
      caseId: true,
      law: true,
      filedOn: true,
      status: true,
      acknowledgedOn: true,
      transaction: { select: { description: true } },
      case: { select: { subscription: { select: { provider: true } } } },
    },
  });

  return {
    cases: cases.flatMap((c) =>
      isCaseState(c.state)
        ? [
            {
              id: c.id,
              state: c.state,
              provider: c.subscription.provider,
              nextFollowUpOn: c.nextFollowUpOn,
              lastContactOn: local(lastContact.get(c.id) ?? new Date()),
              confirmedOn:
                c.state === "confirmation_received" && c.closedAt ? local(c.closedAt) : null,
              billingCycle: c.subscription.billingCycle as BillingCycle,
            },
          ]
        : [],
    ),
    callBacks: notes.map((n) => ({ noteId: n.id, caseId: n.caseId, followUpOn: n.followUpOn! })),
    subscriptions: subscriptions.map((s) => ({
      id: s.id,
      provider: s.provider,
      cancelled: false,
      nextRenewalOn: s.nextRenewalOn,
      remindDaysBefore: parseLeadTimes(s.remindDaysBefore),
      noticeDays: s.noticeDays,
      billingCycle: s.billingCycle as BillingCycle,
    })),
    trials: trials.map((s) => ({
      id: s.id,
      provider: s.provider,
      cancelBy: trialCancelBy(s.trialEndsOn!),
    })),
    charges: charges.items.slice(0, FACTS_MAX).map((c) => ({
      id: c.id,
      caseId: c.caseId!,
      provider: c.provider,
      postedOn: c.postedOn,
      importedOn: local(c.importedAt),
      disputeDeadlines: c.disputeDeadlines,
    })),
    disputes: disputes.map((d) => ({
      id: d.id,
      caseId: d.caseId,
      provider: d.case?.subscription.provider ?? d.transaction.description,
      law: fromColumn(DISPUTE_LAWS, d.law),
      filedOn: d.filedOn,
      status: fromColumn(DISPUTE_STATUSES, d.status),
      acknowledgedOn: d.acknowledgedOn,
    })),
    reminded: await remindedStates(user.id, today),
  };
}

/**
 * What the user did with the reminders sent: every snoozed or acknowledged
 * event, and every repeating one recent enough to repeat still (its
 * notifications are the record that it was sent). One state per event,
 * over all its rows (channels, repeats): acknowledged if any row is, the
 * latest snooze.
 */
async function remindedStates(userId: string, today: string): Promise<ReminderState[]> {
  const rows = await db.notification.findMany({
    where: {
      userId,
      OR: [
        { acknowledgedAt: { not: null } },
        { snoozedUntil: { not: null } },
        {
          kind: { in: [...REPEATING_KINDS] },
          eventOn: { gte: addDays(today, -(REPEAT_FOR_DAYS + FACTS_PAST_DAYS)) },
        },
      ],
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: FACTS_MAX,
    select: { kind: true, targetId: true, eventOn: true, snoozedUntil: true, acknowledgedAt: true },
  });
  const states = new Map<string, ReminderState>();
  for (const row of rows) {
    const key = stateKey(row);
    const known = states.get(key);
    const snoozedUntil =
      known?.snoozedUntil && (!row.snoozedUntil || known.snoozedUntil > row.snoozedUntil)
        ? known.snoozedUntil
        : row.snoozedUntil;
    states.set(key, {
      kind: row.kind,
      targetId: row.targetId,
      eventOn: row.eventOn,
      snoozedUntil,
      acknowledged: (known?.acknowledged ?? false) || row.acknowledgedAt !== null,
    });
  }
  return [...states.values()];
}
