import "server-only";
import { baseUrl } from "@/lib/config";
import {
  completePasswordReset,
  createPasswordReset,
  RESET_LIFETIME_MINUTES,
} from "@/lib/data/password-resets";
import { passwordResetMail } from "@/lib/mail/messages";
import { announceSecurityEvent } from "@/lib/notifications/security-notices";
import { mailConfigured, sendMail } from "@/lib/mail/transport";
import { passwordResetConfirmSchema, passwordResetRequestSchema } from "@/lib/validation/auth";
import { parseInput } from "@/lib/validation/parse";
import { consumePasswordReset, consumeResetConfirm } from "@/lib/auth/login-throttle";
import { requirePasswordLogin } from "@/lib/auth/password-login";

/**
 * "Forgot my password": the same answer, in the same time, whether or not
 * the address has an account. The mail (when there is one to send) goes out
 * after the answer, so its SMTP round trip does not show in the timing.
 */
export async function requestPasswordReset(input: unknown, address: string): Promise<void> {
  requirePasswordLogin();
  const { email } = parseInput(passwordResetRequestSchema, input);
  await consumePasswordReset(email, address);
  if (!mailConfigured()) return;
  const reset = await createPasswordReset(email);
  if (!reset) return;
  const mail = await passwordResetMail({
    to: reset.email,
    name: reset.name,
    locale: reset.locale,
    url: `${baseUrl()}/reset-password?token=${reset.token}`,
    minutes: RESET_LIFETIME_MINUTES,
  });
  void sendMail(mail).catch((error: unknown) => {
    console.error("The password-reset mail could not be sent", error);
  });
}

/**
 * Sets the new password with a reset link's token: once, within 30 minutes.
 * Counted per client address before the token is looked up (a well-formed
 * guess costs a read; a stream of them is a 429).
 */
export async function confirmPasswordReset(
  input: unknown,
  address: string,
  userAgent?: string | null,
): Promise<void> {
  requirePasswordLogin();
  const { token, password } = parseInput(passwordResetConfirmSchema, input);
  await consumeResetConfirm(address);
  announceSecurityEvent(await completePasswordReset(token, password, new Date(), { userAgent }));
}
