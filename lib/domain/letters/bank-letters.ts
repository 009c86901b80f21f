// The letters to the card issuer or bank: the FCBA billing-error notice for
// a credit card, the Regulation E notice of error (with the revocation of the
// merchant's authorization) for a debit card or bank account, and the
// revocation on its own. What they say about the law is from LETTER_SOURCES
// (./sources.ts), read 2026-12-06.
import type { Locale } from "../locales";
import { letterText } from "./compose";
import type { LetterFacts, Shown } from "./letter-facts";

function accountWords(facts: LetterFacts, s: Shown, lang: Locale): string {
  const en = lang === "en";
  if (facts.accountKind === "credit_card")
    return en ? `card ending in ${s.last4}` : `尾号 ${s.last4} 的信用卡`;
  if (facts.accountKind === "debit_card")
    return en ? `debit card ending in ${s.last4}` : `尾号 ${s.last4} 的借记卡`;
  return en ? `account ending in ${s.last4}` : `尾号 ${s.last4} 的银行账户`;
}

function issuerBlock(s: Shown, lang: Locale): string[] {
  return [s.issuerName, lang === "en" ? "Billing disputes" : "账单争议部门", s.issuerAddress];
}

function cancelled(s: Shown, lang: Locale): string {
  if (lang === "en") {
    return `I cancelled my ${s.provider} service. ${s.provider.split(" (")[0]} confirmed the cancellation on ${s.confirmedOn}, confirmation number ${s.confirmation}. ${s.count === 1 ? "This charge is" : "These charges are"} for a period after the cancellation; I did not agree to ${s.count === 1 ? "it" : "them"}.`;
  }
  return `我已取消 ${s.provider} 的服务。商家于 ${s.confirmedOn} 确认取消，确认号 ${s.confirmation}。上述扣款发生在取消之后，我并未同意。`;
}

function inTime(s: Shown, lang: Locale): string | null {
  if (!s.deadline || s.deadline.rule === "network") return null;
  return lang === "en"
    ? `This notice is sent within 60 days of the statement that first showed the charge (by ${s.deadline.on}).`
    : `本通知在首次显示该扣款的账单日起 60 天内发出（截止日 ${s.deadline.on}）。`;
}

export function billingError(facts: LetterFacts, s: Shown, lang: Locale): string {
  const en = lang === "en";
  const account = accountWords(facts, s, lang);
  const paragraphs = en
    ? [
        `I am writing to dispute a billing error on my account, as the Fair Credit Billing Act (15 U.S.C. § 1666; Regulation Z, 12 CFR 1026.13) allows. ${s.count === 1 ? "The following charge was" : "The following charges were"} posted to my ${account} after the service was cancelled:`,
        s.charges.join("\n"),
        cancelled(s, lang),
        `Please correct the billing error: credit my account with ${s.total ?? "the amount of these charges"}, remove any finance or late charges on that amount, and send me a written explanation of your findings. I ask that you acknowledge this notice in writing within 30 days and resolve it within two billing cycles (and no more than 90 days), as the Act requires.`,
        inTime(s, lang),
        "Enclosed are the record of the cancellation and my contact log with the provider.",
      ]
    : [
        `根据《公平信用账单法》（15 U.S.C. § 1666；Z 条例 12 CFR 1026.13），我就账户上的一项账单错误提出争议。以下扣款在服务取消后记入我${account}：`,
        s.charges.join("\n"),
        cancelled(s, lang),
        `请更正此账单错误：向我的账户退还 ${s.total ?? "上述扣款金额"}，撤销与该金额相关的利息或滞纳金，并以书面形式告知调查结果。请按该法要求，在 30 天内书面确认收到本通知，并在两个账单周期内（最多 90 天）处理完毕。`,
        inTime(s, lang),
        "随信附上取消记录及我与商家的联系记录。",
      ];
  return letterText(
    s,
    lang,
    issuerBlock(s, lang),
    {
      subject: en ? `Re: Billing error notice, ${account}` : `事由：账单错误通知，${account}`,
      paragraphs: paragraphs.filter((p): p is string => Boolean(p)),
    },
    en ? `${account[0]!.toUpperCase()}${account.slice(1)}` : account,
  );
}

