import { randomBytes } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { confirmPasswordReset } from "@/lib/services/reset-password";
import { RESET_CONFIRMS_PER_ADDRESS } from "@/lib/auth/login-throttle";
import { createPasswordReset } from "@/lib/data/password-resets";
import { POST } from "@/app/api/v1/auth/password-reset/confirm/route";
import { newUser } from "../support/fixtures";

// A reset link's use, anonymous: a made-up token must cost no argon2 work
// (counted, not timed) and a stream of them from one address is a 429.
const calls = vi.hoisted(() => ({ hash: 0 }));
vi.mock("@node-rs/argon2", async (importOriginal) => {
  const real = await importOriginal<typeof import("@node-rs/argon2")>();
  return {
    ...real,
    hash: (...args: Parameters<typeof real.hash>) => {
      calls.hash++;
      return real.hash(...args);
    },
  };
});

beforeEach(() => {
  calls.hash = 0;
});

const madeUpToken = () => `rst_${randomBytes(32).toString("base64url")}`;
const PASSWORD = "a brand new passphrase";

function confirmRequest(address: string, token = madeUpToken()) {
  return new Request("http://localhost/api/v1/auth/password-reset/confirm", {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": address },
    body: JSON.stringify({ token, password: PASSWORD }),
  });
}

describe("password-reset confirm", () => {
  it("looks the token up before any argon2 work: a made-up or spent token hashes nothing", async () => {
    await expect(
      confirmPasswordReset({ token: madeUpToken(), password: PASSWORD }, "198.51.100.1"),
    ).rejects.toMatchObject({
      code: "validation_failed",
      fields: { token: ["reset_link_invalid"] },
    });
    expect(calls.hash).toBe(0);

    const user = await newUser();
    const reset = (await createPasswordReset(user.email))!;
    calls.hash = 0; // signing up hashed the first password
    await confirmPasswordReset({ token: reset.token, password: PASSWORD }, "198.51.100.1");
    expect(calls.hash).toBe(1);
    await expect(
      confirmPasswordReset({ token: reset.token, password: PASSWORD }, "198.51.100.1"),
    ).rejects.toMatchObject({ code: "validation_failed" });
    expect(calls.hash).toBe(1);
  });

  it(`answers one confirm past ${RESET_CONFIRMS_PER_ADDRESS} from one address with 429 and Retry-After; another address still gets 400`, async () => {
    const address = "203.0.113.77";
    const context = { params: Promise.resolve({}) };
    const statuses: number[] = [];
    for (let i = 0; i < RESET_CONFIRMS_PER_ADDRESS; i++) {
      statuses.push((await POST(confirmRequest(address), context)).status);
    }
    expect(new Set(statuses)).toEqual(new Set([400]));
    const refused = await POST(confirmRequest(address), context);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("rate_limited");
    // A right token from the throttled address is refused too: the count comes first.
    const user = await newUser();
    const reset = (await createPasswordReset(user.email))!;
    calls.hash = 0;
    expect((await POST(confirmRequest(address, reset.token), context)).status).toBe(429);
    expect((await POST(confirmRequest("203.0.113.78", reset.token), context)).status).toBe(200);
    expect(calls.hash).toBe(1);
  });
});
