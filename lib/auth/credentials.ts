import "server-only";
import { trustedDeviceFor } from "@/lib/auth/device-cookie";
import { throttlePasswordCheck } from "@/lib/auth/login-throttle";
import { requirePasswordLogin } from "@/lib/auth/password-login";
import { checkSecondFactor } from "@/lib/auth/second-factor";
import { verifyCredentials, type SessionUser } from "@/lib/data/users";
import { AppError, isAppError } from "@/lib/errors/app-error";
import { credentialsSchema } from "@/lib/validation/auth";
import { parseInput } from "@/lib/validation/parse";

/** Where a password check comes from: the client's address, device cookie and browser, if any. */
export type ClientContext = {
  address: string;
  deviceCookie?: string | null;
  userAgent?: string | null;
};

/**
 * A check that failed because the password or a two-factor code was wrong:
 * the only kind the throttle keeps, so codes cannot be guessed faster than
 * passwords. A missing code (totp_required) is the form's first step, not a guess.
 */
export function isWrongPassword(error: unknown): boolean {
  if (!isAppError(error)) return false;
  if (error.code === "unauthorized" || error.code === "totp_invalid") return true;
  return Object.values(error.fields ?? {}).some(
    (keys) => keys.includes("password_wrong") || keys.includes("totp_invalid"),
  );
}

/**
 * The one credential check behind the login form and the token endpoint.
 * Input that fails validation is refused before any counter moves; a wrong
 * password and an unknown email get the same error. With two-factor on, the
 * password and the code (`totp`) are one attempt under the throttle; `now`
 * is the clock the code is checked against (tests pass their own). `passkey`
 * is the sign-in form's other answer to the second step (the token endpoint
 * has none: a script cannot touch an authenticator).
 */
export async function checkCredentials(
  input: unknown,
  client: ClientContext,
  now = new Date(),
  passkey?: unknown,
): Promise<SessionUser> {
  requirePasswordLogin();
  const { totp } = parseInput(credentialsSchema, input);
  return afterPasswordStep(input, client, async (user) => {
    await checkSecondFactor(user, totp, now, passkey);
    return user;
  });
}

/**
 * The password step alone, as a sign-in counts it, then `next` for its
 * user: starting a passkey second factor (lib/services/passkey-second-factor.ts).
 * A refusal of `next` that is not a wrong password gives the point back.
 */
export async function afterPasswordStep<T>(
  input: unknown,
  client: ClientContext,
  next: (user: SessionUser) => Promise<T>,
): Promise<T> {
  const { email, password } = parseInput(credentialsSchema, input);
  const attempt = {
    email,
    address: client.address,
    trustedDevice: trustedDeviceFor(client.deviceCookie, email),
    kind: "sign-in" as const,
  };
  return throttlePasswordCheck(
    attempt,
    async () => {
      const user = await verifyCredentials(email, password);
      if (!user) throw new AppError("unauthorized", "Email or password is incorrect.");
      return next(user);
    },
    isWrongPassword,
  );
}

/**
 * A signed-in user's current-password check (changing the password, deleting
 * the account, creating an API token) under the same throttle as signing in:
 * a stolen session cannot guess the password any faster than a stranger.
 */
export async function withCurrentPasswordCheck<T>(
  user: Pick<SessionUser, "email">,
  client: ClientContext,
  run: () => Promise<T>,
): Promise<T> {
  const attempt = {
    email: user.email,
    address: client.address,
    trustedDevice: trustedDeviceFor(client.deviceCookie, user.email),
    kind: "current-password" as const,
  };
  return throttlePasswordCheck(attempt, run, isWrongPassword);
}
