import { describe, expect, it, vi } from "vitest";
import { checkCredentials, withCurrentPasswordCheck } from "@/lib/auth/credentials";
import { issueDeviceCookie } from "@/lib/auth/device-cookie";
import { registerUser, verifyCurrentPassword } from "@/lib/data/users";

// Guesses are counted before the password is verified: argon2's verify is
// counted (not timed) to show how many guesses really reached it.
const verified = vi.hoisted(() => ({ count: 0 }));
vi.mock("@node-rs/argon2", async (importOriginal) => {
  const real = await importOriginal<typeof import("@node-rs/argon2")>();
  return {
    ...real,
    verify: (...args: Parameters<typeof real.verify>) => {
      verified.count++;
      return real.verify(...args);
    },
  };
});

const password = "the owner's own passphrase";
const settle = <T>(promises: Promise<T>[]) => Promise.allSettled(promises);
const codes = (results: PromiseSettledResult<unknown>[]) =>
  results.map((r) => (r.status === "rejected" ? (r.reason as { code: string }).code : "ok"));

describe("parallel password guessing", () => {
  it("verifies at most 10 of 200 parallel wrong guesses; the rest are 429 before any hashing", async () => {
    const { email } = await registerUser({ email: "guessed@example.com", password });
    const ownersBrowser = issueDeviceCookie(email); // set when the owner signed in before
    verified.count = 0;

    const results = await settle(
      Array.from({ length: 200 }, (_, i) =>
        checkCredentials({ email, password: `guess ${i}` }, { address: "198.51.100.7" }),
      ),
    );
    const outcome = codes(results);
    expect(verified.count).toBeLessThanOrEqual(10);
    expect(outcome.filter((c) => c === "unauthorized")).toHaveLength(verified.count);
    expect(outcome.filter((c) => c === "rate_limited")).toHaveLength(200 - verified.count);
    console.log(`guessing: ${verified.count} of 200 parallel wrong guesses verified`);

    // Without the device cookie, the owner at the same address waits like the attacker…
    await expect(
      checkCredentials({ email, password }, { address: "198.51.100.7" }),
    ).rejects.toMatchObject({ code: "rate_limited" });
    // …but the browser the owner signed in with before goes straight in.
    const user = await checkCredentials(
      { email, password },
      { address: "198.51.100.7", deviceCookie: ownersBrowser },
    );
    expect(user.email).toBe(email);
  });

  it("spreads over many addresses, the guesses lock the account for strangers but not for the owner's browser", async () => {
    const { email } = await registerUser({ email: "botnet@example.com", password });
    const ownersBrowser = issueDeviceCookie(email);
    for (let round = 0; round < 11; round++) {
      await settle(
        Array.from({ length: 10 }, (_, i) =>
          checkCredentials({ email, password: "nope" }, { address: `203.0.113.${round * 10 + i}` }),
        ),
      );
    }
    await expect(
      checkCredentials({ email, password }, { address: "192.0.2.200" }),
    ).rejects.toMatchObject({ code: "rate_limited" });
    const user = await checkCredentials(
      { email, password },
      { address: "192.0.2.200", deviceCookie: ownersBrowser },
    );
    expect(user.email).toBe(email);

    // A device cookie of another account, or a forged one, counts for nothing.
    for (const forged of [issueDeviceCookie("someone@example.com"), "x.y", "a".repeat(66)]) {
      await expect(
        checkCredentials({ email, password }, { address: "192.0.2.201", deviceCookie: forged }),
      ).rejects.toMatchObject({ code: "rate_limited" });
    }
  });

  it("counts a signed-in user's current-password checks the same way", async () => {
    const account = await registerUser({ email: "settings@example.com", password });
    const user = { ...account };
    verified.count = 0;
    const results = await settle(
      Array.from({ length: 50 }, () =>
        withCurrentPasswordCheck(user, { address: "198.51.100.9" }, () =>
          verifyCurrentPassword(user, "a guess", "currentPassword"),
        ),
      ),
    );
    expect(verified.count).toBeLessThanOrEqual(10);
    expect(codes(results).filter((c) => c === "rate_limited")).toHaveLength(50 - verified.count);
  });
});
