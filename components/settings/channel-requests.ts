// The browser's side of Settings → Channels: /api/v1/me/channels with the
// session cookie. Errors come back as message keys the panel shows in the
// user's language.

import {
  type CallOutcome,
  outcomeOf as outcomeWith,
  send,
  type OutcomeKeys,
} from "@/components/settings/settings-requests";

export type ChannelOutcome = CallOutcome;

export const CHANNEL_KEYS: OutcomeKeys = {
  limitReached: "channels.limitReached",
  failed: "channels.failed",
  codes: {
    target_not_allowed: "errors.target_not_allowed",
    rate_limited: "channels.testRateLimited",
  },
};

const outcomeOf = (response: Response) => outcomeWith(response, CHANNEL_KEYS);

const one = (id: string) => `/api/v1/me/channels/${encodeURIComponent(id)}`;

export async function addChannelRequest(channel: {
  kind: string;
  name: string;
  target: string;
  secret?: string;
}): Promise<ChannelOutcome> {
  return outcomeOf(await send("/api/v1/me/channels", "POST", channel));
}

/** The test is sent at once; how it went is in the channel's status after the refresh. */
export async function testChannelRequest(id: string): Promise<ChannelOutcome> {
  return outcomeOf(await send(`${one(id)}/test`, "POST"));
}

export async function removeChannelRequest(id: string): Promise<ChannelOutcome> {
  return outcomeOf(await send(one(id), "DELETE"));
}
