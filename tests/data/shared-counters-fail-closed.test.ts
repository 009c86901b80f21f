import { describe, expect, it, vi } from "vitest";
import { checkCredentials } from "@/lib/auth/credentials";
import { registerAccount } from "@/lib/services/register-account";
import { registerUser } from "@/lib/data/users";

// A store that does not answer (the database is down or the table missing)
// refuses the work it limits: nothing is counted, so nothing may pass.
vi.mock("@/lib/data/system/counters", () => {
  const down = () => Promise.reject(new Error("the database did not answer"));
  return {
    addToCounter: down,
    setCounter: down,
    readCounter: down,
    deleteCounter: down,
    deleteExpiredCounters: down,
  };
});

const password = "the store is down today";

describe("shared counters fail closed", () => {
  it("makes no account when the sign-up throttle cannot count", async () => {
    const attempt = registerAccount({ email: "no-store@example.com", password }, "192.0.2.7");
    await expect(attempt).rejects.toThrow("the database did not answer");
    // No account was made: the data layer (which counts nothing) still takes the email.
    await expect(registerUser({ email: "no-store@example.com", password })).resolves.toMatchObject({
      email: "no-store@example.com",
    });
  });

  it("checks no password when the login throttle cannot count", async () => {
    const { email } = await registerUser({ email: "closed@example.com", password });
    const attempt = checkCredentials({ email, password }, { address: "192.0.2.8" });
    await expect(attempt).rejects.toThrow("the database did not answer");
  });
});
