import "server-only";
import { randomUUID } from "node:crypto";
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { isIP } from "node:net";
import { sendOnChannel } from "@/lib/channels/send";
import type { ChannelMessage, ChannelSendOptions } from "@/lib/channels/types";
import { baseUrl, outboundAllowedHosts } from "@/lib/config";
import {
  channelKind,
  createChannel,
  getChannel,
  recordChannelOutcome,
  sendableChannel,
  updateChannel,
  type ChannelDto,
} from "@/lib/data/channels";
import type { SessionUser } from "@/lib/data/users";
import { TARGET_IS_URL, type ChannelKind } from "@/lib/domain/channels";
import { AppError } from "@/lib/errors/app-error";
import { translator } from "@/lib/i18n/catalogs";
import { checkOutboundUrl, isPublicAddress, OutboundRefused } from "@/lib/net/outbound";
import { consumeOrRefuse, sharedLimiter } from "@/lib/shared-counters/shared";
import { parseChannelCreate, parseChannelPatch } from "@/lib/validation/channels";

// Adding, changing and testing a channel. A target the server would call is
// put to the outbound guard when it is saved, so a refused one is a 422
// `target_not_allowed` at once rather than a failure at the next reminder;
// the guard checks it again, at connect time, on every send.

export type ChannelServiceOptions = ChannelSendOptions;

/**
 * Test sends a user may make per hour: each is a request to a server the
 * user named, so without a limit one account could aim the server at a
 * third party. Two for each of the ten channels a user may keep.
 */
export const CHANNEL_TESTS_PER_HOUR = 20;

const store = globalThis as unknown as {
  cancelCaseChannelTests?: ReturnType<typeof sharedLimiter>;
};
const testLimiter = (store.cancelCaseChannelTests ??= sharedLimiter({
  keyPrefix: "ct",
  points: CHANNEL_TESTS_PER_HOUR,
  duration: 60 * 60,
}));

function notAllowed(reason: string): AppError {
  return new AppError("target_not_allowed", `The server may not call this target (${reason}).`, {
    fields: { target: ["target_not_allowed"] },
  });
}

function resolveAll(lookup: typeof dnsLookup, host: string): Promise<LookupAddress[] | null> {
  return new Promise((resolve) => {
    lookup(host, { all: true }, (error, addresses) => resolve(error ? null : addresses));
  });
}

/**
 * The guard's verdict on a target, before it is stored. A name that does not
 * resolve now is let through (the network may be down); the send checks again.
 */
export async function assertTargetAllowed(
  kind: ChannelKind,
  target: string,
  options: ChannelServiceOptions = {},
): Promise<void> {
  if (!TARGET_IS_URL.has(kind)) return;
  const allowedHosts = options.allowedHosts ?? outboundAllowedHosts();
  let url: URL;
  try {
    url = checkOutboundUrl(target, { allowedHosts });
  } catch (error) {
    if (error instanceof OutboundRefused) throw notAllowed(error.reason);
    throw error;
  }
  if (allowedHosts.includes(url.hostname) || allowedHosts.includes(url.host)) return;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host)) return;
  const addresses = await resolveAll(options.lookup ?? dnsLookup, host);
  if (addresses && !addresses.every((entry) => isPublicAddress(entry.address))) {
    throw notAllowed("address_not_allowed");
  }
}

export async function addChannel(
  user: SessionUser,
  input: unknown,
  options: ChannelServiceOptions = {},
): Promise<ChannelDto> {
  const channel = parseChannelCreate(input);
  await assertTargetAllowed(channel.kind, channel.target, options);
  return createChannel(user, channel);
}

export async function editChannel(
  user: SessionUser,
  id: string,
  input: unknown,
  options: ChannelServiceOptions = {},
): Promise<ChannelDto> {
  const kind = await channelKind(user, id);
  const changes = parseChannelPatch(kind, input);
  if (changes.target !== undefined) await assertTargetAllowed(kind, changes.target, options);
  return updateChannel(user, id, changes);
}

/** The test message, in the user's language. */
async function testMessage(user: SessionUser, now: Date): Promise<ChannelMessage> {
  const t = await translator(user.locale, "channels");
  return {
    event: "test",
    id: randomUUID(),
    kind: "test",
    title: t("testTitle"),
    body: t("testBody"),
    url: `${baseUrl()}/settings#channels`,
    locale: user.locale,
    sentAt: now,
  };
}

/**
 * Sends the test message at once and records how it went. A target the
 * guard refuses is also a 422 `target_not_allowed` (the contract's answer
 * for it); any other failure is in the channel's lastStatus and lastError.
 */
export async function testChannel(
  user: SessionUser,
  id: string,
  options: ChannelServiceOptions = {},
  now = new Date(),
): Promise<ChannelDto> {
  const channel = await sendableChannel(user, id);
  // Counted before the send (another user's or a missing id is not found first).
  await consumeOrRefuse(testLimiter, user.id, "Too many test sends. Try again later.", {
    key: "channels.testRateLimited",
  });
  if (!channel) {
    await recordChannelOutcome(
      user,
      id,
      { ok: false, error: "secret unreadable: save it again" },
      now,
    );
    return getChannel(user, id);
  }
  const outcome = await sendOnChannel(channel, await testMessage(user, now), options);
  await recordChannelOutcome(user, id, outcome, now);
  if (!outcome.ok && outcome.refused) throw notAllowed(outcome.refused.reason);
  return getChannel(user, id);
}
