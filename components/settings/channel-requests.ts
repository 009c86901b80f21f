// The browser's side of Settings → Channels: /api/v1/me/channels with the
// session cookie. Errors come back as message keys the panel shows in the
// user's language.

export type ChannelOutcome = { ok: true } | { ok: false; key: string; values?: { limit: number } };

type ErrorBody = {
  error?: { code?: string; fieldCodes?: Record<string, string[]>; limit?: number };
};

async function outcomeOf(response: Response): Promise<ChannelOutcome> {
  if (response.ok) return { ok: true };
  const body = (await response.json().catch(() => ({}))) as ErrorBody;
  const error = body.error ?? {};
  if (error.code === "limit_reached") {
    return { ok: false, key: "channels.limitReached", values: { limit: error.limit ?? 0 } };
  }
  if (error.code === "target_not_allowed") return { ok: false, key: "errors.target_not_allowed" };
  if (error.code === "rate_limited") return { ok: false, key: "channels.testRateLimited" };
  const field = Object.values(error.fieldCodes ?? {})[0]?.[0];
  return { ok: false, key: field ? `errors.${field}` : "channels.failed" };
}

function send(url: string, method: string, body?: unknown): Promise<Response> {
  return fetch(url, {
    method,
    headers: body === undefined ? {} : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

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
