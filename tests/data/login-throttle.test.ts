import { describe, expect, it } from "vitest";
import { registerUser } from "@/lib/data/users";
import { checkCredentials } from "@/lib/auth/credentials";
import { registerAccount } from "@/lib/services/register-account";

const password = "throttled but not locked out";

describe("credential checks and throttling", () => {
  it("refuses the 11th wrong password from one address, while the owner can sign in from another", async () => {
    const { email } = await registerUser({ email: "throttle@example.com", password });
    for (let i = 0; i < 10; i++) {
      await expect(
        checkCredentials({ email, password: `wrong ${i}` }, { address: "198.51.100.1" }),
      ).rejects.toMatchObject({
        code: "unauthorized",
      });
    }
    const refused = checkCredentials({ email, password }, { address: "198.51.100.1" });
    await expect(refused).rejects.toMatchObject({ code: "rate_limited" });
    await refused.catch((error) => expect(error.retryAfterSeconds).toBeGreaterThan(0));

    const user = await checkCredentials({ email, password }, { address: "203.0.113.50" });
    expect(user.email).toBe(email);
  });

  it("does not count requests that fail validation before any credential check", async () => {
    const { email } = await registerUser({ email: "validation@example.com", password });
    for (let i = 0; i < 15; i++) {
      await expect(
        checkCredentials({ email: "not-an-email", password: "x" }, { address: "192.0.2.44" }),
      ).rejects.toMatchObject({
        code: "validation_failed",
      });
    }
    expect((await checkCredentials({ email, password }, { address: "192.0.2.44" })).email).toBe(
      email,
    );
  });

  it("treats an unknown email like a wrong password", async () => {
    await expect(
      checkCredentials({ email: "ghost@example.com", password }, { address: "192.0.2.45" }),
    ).rejects.toMatchObject({
      code: "unauthorized",
      message: "Email or password is incorrect.",
    });
  });

  it("allows 30 sign-ups per address per hour", async () => {
    for (let i = 0; i < 30; i++) {
      await registerAccount({ email: `signup${i}@example.com`, password }, "192.0.2.99");
    }
    await expect(
      registerAccount({ email: "signup31@example.com", password }, "192.0.2.99"),
    ).rejects.toMatchObject({
      code: "rate_limited",
    });
    await registerAccount({ email: "elsewhere@example.com", password }, "192.0.2.100");
  });

  it("closes sign-up when ALLOW_REGISTRATION is false", async () => {
    process.env.ALLOW_REGISTRATION = "false";
    try {
      await expect(
        registerAccount({ email: "closed@example.com", password }, "192.0.2.101"),
      ).rejects.toMatchObject({
        code: "registration_closed",
      });
    } finally {
      delete process.env.ALLOW_REGISTRATION;
    }
  });
});
