import "server-only";
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from "@simplewebauthn/server";
import { webauthnLibrary } from "@/lib/auth/webauthn-library";
import { findPasskeyForSignIn, recordPasskeyUse, type StoredPasskey } from "@/lib/data/passkeys";
import type { SessionUser } from "@/lib/data/users";
import { saveChallenge, takeChallenge } from "@/lib/data/webauthn-challenges";
import { splitTransports } from "@/lib/domain/passkeys";
import { AppError, isAppError } from "@/lib/errors/app-error";
import { passkeySignInSchema, type PasskeySignInInput } from "@/lib/validation/passkeys";
import { consumeSignInOptions } from "./passkey-throttle";
import { relyingParty } from "./relying-party";

// Signing in with a passkey alone (a discoverable credential, decision 024):
// options with no allowed credentials, so the device offers the passkeys it
// holds for this site; then the assertion, checked against the single-use
// challenge, BASE_URL's origin and host and the stored public key. User
// verification (fingerprint, face, PIN) is required: the passkey stands in
// for the password and a second factor at once.

export type SignInStart = { challengeId: string; options: PublicKeyCredentialRequestOptionsJSON };

/**
 * Options for navigator.credentials.get, with a challenge kept for one
 * answer. Public, so counted per client address and server-wide before the
 * challenge row is written (lib/auth/passkey-throttle.ts).
 */
export async function startPasskeySignIn(address: string, now = new Date()): Promise<SignInStart> {
  await consumeSignInOptions(address);
  const rp = relyingParty();
  const { generateAuthenticationOptions } = await webauthnLibrary();
  const options = await generateAuthenticationOptions({
    rpID: rp.id,
    userVerification: "required",
  });
  const challengeId = await saveChallenge("authenticate", options.challenge, null, now);
  return { challengeId, options };
}

function refused(): AppError {
  return new AppError("unauthorized", "The passkey was not accepted.");
}

/**
 * Whether `response` is a valid assertion of the stored passkey for
 * `challenge` (BASE_URL's origin and host, its signature, a counter that did
 * not go back), recording the use when it is. False for anything else: the
 * library throws on a malformed or mismatched assertion, and every refusal
 * is one answer.
 */
export async function verifyPasskeyAssertion(
  stored: Pick<StoredPasskey, "id" | "credentialId" | "publicKey" | "counter" | "transports">,
  response: PasskeySignInInput["response"],
  challenge: string,
  requireUserVerification: boolean,
  now: Date,
): Promise<boolean> {
  const rp = relyingParty();
  const { verifyAuthenticationResponse } = await webauthnLibrary();
  let verified;
  try {
    verified = await verifyAuthenticationResponse({
      response: response as unknown as AuthenticationResponseJSON,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification,
      credential: {
        id: stored.credentialId,
        publicKey: new Uint8Array(Buffer.from(stored.publicKey, "base64url")),
        counter: stored.counter,
        transports: splitTransports(stored.transports) as never,
      },
    });
  } catch {
    return false;
  }
  if (!verified.verified) return false;
  return recordPasskeyUse(stored, verified.authenticationInfo.newCounter, now);
}

/** The account of a verified assertion; `unauthorized` for anything else, alike. */
export async function finishPasskeySignIn(
  input: PasskeySignInInput,
  now = new Date(),
): Promise<SessionUser> {
  const challenge = await takeChallenge(input.challengeId, "authenticate", null, now);
  if (!challenge) throw refused();
  const stored = await findPasskeyForSignIn(input.response.id);
  if (!stored) throw refused();
  if (!(await verifyPasskeyAssertion(stored, input.response, challenge, true, now))) {
    throw refused();
  }
  return stored.user;
}

/**
 * next-auth's `passkey` provider (lib/auth/session.ts): the form fields are
 * the challenge id and the assertion as JSON. Null (next-auth's "refused")
 * for anything that does not verify.
 */
export async function authorizePasskey(
  credentials: Record<string, string> | undefined,
): Promise<SessionUser | null> {
  let response: unknown;
  try {
    response = JSON.parse(credentials?.response ?? "");
  } catch {
    return null;
  }
  const input = passkeySignInSchema.safeParse({ challengeId: credentials?.challengeId, response });
  if (!input.success) return null;
  try {
    return await finishPasskeySignIn(input.data);
  } catch (error) {
    if (isAppError(error) && error.code === "unauthorized") return null;
    throw error;
  }
}
