import "server-only";
import { shortError, type ChannelKind } from "@/lib/domain/channels";
import { OutboundRefused } from "@/lib/net/outbound";
import { sendApprise } from "./apprise";
import { sendBark } from "./bark";
import { sendDiscord } from "./discord";
import { sendGotify } from "./gotify";
import { CHANNEL_TIMEOUT_MS } from "./http";
import { sendNtfy } from "./ntfy";
import { sendPushplus } from "./pushplus";
import { sendServerchan } from "./serverchan";
import { sendSlack } from "./slack";
import { sendTelegram } from "./telegram";
import {
  ChannelSendError,
  type ChannelMessage,
  type ChannelSendOptions,
  type ChannelSender,
  type SendableChannel,
} from "./types";
import { sendWebhook } from "./webhook";

// One sender per kind behind one signature (decision 026).
const SENDERS: Record<ChannelKind, ChannelSender> = {
  webhook: sendWebhook,
  ntfy: sendNtfy,
  gotify: sendGotify,
  telegram: sendTelegram,
  discord: sendDiscord,
  slack: sendSlack,
  apprise: sendApprise,
  serverchan: sendServerchan,
  pushplus: sendPushplus,
  bark: sendBark,
};

export type ChannelOutcome =
  { ok: true } | { ok: false; error: string; refused: OutboundRefused | null };

/**
 * Sends one message on one channel and says how it went; never throws, so
 * one channel's failure cannot stop the next. The error is a short fixed
 * text (ChannelSendError's, or the guard's reason), never the service's
 * answer or an exception's message, which could quote the URL and its token.
 */
export async function sendOnChannel(
  channel: SendableChannel,
  message: ChannelMessage,
  options: ChannelSendOptions = {},
): Promise<ChannelOutcome> {
  try {
    await SENDERS[channel.kind](channel, message, options);
    return { ok: true };
  } catch (error) {
    // A slow or long answer is the service failing, not a target the guard refuses.
    if (error instanceof OutboundRefused && error.reason === "timeout") {
      return { ok: false, error: `no answer within ${CHANNEL_TIMEOUT_MS / 1000} s`, refused: null };
    }
    if (error instanceof OutboundRefused && error.reason === "response_too_large") {
      return { ok: false, error: "answer too large", refused: null };
    }
    if (error instanceof OutboundRefused) {
      return { ok: false, error: `target_not_allowed: ${error.reason}`, refused: error };
    }
    if (error instanceof ChannelSendError) {
      return { ok: false, error: shortError(error.message), refused: null };
    }
    return { ok: false, error: "send failed", refused: null };
  }
}

/** Sends to each channel in turn; each gets its own outcome, whatever the one before did. */
export async function sendOnChannels(
  channels: readonly SendableChannel[],
  message: ChannelMessage,
  options: ChannelSendOptions = {},
): Promise<Map<string, ChannelOutcome>> {
  const outcomes = new Map<string, ChannelOutcome>();
  for (const channel of channels) {
    outcomes.set(channel.id, await sendOnChannel(channel, message, options));
  }
  return outcomes;
}
