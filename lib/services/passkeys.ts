import "server-only";
import type {
  PublicKeyCredentialCreationOptionsJSON,
  RegistrationResponseJSON,
} from "@simplewebauthn/server";
import { withCurrentPasswordCheck, type ClientContext } from "@/lib/auth/credentials";
import { consumeRegistrationOptions } from "@/lib/auth/passkey-throttle";
import { relyingParty } from "@/lib/auth/relying-party";
import { webauthnLibrary } from "@/lib/auth/webauthn-library";
import {
  addPasskey,
  passkeyCredentialsOf,
  passkeyLimitReached,
  type PasskeyDto,
} from "@/lib/data/passkeys";
import { verifyCurrentPassword, type SessionUser } from "@/lib/data/users";
import { saveChallenge, takeChallenge } from "@/lib/data/webauthn-challenges";
import {
  joinTransports,
  normalizePasskeyName,
  PASSKEYS_PER_USER,
  splitTransports,
} from "@/lib/domain/passkeys";
import { AppError } from "@/lib/errors/app-error";
import { translator } from "@/lib/i18n/catalogs";
import { announceSecurityEvent } from "@/lib/notifications/security-notices";
import type { PasskeyRegisterInput } from "@/lib/validation/passkeys";

// Settings → Passkeys and /api/v1/me/passkeys: registering a passkey is a
// WebAuthn ceremony in two requests (decision 024). The first, after the
// current password under its throttle, answers the options and a challenge
// id; the second brings the browser's credential, which is verified against
// that challenge, BASE_URL's origin and host, then stored.

export type RegistrationStart = {
  challengeId: string;
  options: PublicKeyCredentialCreationOptionsJSON;
};

function invalidPasskey(): AppError {
  return new AppError("validation_failed", "The passkey could not be verified. Try again.", {
    fields: { response: ["passkey_invalid"] },
  });
}

/**
 * Options for navigator.credentials.create, after the current password. The
 * user's hourly allowance and the 20-passkey cap are counted first: a full
 * list costs no argon2 check and no challenge row, and a signed-in client
 * cannot write rows faster than the allowance.
 */
export async function startPasskeyRegistration(
  user: SessionUser,
  password: string,
  client: ClientContext,
): Promise<RegistrationStart> {
  await consumeRegistrationOptions(user.id);
  // Said now rather than after the user touched their authenticator for nothing.
  if ((await passkeyCredentialsOf(user)).length >= PASSKEYS_PER_USER) throw passkeyLimitReached();
  return withCurrentPasswordCheck(user, client, async () => {
    await verifyCurrentPassword(user, password, "password");
    const existing = await passkeyCredentialsOf(user);
    const rp = relyingParty();
    const { generateRegistrationOptions } = await webauthnLibrary();
    const options = await generateRegistrationOptions({
      rpName: rp.name,
      rpID: rp.id,
      userName: user.email,
      userDisplayName: user.name || user.email,
      // The account id as the user handle: a passkey alone names its account at sign-in.
      userID: new TextEncoder().encode(user.id),
      attestationType: "none",
      excludeCredentials: existing.map((row) => ({
        id: row.credentialId,
        transports: splitTransports(row.transports),
      })),
      // Discoverable, so the passkey can sign in without an email typed first.
      authenticatorSelection: { residentKey: "required", userVerification: "preferred" },
    });
    const challengeId = await saveChallenge("register", options.challenge, user.id);
    return { challengeId, options };
  });
}

/** Verifies the browser's new credential against its challenge and stores it. */
export async function finishPasskeyRegistration(
  user: SessionUser,
  input: PasskeyRegisterInput,
  client: ClientContext,
): Promise<PasskeyDto> {
  const challenge = await takeChallenge(input.challengeId, "register", user.id);
  if (!challenge) throw invalidPasskey();
  // Counted before the signature work; addPasskey counts again in its transaction.
  if ((await passkeyCredentialsOf(user)).length >= PASSKEYS_PER_USER) throw passkeyLimitReached();
  const rp = relyingParty();
  const { verifyRegistrationResponse } = await webauthnLibrary();
  let verified;
  try {
    verified = await verifyRegistrationResponse({
      response: input.response as unknown as RegistrationResponseJSON,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: false,
    });
  } catch {
    // The library throws on any malformed or mismatched credential: one answer for all.
    throw invalidPasskey();
  }
  if (!verified.verified) throw invalidPasskey();
  const { credential } = verified.registrationInfo;
  const t = await translator(user.locale, "passkeys");
  const { passkey, event } = await addPasskey(
    user,
    {
      credentialId: credential.id,
      publicKey: Buffer.from(credential.publicKey).toString("base64url"),
      counter: credential.counter,
      transports: joinTransports(credential.transports ?? input.response.response.transports),
      name: normalizePasskeyName(input.name, t("defaultName")),
    },
    { userAgent: client.userAgent },
  );
  announceSecurityEvent(event);
  return passkey;
}
