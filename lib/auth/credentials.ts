import "server-only";
import { verifyCredentials, type SessionUser } from "@/lib/data/users";
import { AppError } from "@/lib/errors/app-error";
import {
  assertLoginAllowed,
  recordLoginFailure,
  recordLoginSuccess,
} from "@/lib/auth/login-throttle";
import { credentialsSchema } from "@/lib/validation/auth";
import { parseInput } from "@/lib/validation/parse";

/**
 * The one credential check behind the login form and the token endpoint.
 * Input that fails validation is refused before any counter moves; a wrong
 * password and an unknown email get the same error.
 */
export async function checkCredentials(input: unknown, address: string): Promise<SessionUser> {
  const { email, password } = parseInput(credentialsSchema, input);
  await assertLoginAllowed(email, address);
  const user = await verifyCredentials(email, password);
  if (!user) {
    await recordLoginFailure(email, address);
    throw new AppError("unauthorized", "Email or password is incorrect.");
  }
  await recordLoginSuccess(email, address);
  return user;
}
