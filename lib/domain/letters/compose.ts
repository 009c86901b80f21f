// The frame every letter shares: the sender's block, the addressee, the
// subject, the closing with the legal name. The Chinese version opens by
// saying it is a translation to read and the English one is to send.
import type { Locale } from "../locales";
import type { Shown } from "./letter-facts";

export type LetterBody = { subject: string; paragraphs: string[] };

export const READ_ONLY_NOTE: Record<Locale, string | null> = {
  en: null,
  "zh-CN": "（本中文版本仅供您阅读理解。请寄出或提交英文版本。）",
};

/** A letter on paper: date, sender, addressee, subject, body, signature. */
export function letterText(
  s: Shown,
  lang: Locale,
  to: string[],
  body: LetterBody,
  reference: string | null,
): string {
  const en = lang === "en";
  const blocks = [
    READ_ONLY_NOTE[lang],
    s.today,
    [s.legalName, s.address, s.email].filter(Boolean).join("\n"),
    to.join("\n"),
    body.subject,
    en ? "Dear Sir or Madam," : "尊敬的先生/女士：",
    ...body.paragraphs,
    en ? "Sincerely," : "此致",
    ["______________________", s.legalName, reference].filter(Boolean).join("\n"),
  ];
  return blocks.filter(Boolean).join("\n\n") + "\n";
}

/** A complaint to paste into a form: no letterhead, the facts in order. */
export function complaintText(s: Shown, lang: Locale, body: LetterBody): string {
  const en = lang === "en";
  const contact = en
    ? `Filed by: ${s.legalName}, ${s.address}${s.email ? `, ${s.email}` : ""}`
    : `投诉人：${s.legalName}，${s.address}${s.email ? `，${s.email}` : ""}`;
  return (
    [READ_ONLY_NOTE[lang], body.subject, contact, ...body.paragraphs].filter(Boolean).join("\n\n") +
    "\n"
  );
}
