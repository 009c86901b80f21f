import "server-only";
import { baseUrl } from "@/lib/config";
import { noticeRecipientOf, type RecordedSecurityEvent } from "@/lib/data/security-events";
import { deservesNotice } from "@/lib/domain/security-events";
import { securityDevice } from "@/lib/domain/security-device";
import { translator } from "@/lib/i18n/catalogs";
import { securityNoticeMail } from "@/lib/mail/messages";
import { mailConfigured, sendMail, type OutgoingMail } from "@/lib/mail/transport";

// The email that goes with a security event: what happened, when in the
// account's own zone, from which browser, and what to do if it was not them.
// It is sent after the change has committed and never fails it: a mail
// server that is down costs a line in the log, not the new password.

/** The notice for `event`, or null when none is due (a routine kind, no mail set up, no account). */
export async function securityNotice(event: RecordedSecurityEvent): Promise<OutgoingMail | null> {
  if (!mailConfigured() || !deservesNotice(event.kind, event.firstEvent)) return null;
  const user = await noticeRecipientOf({ id: event.userId });
  if (!user) return null;
  // A changed address: the old one is told, since whoever changed it reads the new one.
  const to = event.kind === "email_changed" ? event.detail : user.email;
  if (!to) return null;
  const t = await translator(user.locale, "securityLog");
  const date = new Intl.DateTimeFormat(user.locale, {
    dateStyle: "full",
    timeStyle: "short",
    timeZone: user.timeZone,
  }).format(event.at);
  const device = securityDevice(event.userAgent, t);
  return securityNoticeMail({
    to,
    name: user.name,
    locale: user.locale,
    subject: t(`mail.subject.${event.kind}`),
    lines: [
      t(`mail.what.${event.kind}`, { detail: event.detail ?? "" }),
      `${t("mail.when", { date, timeZone: user.timeZone })}\n${t("mail.browser", { device })}`,
      t("mail.notYou"),
    ],
    action: { label: t("mail.action"), url: `${baseUrl()}/settings#security` },
    footer: t("mail.footer"),
  });
}

/** Sends the notice of `event`, if one is due; resolves false (and logs) when it could not go. */
export async function sendSecurityNotice(event: RecordedSecurityEvent): Promise<boolean> {
  try {
    const mail = await securityNotice(event);
    if (!mail) return false;
    await sendMail(mail);
    return true;
  } catch (error) {
    console.error(`The security notice (${event.kind}) could not be sent`, error);
    return false;
  }
}

/** After the change's commit: the notice goes out in the background, never holding up the answer. */
export function announceSecurityEvent(event: RecordedSecurityEvent | null): void {
  if (event) void sendSecurityNotice(event);
}
