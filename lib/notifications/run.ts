import "server-only";
import {
  claimReminders,
  dueGroups,
  markFailedAttempt,
  markSent,
  markSkipped,
  postpone,
  LEASE_MS,
  type ClaimedReminder,
} from "@/lib/data/system/reminder-sends";
import {
  markPlanned,
  pruneNotifications,
  recordReminders,
  recordedOn,
  usersToPlan,
  USERS_PAGE,
  type PlanningUser,
} from "@/lib/data/system/reminders";
import { REMIND_DAYS_MAX } from "@/lib/domain/reminder-rules";
import {
  REMINDERS_PER_DAY_MAX,
  dueReminders,
  inQuietHours,
  isPlanningTime,
  localClock,
  channelRoute,
  reminderKey,
  routeChannel,
  type NotificationChannel,
  type ReminderRoute,
} from "@/lib/domain/reminders";
import { prunePasswordResets } from "@/lib/data/password-resets";
import { pruneEmailTokens } from "@/lib/data/email-tokens";
import { reminderFacts } from "@/lib/data/reminder-facts";
import { inDigestOrder } from "./text";

// One pass of the reminder machine, with the clock and the channels passed
// in (the scheduler passes the real ones; tests pass their own clock):
// 1. plan: for every user whose digest time has come today (in their zone),
//    find what is due and store it (at most REMINDERS_PER_DAY_MAX), one row
//    per reminder and route (email, push, each channel that is on): the insert is the claim, so two instances
//    planning at once store it once; then drop that user's old records. A
//    write that can make something due today (lib/data's replanToday) makes
//    the day plannable again, so it goes at the next tick, not tomorrow;
// 2. deliver: take due rows under a lease, check each is still due (a case
//    closed since is not reminded), send, and mark sent, or retry with
//    back-off, or failed after a day.

/** Sends one message (a digest or a single reminder) to one user; throws on failure. */
export type Sender = (
  user: PlanningUser,
  reminders: ClaimedReminder[],
  today: string,
) => Promise<void>;
/** Sends one message to one of the user's channels (by its id); throws on failure. */
export type ChannelReminderSender = (
  user: PlanningUser,
  channelId: string,
  reminders: ClaimedReminder[],
  today: string,
) => Promise<void>;
/** Email and push by name; `channel` sends on any of the user's channels. */
export type Senders = Partial<Record<NotificationChannel, Sender>> & {
  channel?: ChannelReminderSender;
};

/** A send that takes longer than this counts as failed (well inside the lease). */
const SEND_TIMEOUT_MS = 40_000;
/** Quiet hours push a reminder back by this much at a time. */
const QUIET_RETRY_MS = 15 * 60_000;

export type RunSummary = { planned: number; sent: number; failed: number; skipped: number };

/** Where a user's reminders go now: email and push by their settings, and every channel that is on. */
function routesFor(user: PlanningUser, senders: Senders): ReminderRoute[] {
  const routes: ReminderRoute[] = [];
  if (senders.email && user.prefs.emailOn) routes.push("email");
  if (senders.push && user.prefs.pushOn && user.pushDevices > 0) routes.push("push");
  if (senders.channel) routes.push(...user.channels.map(channelRoute));
  return routes;
}

/** The sender for one route: email's, push's, or the channel sender aimed at that channel. */
function senderFor(route: ReminderRoute, senders: Senders): Sender | undefined {
  const channel = routeChannel(route);
  if (!channel) return senders[route as NotificationChannel];
  const send = senders.channel;
  return send && ((user, reminders, today) => send(user, channel.id, reminders, today));
}

