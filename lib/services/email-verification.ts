import "server-only";
import { consumeResetConfirm } from "@/lib/auth/login-throttle";
import { withCurrentPasswordCheck, type ClientContext } from "@/lib/auth/credentials";
import { baseUrl } from "@/lib/config";
import {
  confirmEmailToken,
  createEmailToken,
  EMAIL_LINK_LIFETIME_HOURS,
  type EmailLink,
  type EmailLinkOutcome,
  type EmailTokenPurpose,
} from "@/lib/data/email-tokens";
import { verifyCurrentPassword, type Actor } from "@/lib/data/users";
import { AppError } from "@/lib/errors/app-error";
import { emailLinkMail } from "@/lib/mail/email-link-mail";
import { mailConfigured, sendMail } from "@/lib/mail/transport";
import { announceSecurityEvent } from "@/lib/notifications/security-notices";
import { consumeOrRefuse, sharedLimiter } from "@/lib/shared-counters/shared";
import { emailChangeSchema, emailLinkSchema } from "@/lib/validation/email-change";
import { parseInput } from "@/lib/validation/parse";

// Verified email (issue 35): links go out only when SMTP is configured; an
// instance without mail has nothing to verify with, so nothing is asked.

/** Links a user may ask for per hour (resend or change): a person needs one or two. */
export const EMAIL_LINKS_PER_HOUR = 5;

const store = globalThis as unknown as {
  cancelCaseEmailLinks?: ReturnType<typeof sharedLimiter>;
};
const linkLimiter = (store.cancelCaseEmailLinks ??= sharedLimiter({
  keyPrefix: "el",
  points: EMAIL_LINKS_PER_HOUR,
  duration: 60 * 60,
}));

async function consumeEmailLink(userId: string): Promise<void> {
  await consumeOrRefuse(linkLimiter, userId, "Too many email links. Try again later.");
}

async function mailLink(purpose: EmailTokenPurpose, link: EmailLink): Promise<void> {
  const mail = await emailLinkMail({
    purpose,
    to: link.to,
    name: link.name,
    locale: link.locale,
    url: `${baseUrl()}/verify-email?token=${link.token}`,
    hours: EMAIL_LINK_LIFETIME_HOURS,
  });
  await sendMail(mail);
}

/**
 * A new account's verification link, after the sign-up has committed: a
 * mail server that is down costs a line in the log (and a "resend" in
 * Settings), never the account.
 */
export async function sendSignupVerification(actor: Actor): Promise<void> {
  if (!mailConfigured()) return;
  try {
    await mailLink("verify", await createEmailToken(actor, "verify"));
  } catch (error) {
    console.error("The verification mail could not be sent", error);
  }
}

/** Settings' "resend": throttled per account; the mail is awaited so a failure shows. */
export async function resendVerification(actor: Actor): Promise<void> {
  if (!mailConfigured()) throw new AppError("conflict", "Email is not set up on this server.");
  await consumeEmailLink(actor.id);
  await mailLink("verify", await createEmailToken(actor, "verify"));
}

/**
 * Asks to move the account to a new address: checked with the current
 * password (under the sign-in throttle), refused when the address is taken,
 * and effective only when the link mailed to it is followed.
 */
export async function requestEmailChange(
  user: Actor & { email: string },
  input: unknown,
  client: ClientContext,
): Promise<void> {
  if (!mailConfigured()) throw new AppError("conflict", "Email is not set up on this server.");
  const { email, currentPassword } = parseInput(emailChangeSchema, input);
  if (email === user.email) {
    throw new AppError("validation_failed", "This is already your email.", {
      fields: { email: ["email_unchanged"] },
    });
  }
  await withCurrentPasswordCheck(user, client, () =>
    verifyCurrentPassword(user, currentPassword, "currentPassword"),
  );
  await consumeEmailLink(user.id);
  await mailLink("change", await createEmailToken(user, "change", email));
}

/** Follows a link; a change's notice goes to the old address after the commit. */
export async function followEmailLink(
  input: unknown,
  client: ClientContext,
): Promise<EmailLinkOutcome> {
  const { token } = parseInput(emailLinkSchema, input);
  // Counted per address like reset links: a person follows one; guessing needs millions.
  await consumeResetConfirm(client.address);
  const outcome = await confirmEmailToken(token, new Date(), { userAgent: client.userAgent });
  announceSecurityEvent(outcome.event);
  return outcome;
}
