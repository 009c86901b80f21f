import "server-only";
import { allowRegistration } from "@/lib/config";
import { registerUser, verifyCredentials, type SessionUser } from "@/lib/data/users";
import { AppError } from "@/lib/errors";
import {
  assertLoginAllowed,
  consumeSignup,
  recordLoginFailure,
  recordLoginSuccess,
} from "@/lib/throttle";
import { credentialsSchema, registerSchema } from "@/lib/validation/auth";
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

export async function registerAccount(
  input: unknown,
  address: string,
): Promise<{ id: string; email: string }> {
  if (!allowRegistration()) {
    throw new AppError("registration_closed", "Registration is closed on this server.");
  }
  const data = parseInput(registerSchema, input);
  await consumeSignup(address);
  return registerUser(data);
}
