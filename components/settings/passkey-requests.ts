import type { PublicKeyCredentialCreationOptionsJSON } from "@simplewebauthn/browser";

import {
  type CallOutcome,
  outcomeOf as outcomeWith,
  send,
  type OutcomeKeys,
} from "@/components/settings/settings-requests";

// The browser's side of Settings → Passkeys: /api/v1/me/passkeys with the
// session cookie, and the WebAuthn ceremony between its two requests. Errors
// come back as message keys the panel shows in the user's language. The
// WebAuthn library is fetched on the click (about 5 kB gzipped): Settings
// was over the 150 kB first-load budget with it (docs/performance-rules.md).

export type PasskeyOutcome = CallOutcome;

export const PASSKEY_KEYS: OutcomeKeys = {
  limitReached: "passkeys.limitReached",
  failed: "passkeys.failed",
  codes: {
    conflict: "passkeys.alreadyRegistered",
    rate_limited: "auth.rateLimited",
    busy: "passkeys.addBusy",
  },
};

const outcomeOf = (response: Response) => outcomeWith(response, PASSKEY_KEYS);

/** Password → options → the authenticator → the new credential to the server. */
export async function registerPasskey(password: string, name: string): Promise<PasskeyOutcome> {
  const { browserSupportsWebAuthn, startRegistration } = await import("@simplewebauthn/browser");
  if (!browserSupportsWebAuthn()) return { ok: false, key: "passkeys.unsupported" };
  const started = await send("/api/v1/me/passkeys/options", "POST", { password });
  if (!started.ok) return outcomeOf(started);
  const { challengeId, options } = (await started.json()) as {
    challengeId: string;
    options: PublicKeyCredentialCreationOptionsJSON;
  };
  let response;
  try {
    response = await startRegistration({ optionsJSON: options });
  } catch {
    // Cancelled, timed out, or this device holds one of the account's passkeys already.
    return { ok: false, key: "passkeys.cancelled" };
  }
  return outcomeOf(await send("/api/v1/me/passkeys", "POST", { challengeId, name, response }));
}

export async function renamePasskeyRequest(id: string, name: string): Promise<PasskeyOutcome> {
  return outcomeOf(await send(`/api/v1/me/passkeys/${encodeURIComponent(id)}`, "PATCH", { name }));
}

export async function removePasskeyRequest(id: string): Promise<PasskeyOutcome> {
  return outcomeOf(await send(`/api/v1/me/passkeys/${encodeURIComponent(id)}`, "DELETE"));
}
