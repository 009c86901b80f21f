// Reminders as pure rules: which are due for a user on a day, when a user's
// day is planned (their digest time, in their zone), quiet hours, and how a
// failed send backs off. lib/data/system/reminders.ts stores them and
// lib/notifications sends them; neither decides what is due.
import { CLOSED_STATES, type CaseState } from "./case-workflow";
import { addDays } from "./dates";
import { bankLateReminders, type OpenDisputeFact } from "./disputes";
import { chargeReminders } from "./charge-reminders";
import type { DisputeDeadline } from "./dispute-deadlines";
import { isChannelKind, type ChannelKind } from "./channels";
import type { BillingCycle } from "./subscriptions";
import { leadWindowStart, renewalReminders } from "./renewal-reminders";
import { addCycle, withUserStates, type ReminderState } from "./reminder-rules";

export { addCycle } from "./reminder-rules";

// When a user's reminders go out (their clock, quiet hours, retries) lives in
// ./reminder-clock.ts; it is re-exported here, where callers look for it.
export {
  GIVE_UP_AFTER_MS,
  inQuietHours,
  isClockTime,
  isPlanningTime,
  localClock,
  retryDelayMs,
} from "./reminder-clock";

export const REMINDER_KINDS = [
  "follow_up",
  "call_back",
  "renewal",
  "review",
  "statement",
  /** A charge found on an imported statement after the cancellation was confirmed. */
  "charge",
  /** The last week before such a charge's 60-day FCBA dispute window closes (credit card). */
  "dispute",
  /** The same for Regulation E's 60 days (debit card, bank account). */
  "dispute_reg_e",
  /** The same for the card network's 120 days from the charge. */
  "dispute_network",
  /** Before a free trial's cancel-by day (the day before it ends). */
  "trial",
  /** A dispute's bank past a day the law gives it (lib/domain/disputes.ts). */
  "bank_late",
  /** The last day a subscription's notice period leaves to cancel before it renews. */
  "cancel_by",
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export const NOTIFICATION_CHANNELS = ["email", "push"] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/**
 * Where one stored reminder goes: email, push, or one of the user's
 * channels as "<kind>:<channel id>" (decision 026). The kind is in the
 * route so the record still says where it went after the channel is removed.
 */
export type ReminderRoute = NotificationChannel | `${ChannelKind}:${string}`;

export function channelRoute(channel: { kind: ChannelKind; id: string }): ReminderRoute {
  return `${channel.kind}:${channel.id}`;
}

/** The channel a route names, or null for email and push (and anything unknown). */
export function routeChannel(route: string): { kind: ChannelKind; id: string } | null {
  const at = route.indexOf(":");
  if (at <= 0) return null;
  const kind = route.slice(0, at);
  const id = route.slice(at + 1);
  if (!id || !isChannelKind(kind)) return null;
  return { kind, id };
}

/** pending: to be sent (or being sent); skipped: no longer due when its turn came. */
export const NOTIFICATION_STATUSES = ["pending", "sent", "failed", "skipped"] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

/** digest: one message a day with every reminder; each: one message per reminder. */
export const DELIVERY_MODES = ["digest", "each"] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];

/** Cases waiting on the provider: a long silence here is worth a reminder. */
export const WAITING_STATES: readonly CaseState[] = [
  "request_submitted",
  "identity_verified",
  "under_review",
];

export type NotificationPrefs = {
  emailOn: boolean;
  pushOn: boolean;
  delivery: DeliveryMode;
  /** "HH:MM", the user's local time. */
  digestTime: string;
  quietFrom: string | null;
  quietTo: string | null;
  followUps: boolean;
  renewals: boolean;
  /** Days before a renewal, largest first: [7, 1]. */
  renewalDays: number[];
  review: boolean;
  reviewDays: number;
  statement: boolean;
};

