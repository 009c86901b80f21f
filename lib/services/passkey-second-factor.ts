import "server-only";
import { afterPasswordStep, type ClientContext } from "@/lib/auth/credentials";
import type { SignInStart } from "@/lib/auth/passkey-sign-in";
import { consumeSignInOptions } from "@/lib/auth/passkey-throttle";
import { relyingParty } from "@/lib/auth/relying-party";
import { webauthnLibrary } from "@/lib/auth/webauthn-library";
import { passwordLogin } from "@/lib/config";
import { passkeyCredentialsOf } from "@/lib/data/passkeys";
import { readTotpSecrets } from "@/lib/data/totp";
import { saveChallenge } from "@/lib/data/webauthn-challenges";
import { splitTransports } from "@/lib/domain/passkeys";
import { AppError } from "@/lib/errors/app-error";

// POST /api/v1/auth/passkey/second-factor/options: the sign-in form's second
// step offers "Use a passkey" (decision 024). The email and password come
// again, so the challenge is issued to the account they prove, stored with
// its id, and can only be spent by a sign-in that proves the same account
// (lib/auth/passkey-second-factor.ts). Counted like the passkey sign-in
// options before any work, and the password like a sign-in's.

/** Request options listing the account's own passkeys, after its password. */
export async function startPasskeySecondFactor(
  input: unknown,
  client: ClientContext,
  now = new Date(),
): Promise<SignInStart> {
  if (!passwordLogin()) {
    throw new AppError("forbidden", "Signing in with a password is turned off on this server.");
  }
  await consumeSignInOptions(client.address);
  return afterPasswordStep(input, client, async (user) => {
    // Only an account with two-factor on has a second step to answer.
    if (!(await readTotpSecrets(user)).secret) {
      throw new AppError("conflict", "This account does not ask for a second factor.");
    }
    const passkeys = await passkeyCredentialsOf(user);
    if (passkeys.length === 0) {
      throw new AppError("conflict", "This account has no passkey. Use the code from your app.");
    }
    const rp = relyingParty();
    const { generateAuthenticationOptions } = await webauthnLibrary();
    const options = await generateAuthenticationOptions({
      rpID: rp.id,
      allowCredentials: passkeys.map((row) => ({
        id: row.credentialId,
        transports: splitTransports(row.transports) as never,
      })),
      // The password was the knowledge factor; the passkey need only be present.
      userVerification: "preferred",
    });
    const challengeId = await saveChallenge("second-factor", options.challenge, user.id, now);
    return { challengeId, options };
  });
}
