import { Secret, TOTP } from "otpauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkCredentials } from "@/lib/auth/credentials";
import { passkeyAnswerOf } from "@/lib/auth/passkey-second-factor";
import { finishPasskeySignIn } from "@/lib/auth/passkey-sign-in";
import { relyingParty } from "@/lib/auth/relying-party";
import { listPasskeys } from "@/lib/data/passkeys";
import type { SessionUser } from "@/lib/data/users";
import { startPasskeySecondFactor } from "@/lib/services/passkey-second-factor";
import { finishPasskeyRegistration, startPasskeyRegistration } from "@/lib/services/passkeys";
import { confirmTotpEnrolment, startTotpEnrolment } from "@/lib/services/two-factor";
import { passkeyRegisterSchema, passkeySignInSchema } from "@/lib/validation/passkeys";
import { newUser } from "../support/fixtures";
import { softAuthenticator } from "../support/soft-authenticator";

// A passkey as the second factor after a password (decision 024): the
// challenge belongs to the account whose password was right, only that
// account's passkeys answer it, once, and only when two-factor is on.

const password = "a test account's passphrase";
const T0 = new Date("2026-12-06T15:00:00Z");

let addresses = 0;
/** Each test its own client address, so throttle counters do not leak between tests. */
const client = () => ({ address: `198.51.100.${++addresses + 150}` });

beforeAll(() => {
  process.env.BASE_URL = "https://cancel.example";
});
afterAll(() => {
  delete process.env.BASE_URL;
});

async function account({ totp = true, passkey = true } = {}) {
  const { id, email } = await newUser({ password });
  const user: SessionUser = {
    id,
    email,
    name: "",
    locale: "en",
    timeZone: "UTC",
    sessionVersion: 0,
    dataVersion: 0,
  };
  if (totp) {
    const { secret } = await startTotpEnrolment(user, password, client());
    const code = TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: T0.getTime() });
    await confirmTotpEnrolment(user, code, client(), T0);
  }
  const device = softAuthenticator(id);
  if (passkey) {
    const { challengeId, options } = await startPasskeyRegistration(user, password, client());
    await finishPasskeyRegistration(
      user,
      passkeyRegisterSchema.parse({
        challengeId,
        response: device.register(options.challenge, relyingParty().origin),
      }),
      client(),
    );
  }
  return { user, device };
}

/** The form's fields for the second step answered with `assertion`. */
function form(user: SessionUser, challengeId: string, assertion: unknown) {
  return {
    email: user.email,
    password,
    passkeyChallengeId: challengeId,
    passkeyResponse: JSON.stringify(assertion),
  };
}

async function signInWith(fields: Record<string, string>, now = T0) {
  return checkCredentials(fields, client(), now, passkeyAnswerOf(fields));
}

describe("a passkey as the second factor", () => {
  it("answers the second step for the account whose password was right, once", async () => {
    const { user, device } = await account();
    const origin = relyingParty().origin;
    // The password alone still asks for the second factor.
    await expect(signInWith({ email: user.email, password })).rejects.toMatchObject({
      code: "totp_required",
    });

    const start = await startPasskeySecondFactor({ email: user.email, password }, client());
    expect(start.options.allowCredentials?.map((c) => c.id)).toEqual([device.id]);
    const fields = form(
      user,
      start.challengeId,
      device.authenticate(start.options.challenge, origin, 1),
    );
    expect((await signInWith(fields)).id).toBe(user.id);
    expect((await listPasskeys(user))[0]?.lastUsedAt).toEqual(T0);

    // The same answer again: the challenge was spent.
    await expect(signInWith(fields)).rejects.toMatchObject({ code: "totp_invalid" });
  });

  it("refuses another account's passkey, another account's challenge and a malformed answer", async () => {
    const { user, device } = await account();
    const { user: other, device: otherDevice } = await account();
    const origin = relyingParty().origin;

    // The other account's own passkey, on a challenge issued to this account.
    const mine = await startPasskeySecondFactor({ email: user.email, password }, client());
    await expect(
      signInWith(
        form(user, mine.challengeId, otherDevice.authenticate(mine.options.challenge, origin, 1)),
      ),
    ).rejects.toMatchObject({ code: "totp_invalid" });

    // This account's challenge, spent by the other account's sign-in with its own passkey.
    const issued = await startPasskeySecondFactor({ email: user.email, password }, client());
    await expect(
      signInWith(
        form(
          other,
          issued.challengeId,
          otherDevice.authenticate(issued.options.challenge, origin, 2),
        ),
      ),
    ).rejects.toMatchObject({ code: "totp_invalid" });

    // Not JSON at all: a wrong factor, never "no answer" (which would ask again).
    const fresh = await startPasskeySecondFactor({ email: user.email, password }, client());
    await expect(
      signInWith({
        email: user.email,
        password,
        passkeyChallengeId: fresh.challengeId,
        passkeyResponse: "{",
      }),
    ).rejects.toMatchObject({ code: "totp_invalid" });

    // A second-factor challenge does not sign in with a passkey alone, and the wrong password
    // gets no challenge at all.
    const alone = await startPasskeySecondFactor({ email: user.email, password }, client());
    await expect(
      finishPasskeySignIn(
        passkeySignInSchema.parse({
          challengeId: alone.challengeId,
          response: device.authenticate(alone.options.challenge, origin, 3),
        }),
      ),
    ).rejects.toMatchObject({ code: "unauthorized" });
    await expect(
      startPasskeySecondFactor({ email: user.email, password: "not it at all" }, client()),
    ).rejects.toMatchObject({ code: "unauthorized" });
  });

  it("is offered only with two-factor on and a passkey to answer with", async () => {
    // Passkeys but no TOTP: two-factor is off, the password alone signs in.
    const { user: noTotp } = await account({ totp: false });
    expect((await signInWith({ email: noTotp.email, password })).id).toBe(noTotp.id);
    await expect(
      startPasskeySecondFactor({ email: noTotp.email, password }, client()),
    ).rejects.toMatchObject({ code: "conflict" });

    const { user: noPasskey } = await account({ passkey: false });
    await expect(
      startPasskeySecondFactor({ email: noPasskey.email, password }, client()),
    ).rejects.toMatchObject({ code: "conflict" });
  });
});
