// The reminders of a charge found after a confirmed cancellation (the
// statement check's sequel in lib/domain/reminders.ts): the charge itself on
// the day it was imported, and each of its dispute deadlines a week before.
import { addDays } from "./dates";
import type { DeadlineRule } from "./dispute-deadlines";
import type { Reminder, ReminderFacts, ReminderKind } from "./reminders";

/** How long before a flagged charge's dispute deadline its reminder comes. */
export const DISPUTE_REMINDER_DAYS = 7;

/**
 * Each deadline rule's reminder kind: one reminder per deadline, each sent
 * once (the kind is part of its identity). FCBA keeps the kind every dispute
 * reminder had before accounts had kinds, so one already planned for a
 * credit card is not sent again under a new name.
 */
export const DISPUTE_REMINDER_KINDS = {
  fcba: "dispute",
  reg_e: "dispute_reg_e",
  network: "dispute_network",
} as const satisfies Record<DeadlineRule, ReminderKind>;

const DISPUTE_KIND_SET: ReadonlySet<ReminderKind> = new Set(Object.values(DISPUTE_REMINDER_KINDS));

/** A reminder of a dispute deadline, whichever its rule. */
export const isDisputeReminder = (kind: ReminderKind) => DISPUTE_KIND_SET.has(kind);

/** A flagged charge's reminders due in the window: the charge, then one per deadline still ahead. */
export function chargeReminders(
  charges: ReminderFacts["charges"],
  today: string,
  inWindow: (date: string) => boolean,
): Reminder[] {
  const reminders: Reminder[] = [];
  for (const charge of charges) {
    const about = {
      targetId: charge.id,
      provider: charge.provider,
      caseId: charge.caseId,
      subscriptionId: null,
      noteId: null,
    };
    if (inWindow(charge.importedOn)) {
      reminders.push({
        kind: "charge",
        dueOn: charge.importedOn,
        eventOn: charge.postedOn,
        ...about,
      });
    }
    for (const deadline of charge.disputeDeadlines) {
      if (deadline.on < today) continue;
      const dueOn = addDays(deadline.on, -DISPUTE_REMINDER_DAYS);
      if (!inWindow(dueOn)) continue;
      const kind = DISPUTE_REMINDER_KINDS[deadline.rule];
      reminders.push({ kind, dueOn, eventOn: deadline.on, ...about });
    }
  }
  return reminders;
}