/** The revocation paragraph: the reg_e_notice carries it, revoke_authorization is built on it. */
function revocation(s: Shown, lang: Locale, account: string): string {
  const merchant = s.provider.split(" (")[0];
  return lang === "en"
    ? `Revocation of authorization: I revoked ${merchant}'s authorization to debit my ${account} when I cancelled the service (confirmed on ${s.confirmedOn}, confirmation number ${s.confirmation}). Please block all future payments to ${merchant} from this account, as Regulation E (12 CFR 1005.10(c) and its official interpretation) requires once you are told the authorization is no longer valid.`
    : `撤销授权：我在取消服务时（于 ${s.confirmedOn} 确认，确认号 ${s.confirmation}）已撤销 ${merchant} 从我${account}扣款的授权。根据 E 条例（12 CFR 1005.10(c) 及其官方解释），银行在得知授权已失效后，须阻止该商家今后的所有扣款，请照此办理。`;
}

export function regENotice(facts: LetterFacts, s: Shown, lang: Locale): string {
  const en = lang === "en";
  const account = accountWords(facts, s, lang);
  const paragraphs = en
    ? [
        `I am writing to give notice of an error under the Electronic Fund Transfer Act and Regulation E (12 CFR 1005.11). ${s.count === 1 ? "The following electronic debit was" : "The following electronic debits were"} taken from my ${account} after the service was cancelled:`,
        s.charges.join("\n"),
        cancelled(s, lang),
        `I believe ${s.count === 1 ? "this debit is an error" : "these debits are errors"}: I did not authorize ${s.count === 1 ? "it" : "them"}. Please investigate and credit my account with ${s.total ?? "the amount of these debits"}. Please tell me the result within 10 business days, or credit my account provisionally while you investigate (for up to 45 days), as Regulation E requires.`,
        inTime(s, lang),
        revocation(s, lang, account),
      ]
    : [
        `根据《电子资金转账法》及 E 条例（12 CFR 1005.11），我特此通知一项错误。以下电子扣款在服务取消后从我${account}扣除：`,
        s.charges.join("\n"),
        cancelled(s, lang),
        `我认为上述扣款属于错误：我未授权这些扣款。请调查并向我的账户退还 ${s.total ?? "上述扣款金额"}。请按 E 条例要求，在 10 个工作日内告知调查结果，或在调查期间（最长 45 天）先行临时入账。`,
        inTime(s, lang),
        revocation(s, lang, account),
      ];
  return letterText(
    s,
    lang,
    issuerBlock(s, lang),
    {
      subject: en
        ? `Re: Notice of error and revocation of authorization, ${account}`
        : `事由：错误通知及撤销授权，${account}`,
      paragraphs: paragraphs.filter((p): p is string => Boolean(p)),
    },
    null,
  );
}

export function revokeAuthorization(facts: LetterFacts, s: Shown, lang: Locale): string {
  const en = lang === "en";
  const account = accountWords(facts, s, lang);
  const merchant = s.provider.split(" (")[0];
  const paragraphs = en
    ? [
        revocation(s, lang, account),
        `Please also treat this as an order to stop payment of the next debit from ${merchant}: Regulation E (12 CFR 1005.10(c)(1)) lets me stop a preauthorized debit by telling you at least three business days before it is scheduled.`,
        "Please confirm in writing that future debits from this merchant will be blocked.",
      ]
    : [
        revocation(s, lang, account),
        `同时请将本信视为对 ${merchant} 下一笔扣款的止付指令：根据 E 条例（12 CFR 1005.10(c)(1)），只要在预定扣款日至少三个工作日前通知银行，我即可止付一笔预先授权的扣款。`,
        "请书面确认今后将阻止该商家的扣款。",
      ];
  return letterText(
    s,
    lang,
    [s.issuerName, s.issuerAddress],
    {
      subject: en
        ? `Re: Revocation of authorization for ${merchant}, ${account}`
        : `事由：撤销 ${merchant} 的扣款授权，${account}`,
      paragraphs,
    },
    null,
  );
}
