import { expect, test } from "@playwright/test";
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { logIn, PASSWORD, ready, register } from "./helpers";

// The operator's way back into an account when the instance sends no email.
const run = promisify(execFile);

function resetPassword(email: string) {
  return run(process.execPath, ["scripts/reset-password.mjs", email], {
    env: { ...process.env, DATA_DIR: path.resolve("test-data/e2e"), DATABASE_URL: "" },
  }).then(
    ({ stdout, stderr }) => ({ code: 0, out: stdout + stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({
      code: error.code,
      out: error.stdout + error.stderr,
    }),
  );
}

test("npm run reset-password sets a new password once and ends every session and token", async ({
  page,
  request,
}) => {
  const email = await register(page);
  const issued = await request.post("/api/v1/auth/token", { data: { email, password: PASSWORD } });
  const { token } = await issued.json();
  const auth = { Authorization: `Bearer ${token}` };
  expect((await request.get("/api/v1/me", { headers: auth })).status()).toBe(200);

  const reset = await resetPassword(email.toUpperCase());
  expect(reset.code, reset.out).toBe(0);
  const password = /\n\s+([a-z2-9]{5}(?:-[a-z2-9]{5}){3})\n/.exec(reset.out)?.[1];
  expect(password, reset.out).toBeTruthy();

  // The browser that was signed in is signed out; the token is dead.
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login/);
  expect((await request.get("/api/v1/me", { headers: auth })).status()).toBe(401);

  // The old password no longer works; the new one does.
  await logIn(page, email, PASSWORD);
  await expect(page.getByTestId("login-error")).toBeVisible();
  await logIn(page, email, password!);
  await expect(page).toHaveURL(/\/dashboard$/);
  await ready(page);

  const unknown = await resetPassword("nobody-here@example.com");
  expect(unknown.code).toBe(1);
  expect(unknown.out).toContain("no account has the email");
});