export const DEFAULT_PREFS: NotificationPrefs = {
  emailOn: true,
  pushOn: true,
  delivery: "digest",
  digestTime: "08:00",
  quietFrom: null,
  quietTo: null,
  followUps: true,
  renewals: true,
  renewalDays: [7, 1],
  review: true,
  reviewDays: 5,
  statement: true,
};

export const RENEWAL_DAYS_MAX = 60;

/**
 * At most this many reminders a day for one user: a digest stays readable
 * and an account with thousands of renewals cannot make the server write
 * and send thousands of messages. The rest is in the app.
 */
export const REMINDERS_PER_DAY_MAX = 50;
export const REVIEW_DAYS_MAX = 90;

/**
 * A reminder's date may lie this many days back and still be sent (a server
 * that was down over a weekend catches up; a first start does not flood a
 * user with last year's dates). A silent review is reminded however old.
 */
export const CATCH_UP_DAYS = 7;

export {
  DISPUTE_REMINDER_DAYS,
  DISPUTE_REMINDER_KINDS,
  isDisputeReminder,
} from "./charge-reminders";

/** What the rules read about one user, dates already in the user's zone. */
export type ReminderFacts = {
  cases: {
    id: string;
    state: CaseState;
    provider: string;
    nextFollowUpOn: string | null;
    /** The day of the last contact note, or of the move into the current state if later. */
    lastContactOn: string;
    /** The day the confirmation was recorded (confirmed cases). */
    confirmedOn: string | null;
    billingCycle: BillingCycle;
  }[];
  callBacks: { noteId: string; caseId: string; followUpOn: string }[];
  subscriptions: {
    id: string;
    provider: string;
    cancelled: boolean;
    nextRenewalOn: string | null;
    /** Its own lead times (days before renewal); null or absent: the user's. */
    remindDaysBefore?: number[] | null;
    /** Cancel at least this many days before renewal; null or absent: no notice period. */
    noticeDays?: number | null;
    billingCycle?: BillingCycle;
  }[];
  /** Free trials not cancelled, with their cancel-by day (lib/domain/trials.ts). */
  trials: { id: string; provider: string; cancelBy: string }[];
  /** Charges flagged after a confirmed cancellation (lib/domain/charges). */
  charges: {
    id: string;
    caseId: string;
    provider: string;
    postedOn: string;
    /** The day the statement holding it was imported: when it was found. */
    importedOn: string;
    /** Its dispute deadlines, each with its rule (lib/domain/dispute-deadlines.ts). */
    disputeDeadlines: DisputeDeadline[];
  }[];
  /** Open disputes of charges, for the bank's late duties. */
  disputes: OpenDisputeFact[];
  /** What the user did with reminders already sent (snooze, acknowledge); absent: nothing known. */
  reminded?: ReminderState[];
};

export type Reminder = {
  kind: ReminderKind;
  /** The case, note or subscription it is about: with kind and dueOn, its identity. */
  targetId: string;
  /** The day the reminder is for. */
  dueOn: string;
  /** The day it is about: the follow-up, the renewal, the last contact, the confirmation. */
  eventOn: string;
  provider: string;
  caseId: string | null;
  subscriptionId: string | null;
  noteId: string | null;
};

/** The identity a reminder is stored and claimed under (with the user and channel). */
export function reminderKey(r: Pick<Reminder, "kind" | "targetId" | "dueOn">): string {
  return `${r.kind}|${r.targetId}|${r.dueOn}`;
}

const isOpen = (state: CaseState) => !(CLOSED_STATES as readonly CaseState[]).includes(state);

/**
 * Every reminder due for a user on `today` (their local date), by their
 * preferences. `catchUpDays` bounds how old a date may be (CATCH_UP_DAYS
 * when planning; a sender re-checking a claimed reminder passes Infinity).
 */
export function dueReminders(
  facts: ReminderFacts,
  prefs: NotificationPrefs,
  today: string,
  catchUpDays = CATCH_UP_DAYS,
): Reminder[] {
  const due = rulesDue(facts, prefs, today, catchUpDays);
  if (!facts.reminded?.length) return due;
  // Reminders already sent follow the user's snooze and acknowledgement, and
  // repeat: looked for however old their first day (the catch-up applies to
  // the day they are due again).
  return withUserStates(
    due,
    rulesDue(facts, prefs, today, Infinity),
    facts.reminded,
    today,
    catchUpDays,
  );
}

