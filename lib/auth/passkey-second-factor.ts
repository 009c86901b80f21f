import "server-only";
import { findOwnPasskey } from "@/lib/data/passkeys";
import type { Actor } from "@/lib/data/users";
import { takeChallenge } from "@/lib/data/webauthn-challenges";
import { passkeySignInSchema } from "@/lib/validation/passkeys";
import { verifyPasskeyAssertion } from "./passkey-sign-in";

// A passkey as the second factor after a password (decision 024): the
// challenge was issued to THE account whose password was right
// (lib/services/passkey-second-factor.ts), and the answer comes back with
// that password again, so both are one attempt under the login throttle and
// no half-signed-in state is kept between the two requests (as for TOTP,
// decision 023).

/**
 * The passkey answer among next-auth's form fields (`passkeyChallengeId`,
 * `passkeyResponse` as JSON), or undefined when the form sent none. A
 * malformed one is still an answer, refused as a wrong factor, never taken
 * for "no answer" (which would ask for the code again).
 */
export function passkeyAnswerOf(fields: Record<string, string> | undefined): unknown {
  if (!fields?.passkeyChallengeId && !fields?.passkeyResponse) return undefined;
  let response: unknown = null;
  try {
    response = JSON.parse(fields.passkeyResponse ?? "");
  } catch {
    // Left null: the schema refuses it below.
  }
  return { challengeId: fields.passkeyChallengeId, response };
}

/**
 * Whether `answer` is an assertion of one of the actor's own passkeys for a
 * second-factor challenge issued to the actor and not spent yet (spending
 * it). User verification is not required: the password was the knowledge
 * factor, the passkey is the possession one.
 */
export async function acceptPasskeySecondFactor(
  actor: Actor,
  answer: unknown,
  now: Date,
): Promise<boolean> {
  const parsed = passkeySignInSchema.safeParse(answer);
  if (!parsed.success) return false;
  const { challengeId, response } = parsed.data;
  const challenge = await takeChallenge(challengeId, "second-factor", actor.id, now);
  if (!challenge) return false;
  const stored = await findOwnPasskey(actor, response.id);
  if (!stored) return false;
  return verifyPasskeyAssertion(stored, response, challenge, false, now);
}
