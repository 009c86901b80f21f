import "server-only";
import { sendOnChannel } from "@/lib/channels/send";
import type { ChannelMessage, ChannelSendOptions } from "@/lib/channels/types";
import { recordChannelOutcome, sendableChannel } from "@/lib/data/channels";
import type { ChannelReminderSender } from "./run";
import { reminderChannelText } from "./text";

// Reminders on the user's own channels (decision 026): the message in the
// user's language, sent through the outbound guard by the channel's sender,
// and the outcome kept on the channel (its last status and error, which
// Settings shows). A failure throws, so the run retries it like email; one
// channel's failure never touches another's rows.

/** The channel sender the scheduler uses; tests pass local service bases and allowed hosts. */
export function channelReminderSender(options: ChannelSendOptions = {}): ChannelReminderSender {
  return async (user, channelId, reminders, today) => {
    const owner = { id: user.id };
    const channel = await sendableChannel(owner, channelId);
    const now = new Date();
    if (!channel) {
      const outcome = { ok: false as const, error: "secret unreadable: save it again" };
      await recordChannelOutcome(owner, channelId, outcome, now);
      throw new Error(outcome.error);
    }
    const words = await reminderChannelText(user.locale, reminders, today);
    const single = reminders.length === 1 ? reminders[0]! : null;
    const message: ChannelMessage = {
      event: "reminder",
      id: reminders[0]!.id,
      kind: single ? single.kind : "digest",
      ...words,
      locale: user.locale,
      sentAt: now,
      ...(single?.caseId ? { caseId: single.caseId } : {}),
      ...(single?.subscriptionId ? { subscriptionId: single.subscriptionId } : {}),
      ...(single ? { dueOn: single.dueOn, eventOn: single.eventOn } : {}),
    };
    const outcome = await sendOnChannel(channel, message, options);
    await recordChannelOutcome(owner, channelId, outcome, new Date());
    if (!outcome.ok) throw new Error(outcome.error);
  };
}