export async function planReminders(now: Date, senders: Senders): Promise<number> {
  let planned = 0;
  let after: string | null = null;
  for (;;) {
    const users = await usersToPlan(now, after);
    for (const user of users) {
      const local = localClock(now, user.timeZone);
      if (!isPlanningTime(user.prefs, local, user.plannedOn)) continue;
      const routes = routesFor(user, senders);
      if (routes.length > 0) {
        const facts = await reminderFacts(user, local.date, REMIND_DAYS_MAX);
        const due = inDigestOrder(dueReminders(facts, user.prefs, local.date));
        // Planned again the same day (something became due after the digest
        // went out): what the day already holds is kept, on any new channel
        // too, and only what is new counts against the day's cap.
        const day = await recordedOn(user, local.date, now);
        const known = due.filter((r) => day.reminders.has(reminderKey(r)));
        const fresh = due
          .filter((r) => !day.reminders.has(reminderKey(r)))
          .slice(0, Math.max(0, REMINDERS_PER_DAY_MAX - day.reminders.size));
        planned += await recordReminders(
          user.id,
          [...known, ...fresh],
          routes,
          now,
          local.date,
          day.rows,
        );
      } else {
        await markPlanned(user.id, local.date);
      }
      await pruneNotifications(user.id, now);
      await prunePasswordResets(user.id, now);
      await pruneEmailTokens(user.id, now);
    }
    if (users.length < USERS_PAGE) break;
    after = users.at(-1)!.id;
  }
  return planned;
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** The pass's clock: `now`, moving on as real time does. */
function elapsedSince(now: Date): () => Date {
  const started = Date.now();
  return () => new Date(now.getTime() + (Date.now() - started));
}

const ids = (reminders: { id: string }[]) => reminders.map((r) => r.id);

export async function deliverReminders(
  now: Date,
  senders: Senders,
  clock: () => Date = elapsedSince(now),
): Promise<Omit<RunSummary, "planned">> {
  const summary = { sent: 0, failed: 0, skipped: 0 };
  for (const group of await dueGroups(now)) {
    const batch = await claimReminders(group.ids, now);
    if (!batch) continue;
    const { user } = batch;
    const local = localClock(now, user.timeZone);
    if (inQuietHours(user.prefs, local.minutes)) {
      await postpone(ids(batch.reminders), new Date(now.getTime() + QUIET_RETRY_MS));
      continue;
    }
    // A channel removed or turned off since (or email, push turned off): skipped.
    const send = senderFor(group.channel, senders);
    if (!send || !routesFor(user, senders).includes(group.channel)) {
      await markSkipped(ids(batch.reminders));
      summary.skipped += batch.reminders.length;
      continue;
    }
    // Still due now? A case closed, a date moved, a kind turned off since it was planned: not sent.
    const facts = await reminderFacts(user, local.date, REMIND_DAYS_MAX);
    const current = new Set(dueReminders(facts, user.prefs, local.date, Infinity).map(reminderKey));
    const live = batch.reminders.filter((r) => current.has(reminderKey(r)));
    const stale = batch.reminders.filter((r) => !current.has(reminderKey(r)));
    await markSkipped(ids(stale));
    summary.skipped += stale.length;

    // A webhook is read by a program: one reminder per request, whatever the
    // user's delivery mode, so each carries its own kind, ids and date.
    const each = user.prefs.delivery === "each" || routeChannel(group.channel)?.kind === "webhook";
    const messages = each ? live.map((r) => [r]) : [live];
    const started = clock().getTime();
    for (const [index, items] of messages.entries()) {
      if (items.length === 0) continue;
      if (clock().getTime() - started > LEASE_MS / 2) {
        // Out of lease time: the rest goes back, untried, for the next pass.
        await postpone(
          messages
            .slice(index)
            .flat()
            .map((r) => r.id),
          now,
        );
        break;
      }
      try {
        await withTimeout(send(user, items, local.date), SEND_TIMEOUT_MS);
        await markSent(ids(items), clock());
        summary.sent += items.length;
      } catch (error) {
        await markFailedAttempt(
          items,
          clock(),
          error instanceof Error ? error.message : "send failed",
        );
        summary.failed += items.length;
      }
    }
  }
  return summary;
}

/** Plan, then deliver: one tick of the scheduler. */
export async function runReminders(
  now: Date,
  senders: Senders,
  clock?: () => Date,
): Promise<RunSummary> {
  const planned = await planReminders(now, senders);
  return { planned, ...(await deliverReminders(now, senders, clock)) };
}
