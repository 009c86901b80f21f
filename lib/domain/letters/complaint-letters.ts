// The letters past the bank: the final notice to the provider, and the
// texts for a CFPB, FCC or state attorney general complaint. Where to file
// is said in words with only the addresses read on LETTER_SOURCES' pages
// (./sources.ts, 2026-12-06); an agency's mailing address is never guessed.
import type { Locale } from "../locales";
import { complaintText, letterText } from "./compose";
import type { LetterFacts, Shown } from "./letter-facts";

function merchantOf(s: Shown): string {
  return s.provider.split(" (")[0]!;
}

function story(facts: LetterFacts, s: Shown, lang: Locale): string[] {
  const en = lang === "en";
  const merchant = merchantOf(s);
  const account = s.providerAccount
    ? en
      ? ` (account ${s.providerAccount})`
      : `（账户 ${s.providerAccount}）`
    : "";
  const how = s.how ? (en ? ` ${s.how}` : `（${s.how}）`) : "";
  return en
    ? [
        `I cancelled my ${s.provider} subscription${account}${how}. ${merchant} confirmed the cancellation on ${s.confirmedOn}, confirmation number ${s.confirmation}.`,
        `After the cancellation, ${merchant} charged me again:`,
        s.charges.join("\n"),
      ]
    : [
        `我已取消 ${s.provider} 的订阅${account}${how}。${merchant} 于 ${s.confirmedOn} 确认取消，确认号 ${s.confirmation}。`,
        `取消之后，${merchant} 仍向我扣款：`,
        s.charges.join("\n"),
      ];
}

export function merchantFinalNotice(facts: LetterFacts, s: Shown, lang: Locale): string {
  const en = lang === "en";
  const merchant = merchantOf(s);
  const total = s.total ?? (en ? "the amount of these charges" : "上述扣款金额");
  return letterText(
    s,
    lang,
    [merchant],
    {
      subject: en
        ? "Re: Final notice: stop charging me and refund"
        : "事由：最后通知：停止扣款并退款",
      paragraphs: [
        ...story(facts, s, lang),
        en
          ? `These charges are not authorized. Stop charging me, refund ${total} to the payment method you charged, and confirm in writing that my account is closed.`
          : `上述扣款未经授权。请停止扣款，将 ${total} 退回原支付方式，并书面确认我的账户已关闭。`,
        en
          ? "If the refund does not arrive, I will dispute the charges with my bank or card issuer and file complaints with the Consumer Financial Protection Bureau and my state attorney general."
          : "如未收到退款，我将向银行或发卡机构提出争议，并向消费者金融保护局（CFPB）及我所在州的总检察长投诉。",
      ],
    },
    null,
  );
}

export function cfpbComplaint(facts: LetterFacts, s: Shown, lang: Locale): string {
  const en = lang === "en";
  const merchant = merchantOf(s);
  const law = facts.accountKind === "credit_card" ? "the Fair Credit Billing Act" : "Regulation E";
  const lawZh = facts.accountKind === "credit_card" ? "《公平信用账单法》" : "E 条例";
  return complaintText(s, lang, {
    subject: en
      ? `Complaint about ${s.issuerName}: charges from ${merchant} after cancellation`
      : `关于 ${s.issuerName} 的投诉：${merchant} 在取消后的扣款`,
    paragraphs: [
      ...story(facts, s, lang),
      en
        ? `The charges were posted to my account ending in ${s.last4} at ${s.issuerName}. I disputed them with ${s.issuerName} under ${law} on [date you disputed], and [what the bank answered].`
        : `上述扣款记入我在 ${s.issuerName} 尾号 ${s.last4} 的账户。我已于 [提出争议的日期] 根据${lawZh}向 ${s.issuerName} 提出争议，银行的答复是 [银行的答复]。`,
      en
        ? `A fair resolution: ${s.issuerName} credits ${s.total ?? "the amount of these charges"} and blocks further charges from ${merchant}.`
        : `合理的解决方式：${s.issuerName} 退还 ${s.total ?? "上述扣款金额"}，并阻止 ${merchant} 今后的扣款。`,
    ],
  });
}

export function fccComplaint(facts: LetterFacts, s: Shown, lang: Locale): string {
  const en = lang === "en";
  const merchant = merchantOf(s);
  return complaintText(s, lang, {
    subject: en
      ? `Billing complaint about ${merchant}: charges after cancellation`
      : `关于 ${merchant} 的账单投诉：取消后的扣款`,
    paragraphs: [
      ...story(facts, s, lang),
      en
        ? `I contacted ${merchant} to stop the charges; they continued. I ask for a refund of ${s.total ?? "these charges"}, written confirmation that the service is cancelled, and no further charges.`
        : `我曾联系 ${merchant} 要求停止扣款，但扣款仍在继续。我要求退还 ${s.total ?? "上述扣款"}，书面确认服务已取消，并不再扣款。`,
    ],
  });
}

export function stateAgComplaint(facts: LetterFacts, s: Shown, lang: Locale): string {
  const en = lang === "en";
  const merchant = merchantOf(s);
  return complaintText(s, lang, {
    subject: en
      ? `Consumer complaint to the Attorney General of ${s.state}: ${merchant} charged after cancellation`
      : `致 ${s.state} 总检察长的消费者投诉：${merchant} 在取消后仍扣款`,
    paragraphs: [
      en ? `Business: ${merchant}` : `被投诉商家：${merchant}`,
      ...story(facts, s, lang),
      en
        ? `I asked ${merchant} to stop charging me and to refund the charges. I ask your office to help me obtain a refund of ${s.total ?? "these charges"} and written confirmation that the subscription is cancelled. Copies of the cancellation record and my statements are available.`
        : `我已要求 ${merchant} 停止扣款并退款。请贵办公室协助我取得 ${s.total ?? "上述扣款"} 的退款，以及订阅已取消的书面确认。取消记录和账单副本可随时提供。`,
    ],
  });
}
