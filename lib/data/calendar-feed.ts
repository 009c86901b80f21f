import "server-only";
import { generateFeedToken, hashApiToken, looksLikeFeedToken } from "@/lib/crypto/api-token-secret";
import { db } from "@/lib/db/client";
import { CLOSED_STATES } from "@/lib/domain/case-workflow";
import { addDays } from "@/lib/domain/dates";
import type { DeadlineRule } from "@/lib/domain/dispute-deadlines";
import { cancelByDate } from "@/lib/domain/reminder-rules";
import type { BillingCycle } from "@/lib/domain/subscriptions";
import { trialCancelBy } from "@/lib/domain/trials";
import { isLocale, type Locale } from "@/lib/domain/locales";
import { flaggedSummary } from "./charge-summaries";
import type { Actor } from "./users";

// A user's private calendar address. The token is shown once, when it is
// made; only its hash is stored, so a leaked database is no feed. Making a
// new one replaces the old in one write, so the old stops at once.

/** The new feed's token (its URL is made by the caller, who knows the base URL). */
export async function createCalendarFeed(actor: Actor): Promise<string> {
  const token = generateFeedToken();
  const tokenHash = hashApiToken(token);
  await db.calendarFeed.upsert({
    where: { userId: actor.id },
    create: { userId: actor.id, tokenHash },
    update: { tokenHash, createdAt: new Date() },
  });
  return token;
}

/** Turns the feed off; the address stops working. Nothing to turn off is not an error. */
export async function revokeCalendarFeed(actor: Actor): Promise<void> {
  await db.calendarFeed.deleteMany({ where: { userId: actor.id } });
}

export async function calendarFeedStatus(actor: Actor): Promise<{ createdAt: Date } | null> {
  return db.calendarFeed.findUnique({
    where: { userId: actor.id },
    select: { createdAt: true },
  });
}

export type FeedOwner = { id: string; name: string; locale: Locale; timeZone: string };

/** Who a feed token belongs to, or null (malformed, replaced or revoked). */
export async function findFeedOwner(token: string): Promise<FeedOwner | null> {
  if (!looksLikeFeedToken(token)) return null;
  const feed = await db.calendarFeed.findUnique({
    where: { tokenHash: hashApiToken(token) },
    select: { user: { select: { id: true, name: true, locale: true, timeZone: true } } },
  });
  if (!feed) return null;
  const { locale, ...user } = feed.user;
  return { ...user, locale: isLocale(locale) ? locale : "en" };
}

/** How far back and ahead a feed reaches, and how many of each kind it holds. */
const FEED_PAST_DAYS = 30;
const FEED_ENTRIES_MAX = 500;

export type FeedEntries = {
  followUps: { caseId: string; date: string; provider: string; state: string }[];
  promised: { caseId: string; noteId: string; date: string; provider: string; channel: string }[];
  renewals: { subscriptionId: string; date: string; provider: string }[];
  /** A free trial's cancel-by day: the day before it ends. */
  trials: { subscriptionId: string; date: string; provider: string }[];
  /** The last day to cancel under a subscription's notice period, before the renewal it names. */
  cancelBys: { subscriptionId: string; date: string; renewalOn: string; provider: string }[];
  /** Each dispute deadline of each charge flagged after a cancellation, with its rule. */
  disputes: {
    caseId: string;
    transactionId: string;
    rule: DeadlineRule;
    date: string;
    provider: string;
  }[];
};

/**
 * What a feed shows: the next follow-up of every open case, every call-back
 * a note was promised, the renewal of every subscription still billed, and
 * every dispute deadline of every charge flagged after a cancellation;
 * from FEED_PAST_DAYS ago on, at most FEED_ENTRIES_MAX of each (soonest first).
 */
export async function feedEntries(
  owner: { id: string; timeZone: string },
  today: string,
): Promise<FeedEntries> {
  const from = addDays(today, -FEED_PAST_DAYS);
  const open = { notIn: [...CLOSED_STATES] };
  const [cases, notes, subscriptions, flagged, trials] = await Promise.all([
    db.cancellationCase.findMany({
      where: { userId: owner.id, state: open, nextFollowUpOn: { gte: from } },
      orderBy: [{ nextFollowUpOn: "asc" }, { id: "asc" }],
      take: FEED_ENTRIES_MAX,
      select: {
        id: true,
        nextFollowUpOn: true,
        state: true,
        subscription: { select: { provider: true } },
      },
    }),
    db.note.findMany({
      where: { userId: owner.id, followUpOn: { gte: from }, case: { state: open } },
      orderBy: [{ followUpOn: "asc" }, { id: "asc" }],
      take: FEED_ENTRIES_MAX,
      select: {
        id: true,
        caseId: true,
        followUpOn: true,
        channel: true,
        case: { select: { subscription: { select: { provider: true } } } },
      },
    }),
    db.subscription.findMany({
      where: { userId: owner.id, status: { not: "cancelled" }, nextRenewalOn: { gte: from } },
      orderBy: [{ nextRenewalOn: "asc" }, { id: "asc" }],
      take: FEED_ENTRIES_MAX,
      select: {
        id: true,
        provider: true,
        nextRenewalOn: true,
        noticeDays: true,
        billingCycle: true,
      },
    }),
    flaggedSummary(owner, FEED_ENTRIES_MAX),
    db.subscription.findMany({
      where: {
        userId: owner.id,
        status: { not: "cancelled" },
        trialEndsOn: { gt: from },
      },
      orderBy: [{ trialEndsOn: "asc" }, { id: "asc" }],
      take: FEED_ENTRIES_MAX,
      select: { id: true, provider: true, trialEndsOn: true },
    }),
  ]);
  return {
    followUps: cases.map((c) => ({
      caseId: c.id,
      date: c.nextFollowUpOn!,
      provider: c.subscription.provider,
      state: c.state,
    })),
    promised: notes.map((n) => ({
      caseId: n.caseId,
      noteId: n.id,
      date: n.followUpOn!,
      provider: n.case.subscription.provider,
      channel: n.channel,
    })),
    renewals: subscriptions.map((s) => ({
      subscriptionId: s.id,
      date: s.nextRenewalOn!,
      provider: s.provider,
    })),
    cancelBys: subscriptions.flatMap((s) => {
      const due = cancelByDate(
        s.nextRenewalOn,
        s.noticeDays,
        s.billingCycle as BillingCycle,
        today,
      );
      return due
        ? [
            {
              subscriptionId: s.id,
              date: due.cancelBy,
              renewalOn: due.renewalOn,
              provider: s.provider,
            },
          ]
        : [];
    }),
    trials: trials.map((s) => ({
      subscriptionId: s.id,
      date: trialCancelBy(s.trialEndsOn!),
      provider: s.provider,
    })),
    disputes: flagged.items.flatMap((c) =>
      c.caseId
        ? c.disputeDeadlines
            .filter((d) => d.on >= from)
            .map((d) => ({
              caseId: c.caseId!,
              transactionId: c.id,
              rule: d.rule,
              date: d.on,
              provider: c.provider,
            }))
        : [],
    ),
  };
}
