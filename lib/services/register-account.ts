import "server-only";
import { allowRegistration } from "@/lib/config";
import { registerUser } from "@/lib/data/users";
import { sendSignupVerification } from "@/lib/services/email-verification";
import { AppError } from "@/lib/errors/app-error";
import { consumeSignup } from "@/lib/auth/login-throttle";
import { requirePasswordLogin } from "@/lib/auth/password-login";
import { registerSchema } from "@/lib/validation/auth";
import { parseInput } from "@/lib/validation/parse";

/**
 * The one sign-up behind the register form and the API: closed when the
 * operator says so, validated before the per-address counter moves.
 */
export async function registerAccount(
  input: unknown,
  address: string,
): Promise<{ id: string; email: string }> {
  requirePasswordLogin();
  if (!allowRegistration()) {
    throw new AppError("registration_closed", "Registration is closed on this server.");
  }
  const data = parseInput(registerSchema, input);
  await consumeSignup(address);
  const account = await registerUser(data);
  // After the commit and in the background: the answer never waits on SMTP.
  void sendSignupVerification(account);
  return account;
}
