import "server-only";
import webpush from "web-push";
import { isAllowedPushEndpoint } from "@/lib/domain/push";
import { guardedFetch, type OutboundOptions } from "@/lib/net/outbound";
import type { VapidKeys } from "./vapid";

// One push message to one browser. web-push only builds the request (the
// encrypted body and the VAPID headers): its sendNotification would connect
// to what the legacy url.parse reads from the endpoint, which is not always
// what the allow-list read (https://127.0.0.2;x.notify.windows.com/ passed
// the list and went to 127.0.0.2). The outbound guard sends to exactly the
// URL it checked, and checks the address at connect time.

export type PushMessageTarget = { endpoint: string; keys: { p256dh: string; auth: string } };

export type PushSendOptions = OutboundOptions & {
  vapid: VapidKeys & { subject: string };
  /** PUSH_ALLOWED_ORIGINS: self-hosted push services, besides the big browsers' ones. */
  allowedOrigins: readonly string[];
};

/** What the push service said: delivered, or the subscription is gone (404/410), or another status. */
export type PushOutcome = { kind: "sent" } | { kind: "gone" } | { kind: "refused"; status: number };

const PUSH_TTL_SECONDS = 24 * 60 * 60;
const PUSH_TIMEOUT_MS = 15_000;
// A push service answers with a few bytes; more is not read.
const PUSH_ANSWER_MAX_BYTES = 64 * 1024;

export async function sendPushMessage(
  target: PushMessageTarget,
  payload: string,
  options: PushSendOptions,
): Promise<PushOutcome> {
  // The allow-list stays the first check; the guard is the second.
  if (!isAllowedPushEndpoint(target.endpoint, options.allowedOrigins)) {
    return { kind: "refused", status: 0 };
  }
  const { subject, publicKey, privateKey } = options.vapid;
  const details = webpush.generateRequestDetails(target, payload, {
    vapidDetails: { subject, publicKey, privateKey },
    TTL: PUSH_TTL_SECONDS,
  });
  const answer = await guardedFetch(
    details.endpoint,
    { method: details.method, headers: details.headers, body: details.body },
    {
      allowedHosts: options.allowedHosts,
      lookup: options.lookup,
      maxBytes: PUSH_ANSWER_MAX_BYTES,
      timeoutMs: PUSH_TIMEOUT_MS,
    },
  );
  if (answer.status >= 200 && answer.status <= 299) return { kind: "sent" };
  if (answer.status === 404 || answer.status === 410) return { kind: "gone" };
  return { kind: "refused", status: answer.status };
}
