import "server-only";
import { translator } from "@/lib/i18n/catalogs";
import type { Locale } from "@/lib/domain/locales";
import type { OutgoingMail } from "./transport";

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const BUTTON =
  "display:inline-block;background:#4f46e5;color:#fff;text-decoration:none;padding:10px 16px;border-radius:8px;font-weight:600";

/** The frame every message shares: the app's name, a white card, a small footer. */
function layout(body: string, footer: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"></head><body style="margin:0;padding:24px 12px;background:#f8fafc;font-family:system-ui,-apple-system,'PingFang SC','Microsoft YaHei',sans-serif;color:#0f172a;line-height:1.5"><div style="max-width:520px;margin:0 auto;background:#fff;border:1px solid #e2e8f0;border-radius:16px;padding:24px"><p style="margin:0 0 16px;font-weight:700;color:#4f46e5">CancelCase</p>${body}<p style="margin:24px 0 0;font-size:12px;color:#64748b">${footer}</p></div></body></html>`;
}

const paragraph = (text: string) => `<p style="margin:0 0 16px">${escapeHtml(text)}</p>`;

/** A plain, readable HTML part: the same words as the text part, one button. */
export function html(paragraphs: string[], action: { label: string; url: string }, footer: string) {
  const button = `<p style="margin:24px 0"><a href="${escapeHtml(action.url)}" style="${BUTTON}">${escapeHtml(action.label)}</a></p>`;
  return layout(paragraphs.map(paragraph).join("") + button, escapeHtml(footer));
}

/** The password-reset mail, in the account's language. */
export async function passwordResetMail(input: {
  to: string;
  name: string;
  locale: Locale;
  url: string;
  minutes: number;
}): Promise<OutgoingMail> {
  const t = await translator(input.locale, "mail");
  const greeting = input.name ? t("greeting", { name: input.name }) : t("greetingNoName");
  const lines = [greeting, t("resetBody", { minutes: input.minutes })];
  const footer = t("resetFooter");
  return {
    to: input.to,
    subject: t("resetSubject"),
    text: `${lines.join("\n\n")}\n\n${input.url}\n\n${footer}\n`,
    html: html(lines, { label: t("resetAction"), url: input.url }, footer),
  };
}

/** Settings → Notifications' test: says the channel works, in the account's language. */
export async function testMail(input: {
  to: string;
  name: string;
  locale: Locale;
  url: string;
}): Promise<OutgoingMail> {
  const t = await translator(input.locale, "mail");
  const greeting = input.name ? t("greeting", { name: input.name }) : t("greetingNoName");
  const lines = [greeting, t("testBody")];
  const footer = t("testFooter");
  return {
    to: input.to,
    subject: t("testSubject"),
    text: `${lines.join("\n\n")}\n\n${input.url}\n\n${footer}\n`,
    html: html(lines, { label: t("testAction"), url: input.url }, footer),
  };
}

/**
 * A reminder email's words, written by lib/notifications/text.ts (mail only
 * lays them out, so it never imports the reminder machine).
 */
export type ReminderMailText = {
  subject: string;
  intro: string;
  /** In digest order: each reminder's sentence and the button to its case or subscription. */
  items: { line: string; url: string; label: string }[];
  footer: string;
  /** The body's unsubscribe link's label, and the text part's sentence that holds its address. */
  unsubscribeLabel: string;
  unsubscribeAt: string;
};

/**
 * Reminders in one message (a digest, or a single one), each with a link to
 * its case, and the one-click unsubscribe of RFC 8058: List-Unsubscribe
 * (the POST endpoint mail clients call) and a link to a page in the body.
 */
export async function reminderMail(input: {
  to: string;
  name: string;
  locale: Locale;
  words: ReminderMailText;
  unsubscribe: { oneClickUrl: string; pageUrl: string };
}): Promise<OutgoingMail> {
  const tm = await translator(input.locale, "mail");
  const { words } = input;
  const greeting = input.name ? tm("greeting", { name: input.name }) : tm("greetingNoName");
  const text = [
    greeting,
    words.intro,
    ...words.items.map((item) => `- ${item.line}\n  ${item.url}`),
    `${words.footer}\n${words.unsubscribeAt}`,
  ].join("\n\n");
  const blocks = words.items
    .map(
      (item) =>
        `<div style="margin:0 0 16px;padding:12px 14px;border:1px solid #e2e8f0;border-radius:12px"><p style="margin:0 0 8px">${escapeHtml(item.line)}</p><a href="${escapeHtml(item.url)}" style="color:#4f46e5;font-weight:600">${escapeHtml(item.label)}</a></div>`,
    )
    .join("");
  const footer = `${escapeHtml(words.footer)}<br><a href="${escapeHtml(input.unsubscribe.pageUrl)}" style="color:#64748b">${escapeHtml(words.unsubscribeLabel)}</a>`;
  return {
    to: input.to,
    subject: words.subject,
    text: `${text}\n`,
    html: layout(paragraph(greeting) + paragraph(words.intro) + blocks, footer),
    headers: {
      "List-Unsubscribe": `<${input.unsubscribe.oneClickUrl}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
  };
}

/** Marks a security notice, so a mailbox rule (or a test) can tell it from reminders. */
export const SECURITY_NOTICE_HEADER = "X-CancelCase-Notice";

/** A security notice (lib/notifications/security-notices.ts wrote its words in the account's language). */
export async function securityNoticeMail(input: {
  to: string;
  name: string;
  locale: Locale;
  subject: string;
  lines: string[];
  action: { label: string; url: string };
  footer: string;
}): Promise<OutgoingMail> {
  const t = await translator(input.locale, "mail");
  const greeting = input.name ? t("greeting", { name: input.name }) : t("greetingNoName");
  const lines = [greeting, ...input.lines];
  return {
    to: input.to,
    subject: input.subject,
    text: `${lines.join("\n\n")}\n\n${input.action.url}\n\n${input.footer}\n`,
    html: html(lines, input.action, input.footer),
    headers: { [SECURITY_NOTICE_HEADER]: "security-event" },
  };
}
