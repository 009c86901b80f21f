import "server-only";
import { guardedFetch, OutboundRefused, type GuardedResponse } from "@/lib/net/outbound";
import { ChannelSendError, type ChannelSendOptions } from "./types";

// The one request every sender makes: through the outbound guard (decision
// 014), bounded, and with a failure turned into a short text that names a
// status or a reason and nothing the service said back.

/** A reminder is sent well inside the run's 40 s send timeout. */
export const CHANNEL_TIMEOUT_MS = 10_000;
/** These services answer with a small JSON object or nothing. */
export const CHANNEL_ANSWER_MAX_BYTES = 32 * 1024;
const USER_AGENT = "CancelCase";

export type ChannelRequest = {
  method?: "POST";
  headers?: Record<string, string>;
  body: string;
};

/** POSTs to `url`; resolves with the answer when it is 2xx, else throws ChannelSendError. */
export async function channelPost(
  url: string,
  request: ChannelRequest,
  options: ChannelSendOptions,
): Promise<GuardedResponse> {
  const body = Buffer.from(request.body, "utf8");
  let answer: GuardedResponse;
  try {
    answer = await guardedFetch(
      url,
      {
        method: request.method ?? "POST",
        headers: { "User-Agent": USER_AGENT, ...request.headers, "Content-Length": body.length },
        body,
      },
      {
        allowedHosts: options.allowedHosts,
        lookup: options.lookup,
        timeoutMs: CHANNEL_TIMEOUT_MS,
        maxBytes: CHANNEL_ANSWER_MAX_BYTES,
      },
    );
  } catch (error) {
    if (error instanceof OutboundRefused) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new ChannelSendError(code ? `could not connect (${code})` : "could not connect");
  }
  if (answer.status >= 300 && answer.status <= 399) {
    throw new ChannelSendError(`answered ${answer.status}, a redirect, which is not followed`);
  }
  if (answer.status < 200 || answer.status > 299) {
    throw new ChannelSendError(`answered ${answer.status}`);
  }
  return answer;
}

/** The answer's JSON object, or null when it is not one. */
export function answerJson(answer: GuardedResponse): Record<string, unknown> | null {
  try {
    const parsed: unknown = JSON.parse(answer.body.toString("utf8"));
    return parsed !== null && typeof parsed === "object"
      ? (parsed as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

export const JSON_HEADERS = { "Content-Type": "application/json; charset=utf-8" };

/** The message as plain text: its body, then where it leads. */
export function plainText(message: { body: string; url: string }): string {
  return message.url ? `${message.body}\n\n${message.url}` : message.body;
}

/** A base URL without its trailing slashes, so a path can follow. */
export function trimBase(base: string): string {
  return base.replace(/\/+$/, "");
}
