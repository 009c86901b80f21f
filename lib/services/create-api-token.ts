import "server-only";
import {
  checkCredentials,
  withCurrentPasswordCheck,
  type ClientContext,
} from "@/lib/auth/credentials";
import { createApiToken } from "@/lib/data/api-tokens";
import { announceSecurityEvent } from "@/lib/notifications/security-notices";
import { verifyCurrentPassword, type SessionUser } from "@/lib/data/users";
import type { CreateTokenInput, TokenRequest } from "@/lib/validation/auth";

// A new API token, whose plain value is shown once: asked for in Settings by
// a signed-in user, who gives their current password again, or at POST
// /api/v1/auth/token with the account's email and password. Either check
// runs under the sign-in throttle (lib/auth/credentials.ts): a token is no
// faster way to guess a password than the login form.

/** Settings → API tokens: the current password, then the token. */
export async function createApiTokenForUser(
  user: SessionUser,
  input: CreateTokenInput,
  client: ClientContext,
): Promise<string> {
  const { token, event } = await withCurrentPasswordCheck(user, client, async () => {
    await verifyCurrentPassword(user, input.currentPassword, "currentPassword");
    return createApiToken(user, input.name, input.expiresInDays, client);
  });
  announceSecurityEvent(event);
  return token;
}

/** POST /api/v1/auth/token: the login's credential check (with its two-factor code), then the token. */
export async function createApiTokenForCredentials(
  input: TokenRequest,
  client: ClientContext,
  now = new Date(),
): Promise<string> {
  const user = await checkCredentials(input, client, now);
  const { token, event } = await createApiToken(
    user,
    input.name ?? "API token",
    input.expiresInDays,
    client,
  );
  announceSecurityEvent(event);
  return token;
}
