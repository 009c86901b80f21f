import "server-only";
import type { ChannelKind } from "@/lib/domain/channels";
import type { OutboundOptions } from "@/lib/net/outbound";

/** What one channel delivers: a reminder or a test, in the user's language. */
export type ChannelMessage = {
  event: "reminder" | "test";
  /** The notification's id (a test has its own). */
  id: string;
  /** The reminder's kind (renewal, follow_up…), "digest" for several in one message, or "test". */
  kind: string;
  title: string;
  body: string;
  /** Where the message leads in CancelCase. */
  url: string;
  locale: string;
  sentAt: Date;
  caseId?: string;
  subscriptionId?: string;
  dueOn?: string;
  /** The date the reminder is about (the renewal, the follow-up…): one reminder only. */
  eventOn?: string;
};

/** A channel with its secret opened: only ever in memory, for one send. */
export type SendableChannel = {
  id: string;
  kind: ChannelKind;
  /** The full target (for a TARGET_IS_SECRET kind, the opened one). */
  target: string;
  secret: string | null;
};

export type ChannelSendOptions = OutboundOptions & {
  /**
   * The fixed services' base URLs, for tests that stand up a local server
   * in their place (https://api.telegram.org and so on otherwise).
   */
  bases?: Partial<Record<"telegram" | "serverchan" | "pushplus", string>>;
};

/** One channel's sender: resolves when the service took the message, else throws ChannelSendError. */
export type ChannelSender = (
  channel: SendableChannel,
  message: ChannelMessage,
  options: ChannelSendOptions,
) => Promise<void>;

/**
 * A failed send. The message is what lastError shows: a status or a reason,
 * never an answer body or a URL (either could carry the secret back).
 */
export class ChannelSendError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ChannelSendError";
  }
}
