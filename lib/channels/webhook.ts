import "server-only";
import { createHmac } from "node:crypto";
import { JSON_HEADERS, channelPost } from "./http";
import { ChannelSendError, type ChannelMessage, type ChannelSender } from "./types";

// The generic webhook, as CancelCase's own contract defines it
// (../shared/DESIGN.md, "Channels"; docs/api.md): POST of a JSON object
// {event, id, kind, title, body, url, locale, sentAt, caseId?,
// subscriptionId?, dueOn?, eventOn?} with X-CancelCase-Event and
// X-CancelCase-Signature: sha256=<hex HMAC-SHA256 of the raw body, keyed
// with the channel's secret>. A receiver recomputes the HMAC over the exact
// bytes it received and compares in constant time.

/** The body, serialised once: the signature covers exactly these bytes. */
export function webhookBody(message: ChannelMessage): string {
  return JSON.stringify({
    event: message.event,
    id: message.id,
    kind: message.kind,
    title: message.title,
    body: message.body,
    url: message.url,
    locale: message.locale,
    sentAt: message.sentAt.toISOString(),
    ...(message.caseId ? { caseId: message.caseId } : {}),
    ...(message.subscriptionId ? { subscriptionId: message.subscriptionId } : {}),
    ...(message.dueOn ? { dueOn: message.dueOn } : {}),
    ...(message.eventOn ? { eventOn: message.eventOn } : {}),
  });
}

export function webhookSignature(secret: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(body, "utf8").digest("hex")}`;
}

export const sendWebhook: ChannelSender = async (channel, message, options) => {
  if (!channel.secret) throw new ChannelSendError("the signing secret cannot be read");
  const body = webhookBody(message);
  await channelPost(
    channel.target,
    {
      headers: {
        ...JSON_HEADERS,
        "X-CancelCase-Event": message.event,
        "X-CancelCase-Signature": webhookSignature(channel.secret, body),
      },
      body,
    },
    options,
  );
};
