import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listPasskeys } from "@/lib/data/passkeys";
import type { SessionUser } from "@/lib/data/users";
import { finishPasskeySignIn, startPasskeySignIn } from "@/lib/auth/passkey-sign-in";
import { relyingParty } from "@/lib/auth/relying-party";
import { finishPasskeyRegistration, startPasskeyRegistration } from "@/lib/services/passkeys";
import { passkeyRegisterSchema, passkeySignInSchema } from "@/lib/validation/passkeys";
import { newUser } from "../support/fixtures";
import { softAuthenticator } from "../support/soft-authenticator";

// Signing in with a passkey alone: the assertion names its account, answers
// its challenge once, for BASE_URL's origin, and signed by the stored key.

const password = "a test account's passphrase";
const client = { address: "198.51.100.42" };

beforeAll(() => {
  process.env.BASE_URL = "https://cancel.example";
});
afterAll(() => {
  delete process.env.BASE_URL;
});

async function userWithPasskey() {
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
  const device = softAuthenticator(id);
  const { challengeId, options } = await startPasskeyRegistration(user, password, client);
  await finishPasskeyRegistration(
    user,
    passkeyRegisterSchema.parse({
      challengeId,
      response: device.register(options.challenge, relyingParty().origin),
    }),
    client,
  );
  return { user, device };
}

async function signIn(assertion: (challenge: string) => unknown, challengeId?: string) {
  const start = await startPasskeySignIn(client.address);
  return finishPasskeySignIn(
    passkeySignInSchema.parse({
      challengeId: challengeId ?? start.challengeId,
      response: assertion(start.options.challenge),
    }),
  );
}

describe("signing in with a passkey", () => {
  it("finds the account of a verified assertion and records the use", async () => {
    const { user, device } = await userWithPasskey();
    const start = await startPasskeySignIn(client.address);
    expect(start.options.allowCredentials ?? []).toEqual([]);
    expect(start.options.userVerification).toBe("required");
    const now = new Date("2026-12-06T17:00:00Z");
    const signedIn = await finishPasskeySignIn(
      passkeySignInSchema.parse({
        challengeId: start.challengeId,
        response: device.authenticate(start.options.challenge, relyingParty().origin, 1),
      }),
      now,
    );
    expect(signedIn.id).toBe(user.id);
    expect((await listPasskeys(user))[0]?.lastUsedAt).toEqual(now);
  });

  it("refuses a replayed challenge, another origin, a counter that went back and an unknown key", async () => {
    const { device } = await userWithPasskey();
    const origin = relyingParty().origin;
    const start = await startPasskeySignIn(client.address);
    const assertion = device.authenticate(start.options.challenge, origin, 5);
    const input = passkeySignInSchema.parse({
      challengeId: start.challengeId,
      response: assertion,
    });
    await finishPasskeySignIn(input);
    await expect(finishPasskeySignIn(input)).rejects.toMatchObject({ code: "unauthorized" });

    await expect(
      signIn((c) => device.authenticate(c, "https://cancel.example.net", 6)),
    ).rejects.toMatchObject({ code: "unauthorized" });
    // A counting authenticator whose counter went back was cloned.
    await expect(signIn((c) => device.authenticate(c, origin, 3))).rejects.toMatchObject({
      code: "unauthorized",
    });
    const stranger = softAuthenticator();
    await expect(signIn((c) => stranger.authenticate(c, origin, 1))).rejects.toMatchObject({
      code: "unauthorized",
    });
    await expect(signIn((c) => device.authenticate(c, origin, 7))).resolves.toBeTruthy();
  });
});
