import "server-only";
import { translator } from "@/lib/i18n/catalogs";
import type { Locale } from "@/lib/domain/locales";
import { html, SECURITY_NOTICE_HEADER } from "./messages";
import type { OutgoingMail } from "./transport";

/** The mail with a verification or change link, in the account's language. */
export async function emailLinkMail(input: {
  purpose: "verify" | "change";
  to: string;
  name: string;
  locale: Locale;
  url: string;
  hours: number;
}): Promise<OutgoingMail> {
  const t = await translator(input.locale, "emailVerification");
  const greeting = input.name ? t("mail.greeting", { name: input.name }) : t("mail.greetingNoName");
  const lines = [
    greeting,
    t(`mail.${input.purpose}.body`, { hours: input.hours, email: input.to }),
  ];
  const footer = t(`mail.${input.purpose}.footer`);
  return {
    to: input.to,
    subject: t(`mail.${input.purpose}.subject`),
    text: `${lines.join("\n\n")}\n\n${input.url}\n\n${footer}\n`,
    html: html(lines, { label: t(`mail.${input.purpose}.action`), url: input.url }, footer),
    // Account mail, not a reminder: the same mark as security notices, so a
    // mailbox rule (or a test that counts reminders) tells them apart.
    headers: { [SECURITY_NOTICE_HEADER]: "email-link" },
  };
}
