// A case's letters as pure functions of its facts (issue 34): the English
// text is the one to send; the Chinese one says the same to read. Each
// letter names the facts still missing so the page can say where to fill
// them.
import type { Locale } from "../locales";
import { billingError, regENotice, revokeAuthorization } from "./bank-letters";
import {
  cfpbComplaint,
  fccComplaint,
  merchantFinalNotice,
  stateAgComplaint,
} from "./complaint-letters";
import {
  missingFacts,
  shown,
  type LetterFacts,
  type LetterKind,
  type MissingFact,
  type Shown,
} from "./letter-facts";
import { LETTER_SOURCES } from "./sources";

export * from "./letter-facts";
export { LETTER_SOURCES } from "./sources";

export type Letter = {
  kind: LetterKind;
  lang: Locale;
  /** The first line that names it: a subject or a complaint's title. */
  title: string;
  text: string;
  /** Where and how to send it, in words; not part of the text to send. */
  howToSend: string;
  missing: MissingFact[];
  sources: (typeof LETTER_SOURCES)[LetterKind];
};

type Writer = (facts: LetterFacts, s: Shown, lang: Locale) => string;

const WRITERS: Record<LetterKind, Writer> = {
  billing_error: billingError,
  reg_e_notice: regENotice,
  revoke_authorization: revokeAuthorization,
  merchant_final_notice: merchantFinalNotice,
  cfpb_complaint: cfpbComplaint,
  fcc_complaint: fccComplaint,
  state_ag_complaint: stateAgComplaint,
};

// The CFPB's and FCC's places to file were read on LETTER_SOURCES' pages; a
// state's form differs by state, so it is described, not linked.
const HOW_TO_SEND: Record<Locale, Record<LetterKind, (s: Shown) => string>> = {
  en: {
    billing_error: (s) =>
      `Mail it to ${s.issuerName} at its address for billing disputes (printed on the statement), not the payment address. Keep a copy.`,
    reg_e_notice: (s) =>
      `Send it to ${s.issuerName} by the way its error-resolution notice says (online, phone or mail). Keep a copy.`,
    revoke_authorization: (s) =>
      `Send it to ${s.issuerName}. Keep a copy of your cancellation as proof of the revocation.`,
    merchant_final_notice: () =>
      "Send it to the provider by email or through its support form, and keep a copy.",
    cfpb_complaint: () =>
      "Paste it into the complaint form at consumerfinance.gov/complaint (or call the CFPB at (855) 411-2372). The company has 15 days to respond.",
    fcc_complaint: () =>
      "Paste it into the FCC's Consumer Complaint Center (consumercomplaints.fcc.gov), category Phone or Internet. The provider must answer in writing within 30 days.",
    state_ag_complaint: (s) =>
      `Paste it into the consumer complaint form on the website of the Attorney General of ${s.state}.`,
  },
  "zh-CN": {
    billing_error: (s) =>
      `请邮寄至 ${s.issuerName} 受理账单争议的地址（印在账单上），而非付款地址，并保留副本。`,
    reg_e_notice: (s) =>
      `请按 ${s.issuerName} 的错误处理说明（网上、电话或邮寄）发送，并保留副本。`,
    revoke_authorization: (s) => `请发送给 ${s.issuerName}，并保留取消记录作为撤销授权的证明。`,
    merchant_final_notice: () => "请通过电子邮件或客服表单发送给商家，并保留副本。",
    cfpb_complaint: () =>
      "请将英文版本粘贴到 consumerfinance.gov/complaint 的投诉表单（或致电 CFPB (855) 411-2372）。公司须在 15 天内答复。",
    fcc_complaint: () =>
      "请将英文版本粘贴到 FCC 消费者投诉中心（consumercomplaints.fcc.gov），类别选 Phone 或 Internet。运营商须在 30 天内书面答复。",
    state_ag_complaint: (s) => `请将英文版本粘贴到 ${s.state} 总检察长网站上的消费者投诉表单。`,
  },
};

export function renderLetter(kind: LetterKind, facts: LetterFacts, lang: Locale): Letter {
  const s = shown(facts, lang);
  const text = WRITERS[kind](facts, s, lang);
  const lines = text.split("\n").filter((line) => line.trim());
  const title =
    lines.find((line) => /^(Re:|事由：)/.test(line)) ?? lines[lang === "en" ? 0 : 1] ?? kind;
  return {
    kind,
    lang,
    title,
    text,
    howToSend: HOW_TO_SEND[lang][kind](s),
    missing: missingFacts(kind, facts),
    sources: LETTER_SOURCES[kind],
  };
}
