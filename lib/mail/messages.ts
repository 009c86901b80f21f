import "server-only";
import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/domain/locales";
import type { OutgoingMail } from "./transport";

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A plain, readable HTML part: the same words as the text part, one button. */
function html(paragraphs: string[], action: { label: string; url: string }, footer: string) {
  const body = paragraphs.map((p) => `<p style="margin:0 0 16px">${escapeHtml(p)}</p>`).join("");
  return `<!doctype html><html><body style="margin:0;padding:24px;background:#f8fafc;font-family:system-ui,-apple-system,'PingFang SC','Microsoft YaHei',sans-serif;color:#0f172a"><div style="max-width:520px;margin:0 auto;background:#fff;border:1px solid #e2e8f0;border-radius:16px;padding:24px"><p style="margin:0 0 16px;font-weight:700;color:#4f46e5">CancelCase</p>${body}<p style="margin:24px 0"><a href="${escapeHtml(action.url)}" style="display:inline-block;background:#4f46e5;color:#fff;text-decoration:none;padding:10px 16px;border-radius:8px;font-weight:600">${escapeHtml(action.label)}</a></p><p style="margin:0;font-size:12px;color:#64748b">${escapeHtml(footer)}</p></div></body></html>`;
}

/** The password-reset mail, in the account's language. */
export async function passwordResetMail(input: {
  to: string;
  name: string;
  locale: Locale;
  url: string;
  minutes: number;
}): Promise<OutgoingMail> {
  const t = await getTranslations({ locale: input.locale, namespace: "mail" });
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
