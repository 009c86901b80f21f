import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as signInOptions } from "@/app/api/v1/auth/passkey/options/route";
import { startPasskeySignIn } from "@/lib/auth/passkey-sign-in";
import { addPasskey } from "@/lib/data/passkeys";
import type { SessionUser } from "@/lib/data/users";
import { saveChallenge } from "@/lib/data/webauthn-challenges";
import {
  CHALLENGE_TTL_MS,
  PASSKEYS_PER_USER,
  REGISTRATIONS_PER_USER_PER_HOUR,
  SIGN_IN_OPTIONS_PER_ADDRESS,
  SIGN_IN_OPTIONS_PER_SERVER,
} from "@/lib/domain/passkeys";
import { startPasskeyRegistration } from "@/lib/services/passkeys";
import { countChallengeRowsForTests } from "../support/db-inspect";
import { newUser } from "../support/fixtures";

// Every passkey ceremony writes a challenge row and the sign-in options are
// public: the counters are taken before the row is written, and a ceiling
// holds the table whatever gets past them (decision 024).

const password = "a test account's passphrase";

beforeAll(() => {
  process.env.BASE_URL = "https://cancel.example";
});
afterAll(() => {
  delete process.env.BASE_URL;
});

function optionsRequest(address: string) {
  return new Request("http://localhost/api/v1/auth/passkey/options", {
    method: "POST",
    headers: { "x-forwarded-for": address },
  });
}

const noParams = { params: Promise.resolve({}) } as never;

describe("passkey challenge rows", () => {
  it("cannot grow past the ceiling, however many saves run at once; expired rows make room", async () => {
    const before = await countChallengeRowsForTests();
    const ceiling = before + 10;
    const start = new Date("2026-12-06T18:00:00Z");
    const saves = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) =>
        saveChallenge("authenticate", `c${i}`, null, start, ceiling),
      ),
    );
    expect(saves.filter((s) => s.status === "fulfilled")).toHaveLength(10);
    for (const refused of saves.filter((s) => s.status === "rejected")) {
      expect(refused.reason).toMatchObject({ code: "busy" });
    }
    expect(await countChallengeRowsForTests()).toBe(ceiling);

    // Once they expired, the next save deletes them first and fits.
    const later = new Date(start.getTime() + CHALLENGE_TTL_MS + 1000);
    await expect(saveChallenge("authenticate", "late", null, later, ceiling)).resolves.toBeTruthy();
    expect(await countChallengeRowsForTests()).toBe(1);
  });
});

describe("the public sign-in options", () => {
  it("counts each address before writing: past its allowance 429, and no row written", async () => {
    const address = "203.0.113.7";
    for (let i = 0; i < SIGN_IN_OPTIONS_PER_ADDRESS; i++) {
      expect((await signInOptions(optionsRequest(address), noParams)).status).toBe(200);
    }
    const rows = await countChallengeRowsForTests();
    const refused = await signInOptions(optionsRequest(address), noParams);
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ error: { code: "rate_limited" } });
    expect(await countChallengeRowsForTests()).toBe(rows);
    // Another address still gets its options.
    expect((await signInOptions(optionsRequest("203.0.113.8"), noParams)).status).toBe(200);
  });

  it("answers 503 busy with the error shape once the whole server's allowance is spent", async () => {
    // Spent from many addresses, as a distributed flood would; batches keep the pool calm.
    let spent = 0;
    let address = 0;
    let refused: Response | null = null;
    while (!refused && spent <= SIGN_IN_OPTIONS_PER_SERVER) {
      const batch = await Promise.all(
        Array.from({ length: 10 }, () =>
          startPasskeySignIn(`198.18.${Math.floor(address / 250)}.${(address++ % 250) + 1}`).then(
            () => true,
            (error: unknown) => error,
          ),
        ),
      );
      spent += batch.filter((r) => r === true).length;
      if (batch.some((r) => r !== true)) {
        refused = await signInOptions(optionsRequest("198.19.0.1"), noParams);
      }
    }
    expect(spent).toBeLessThanOrEqual(SIGN_IN_OPTIONS_PER_SERVER);
    expect(refused?.status).toBe(503);
    expect(await refused?.json()).toEqual({
      error: { code: "busy", message: expect.any(String) },
    });
    expect(await countChallengeRowsForTests()).toBeLessThanOrEqual(SIGN_IN_OPTIONS_PER_SERVER + 1);
    // Six hundred ceremonies: seconds on PostgreSQL under a shared machine's load, not a timing.
  }, 120_000);
});

describe("registration options", () => {
  async function signedIn(): Promise<SessionUser> {
    const { id, email } = await newUser({ password });
    return {
      id,
      email,
      name: "",
      locale: "en",
      timeZone: "UTC",
      sessionVersion: 0,
      dataVersion: 0,
    };
  }

  it("counts the user's ceremonies per hour before any row is written", async () => {
    const user = await signedIn();
    const client = { address: "198.51.100.61" };
    for (let i = 0; i < REGISTRATIONS_PER_USER_PER_HOUR; i++) {
      await startPasskeyRegistration(user, password, client);
    }
    const rows = await countChallengeRowsForTests();
    await expect(startPasskeyRegistration(user, password, client)).rejects.toMatchObject({
      code: "rate_limited",
    });
    expect(await countChallengeRowsForTests()).toBe(rows);
  });

  it("says the list is full before checking the password (no argon2 work, no row)", async () => {
    const user = await signedIn();
    for (let i = 0; i < PASSKEYS_PER_USER; i++) {
      await addPasskey(user, {
        credentialId: `cred-${user.id}-${i}`,
        publicKey: "pQECAyYgASFYIA",
        counter: 0,
        transports: null,
        name: `Key ${i}`,
      });
    }
    const rows = await countChallengeRowsForTests();
    // A wrong password would be password_wrong if it were checked first.
    await expect(
      startPasskeyRegistration(user, "not the password", { address: "198.51.100.62" }),
    ).rejects.toMatchObject({ code: "limit_reached" });
    expect(await countChallengeRowsForTests()).toBe(rows);
  });
});