function rulesDue(
  facts: ReminderFacts,
  prefs: NotificationPrefs,
  today: string,
  catchUpDays: number,
): Reminder[] {
  const earliest = Number.isFinite(catchUpDays) ? addDays(today, -catchUpDays) : "";
  const inWindow = (date: string) => date <= today && date >= earliest;
  const reminders: Reminder[] = [];
  const caseById = new Map(facts.cases.map((c) => [c.id, c]));
  const forCase = (c: ReminderFacts["cases"][number]) => ({
    provider: c.provider,
    caseId: c.id,
    subscriptionId: null,
    noteId: null,
  });

  if (prefs.followUps) {
    const followUpDays = new Set<string>();
    for (const c of facts.cases) {
      if (!isOpen(c.state) || !c.nextFollowUpOn || !inWindow(c.nextFollowUpOn)) continue;
      followUpDays.add(`${c.id}|${c.nextFollowUpOn}`);
      reminders.push({
        kind: "follow_up",
        targetId: c.id,
        dueOn: c.nextFollowUpOn,
        eventOn: c.nextFollowUpOn,
        ...forCase(c),
      });
    }
    for (const n of facts.callBacks) {
      const c = caseById.get(n.caseId);
      if (!c || !isOpen(c.state) || !inWindow(n.followUpOn)) continue;
      // The case's follow-up on the same day already says it.
      if (followUpDays.has(`${c.id}|${n.followUpOn}`)) continue;
      reminders.push({
        kind: "call_back",
        targetId: n.noteId,
        dueOn: n.followUpOn,
        eventOn: n.followUpOn,
        ...forCase(c),
        noteId: n.noteId,
      });
    }
  }

  if (prefs.renewals) {
    reminders.push(...renewalReminders(facts.subscriptions, prefs.renewalDays, today, inWindow));
  }

  // A trial is a renewal that comes first: the same setting and offsets,
  // counted to its cancel-by day, plus that day itself (the last chance).
  if (prefs.renewals) {
    const offsets = [...new Set([...prefs.renewalDays, 0])].sort((a, b) => b - a);
    for (const trial of facts.trials) {
      if (trial.cancelBy < today) continue;
      const start = leadWindowStart(trial.cancelBy, offsets, today, addDays(trial.cancelBy, 1));
      if (start !== null && inWindow(start)) {
        reminders.push({
          kind: "trial",
          targetId: trial.id,
          dueOn: start,
          eventOn: trial.cancelBy,
          provider: trial.provider,
          caseId: null,
          subscriptionId: trial.id,
          noteId: null,
        });
      }
    }
  }

  if (prefs.review) {
    for (const c of facts.cases) {
      if (!WAITING_STATES.includes(c.state)) continue;
      const dueOn = addDays(c.lastContactOn, prefs.reviewDays);
      if (dueOn > today) continue;
      reminders.push({
        kind: "review",
        targetId: c.id,
        dueOn,
        eventOn: c.lastContactOn,
        ...forCase(c),
      });
    }
  }

  if (prefs.statement) {
    for (const c of facts.cases) {
      if (c.state !== "confirmation_received" || !c.confirmedOn) continue;
      const dueOn = addCycle(c.confirmedOn, c.billingCycle);
      if (!inWindow(dueOn)) continue;
      reminders.push({
        kind: "statement",
        targetId: c.id,
        dueOn,
        eventOn: c.confirmedOn,
        ...forCase(c),
      });
    }
    // The statement check's sequel: a charge that came anyway, and its dispute deadlines.
    reminders.push(...chargeReminders(facts.charges, today, inWindow));
    reminders.push(...bankLateReminders(facts.disputes, today, inWindow));
  }
  return reminders;
}
