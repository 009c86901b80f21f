import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listPasskeys } from "@/lib/data/passkeys";
import type { SessionUser } from "@/lib/data/users";
import { relyingParty } from "@/lib/auth/relying-party";
import { finishPasskeyRegistration, startPasskeyRegistration } from "@/lib/services/passkeys";
import { passkeyRegisterSchema } from "@/lib/validation/passkeys";
import { newUser } from "../support/fixtures";
import { softRegistration } from "../support/soft-authenticator";

// Registering a passkey: the current password first, then a credential that
// answers the challenge for BASE_URL's origin, once (decision 024).

const password = "a test account's passphrase";
const client = { address: "198.51.100.41" };

// Vite sets BASE_URL to "/" for its own use; the app's setting is an absolute address.
beforeAll(() => {
  process.env.BASE_URL = "https://cancel.example";
});
afterAll(() => {
  delete process.env.BASE_URL;
});

async function signedIn(): Promise<SessionUser> {
  const { id, email } = await newUser({ password });
  return {
    id,
    email,
    name: "",
    locale: "zh-CN",
    timeZone: "UTC",
    sessionVersion: 0,
    dataVersion: 0,
  };
}

function answer(challengeId: string, response: unknown, name?: string) {
  return passkeyRegisterSchema.parse({ challengeId, name, response });
}

describe("registering a passkey", () => {
  it("asks for the current password, then stores a credential for BASE_URL's origin", async () => {
    const user = await signedIn();
    await expect(startPasskeyRegistration(user, "not it", client)).rejects.toMatchObject({
      fields: { password: ["password_wrong"] },
    });

    const { challengeId, options } = await startPasskeyRegistration(user, password, client);
    expect(options.rp.id).toBe(relyingParty().id);
    expect(options.authenticatorSelection?.residentKey).toBe("required");
    const response = softRegistration(options.challenge, relyingParty().origin);
    // No name given: the default, in the user's language.
    const passkey = await finishPasskeyRegistration(user, answer(challengeId, response), client);
    expect(passkey.name).toBe("通行密钥");
    expect(await listPasskeys(user)).toEqual([passkey]);
  });

  it("refuses the same challenge answered twice, another origin and another user's challenge", async () => {
    const user = await signedIn();
    const first = await startPasskeyRegistration(user, password, client);
    const response = softRegistration(first.options.challenge, relyingParty().origin);
    await finishPasskeyRegistration(user, answer(first.challengeId, response, "Laptop"), client);
    const again = softRegistration(first.options.challenge, relyingParty().origin);
    await expect(
      finishPasskeyRegistration(user, answer(first.challengeId, again), client),
    ).rejects.toMatchObject({ fields: { response: ["passkey_invalid"] } });

    const second = await startPasskeyRegistration(user, password, client);
    const phishing = softRegistration(second.options.challenge, "https://cancelcase.example.net");
    await expect(
      finishPasskeyRegistration(user, answer(second.challengeId, phishing), client),
    ).rejects.toMatchObject({ fields: { response: ["passkey_invalid"] } });

    const other = await signedIn();
    const third = await startPasskeyRegistration(user, password, client);
    const stolen = softRegistration(third.options.challenge, relyingParty().origin);
    await expect(
      finishPasskeyRegistration(other, answer(third.challengeId, stolen), client),
    ).rejects.toMatchObject({ fields: { response: ["passkey_invalid"] } });

    expect((await listPasskeys(user)).map((p) => p.name)).toEqual(["Laptop"]);
    expect(await listPasskeys(other)).toEqual([]);
  });
});
