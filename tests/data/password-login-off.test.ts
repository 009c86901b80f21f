import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { checkCredentials } from "@/lib/auth/credentials";
import { createApiTokenForCredentials } from "@/lib/services/create-api-token";
import { registerAccount } from "@/lib/services/register-account";
import { confirmPasswordReset, requestPasswordReset } from "@/lib/services/reset-password";
import { POST as tokenRoute } from "@/app/api/v1/auth/token/route";
import { newUser } from "../support/fixtures";

// PASSWORD_LOGIN=false (issue 35): single sign-on only. Every way a password
// signs in or is set from outside answers 403 password_login_off, even with
// the right password; with the setting on, the same calls work.
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined }),
  headers: async () => new Headers(),
}));

const PASSWORD = "correct horse battery staple";
const client = { address: "198.51.100.7" };

beforeEach(() => {
  // PASSWORD_LOGIN=false needs a provider (lib/config/oidc-settings.mjs); never called here.
  vi.stubEnv("OIDC_ISSUER", "https://sso.example.org");
  vi.stubEnv("OIDC_CLIENT_ID", "cancelcase");
  vi.stubEnv("PASSWORD_LOGIN", "false");
  vi.stubEnv("BASE_URL", "http://localhost:3996");
});

afterEach(() => vi.unstubAllEnvs());

const refused = { code: "password_login_off", status: 403 };

describe("PASSWORD_LOGIN=false", () => {
  it("refuses the right password at sign-in and for a token, by the form and the API", async () => {
    const user = await newUser({ password: PASSWORD });
    const credentials = { email: user.email, password: PASSWORD };
    await expect(checkCredentials(credentials, client)).rejects.toMatchObject(refused);
    await expect(
      createApiTokenForCredentials({ ...credentials, expiresInDays: 30 }, client),
    ).rejects.toMatchObject(refused);

    const answer = await tokenRoute(
      new Request("http://localhost/api/v1/auth/token", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(credentials),
      }) as never,
      { params: Promise.resolve({}) } as never,
    );
    expect(answer.status).toBe(403);
    expect((await answer.json()).error.code).toBe("password_login_off");

    vi.stubEnv("PASSWORD_LOGIN", "true");
    await expect(checkCredentials(credentials, client)).resolves.toMatchObject({ id: user.id });
  });

  it("refuses sign-up and both halves of a password reset", async () => {
    await expect(
      registerAccount({ email: "new@example.org", password: PASSWORD }, client.address),
    ).rejects.toMatchObject(refused);
    await expect(
      requestPasswordReset({ email: "new@example.org" }, client.address),
    ).rejects.toMatchObject(refused);
    await expect(
      confirmPasswordReset({ token: "rst_x", password: PASSWORD }, client.address),
    ).rejects.toMatchObject(refused);
  });
});
