// What the browser's sides of Settings → Channels and Settings → Passkeys
// share: a JSON request with the session cookie, and an error answer turned
// into a message key the panel shows in the user's language.

export type CallOutcome = { ok: true } | { ok: false; key: string; values?: { limit: number } };

type ErrorBody = {
  error?: { code?: string; fieldCodes?: Record<string, string[]>; limit?: number };
};

export type OutcomeKeys = {
  /** Said for `limit_reached`, with `{limit}`. */
  limitReached: string;
  /** Said for any other answer that names no field. */
  failed: string;
  /** Keys for other error codes. */
  codes: Record<string, string>;
};

export async function outcomeOf(response: Response, keys: OutcomeKeys): Promise<CallOutcome> {
  if (response.ok) return { ok: true };
  const body = (await response.json().catch(() => ({}))) as ErrorBody;
  const error = body.error ?? {};
  if (error.code === "limit_reached") {
    return { ok: false, key: keys.limitReached, values: { limit: error.limit ?? 0 } };
  }
  const coded = error.code ? keys.codes[error.code] : undefined;
  if (coded) return { ok: false, key: coded };
  const field = Object.values(error.fieldCodes ?? {})[0]?.[0];
  return { ok: false, key: field ? `errors.${field}` : keys.failed };
}

export function send(url: string, method: string, body?: unknown): Promise<Response> {
  return fetch(url, {
    method,
    headers: body === undefined ? {} : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
