// What a letter is written from, and the rules every letter shares: which
// letters apply to a case, which facts are missing, and how a fact shows
// when it is missing. A missing fact becomes a bracketed placeholder to fill
// in, never a guess: the display name (which may be 王小明) is not a legal
// name, so it is not among the facts at all.
import { formatDateOnly } from "../dates";
import type { AccountKind, DeadlineRule } from "../dispute-deadlines";
import type { Locale } from "../locales";
import { formatMoney } from "../money";
import type { NoteChannel } from "../notes";
import type { SubscriptionCategory } from "../subscriptions";

export const LETTER_KINDS = [
  "billing_error",
  "reg_e_notice",
  "revoke_authorization",
  "merchant_final_notice",
  "cfpb_complaint",
  "fcc_complaint",
  "state_ag_complaint",
] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

export function isLetterKind(value: string): value is LetterKind {
  return (LETTER_KINDS as readonly string[]).includes(value);
}

export type LetterCharge = {
  postedOn: string;
  /** Minor units. */
  amount: number;
  currency: string;
  description: string;
  statementDate: string | null;
};

export type LetterFacts = {
  holder: { legalName: string | null; address: string | null; email: string | null };
  issuer: { name: string | null; address: string | null };
  accountKind: AccountKind;
  /** The card's or account's last four digits, when the statement label or payment method has them. */
  accountLast4: string | null;
  provider: {
    name: string;
    plan: string | null;
    category: SubscriptionCategory;
    /** The user's account number with the provider, already masked. */
    accountRef: string | null;
  };
  charges: LetterCharge[];
  cancellation: {
    confirmedOn: string | null;
    confirmationNumber: string | null;
    /** How it was cancelled: the channel of the case's last contact before the confirmation, or null. */
    how: NoteChannel | null;
  };
  /** The nearest dispute deadline still ahead (or the last one, passed). */
  deadline: { rule: DeadlineRule; on: string } | null;
  today: string;
};

export const MISSING_FACTS = [
  "legal_name",
  "mailing_address",
  "issuer_name",
  "issuer_address",
  "charges",
  "confirmation",
  "state",
] as const;
export type MissingFact = (typeof MISSING_FACTS)[number];

/** Carriers: the FCC takes informal complaints about phone and internet service only. */
export const CARRIER_CATEGORIES: readonly SubscriptionCategory[] = ["mobile", "internet"];

/**
 * The letters that fit the case: the card letters or the bank-account ones
 * by the law the account falls under, the FCC's only for a carrier.
 */
export function lettersFor(facts: Pick<LetterFacts, "accountKind" | "provider">): LetterKind[] {
  return LETTER_KINDS.filter((kind) => {
    if (kind === "billing_error") return facts.accountKind === "credit_card";
    if (kind === "reg_e_notice" || kind === "revoke_authorization") {
      return facts.accountKind !== "credit_card";
    }
    if (kind === "fcc_complaint") return CARRIER_CATEGORIES.includes(facts.provider.category);
    return true;
  });
}

const TO_ISSUER: readonly LetterKind[] = ["billing_error", "reg_e_notice", "revoke_authorization"];

/** The facts this kind of letter needs that the case does not have yet. */
export function missingFacts(kind: LetterKind, facts: LetterFacts): MissingFact[] {
  const missing: MissingFact[] = [];
  if (!facts.holder.legalName?.trim()) missing.push("legal_name");
  if (!facts.holder.address?.trim()) missing.push("mailing_address");
  if (TO_ISSUER.includes(kind)) {
    if (!facts.issuer.name?.trim()) missing.push("issuer_name");
    if (!facts.issuer.address?.trim()) missing.push("issuer_address");
  }
  if (kind !== "revoke_authorization" && facts.charges.length === 0) missing.push("charges");
  if (!facts.cancellation.confirmedOn) missing.push("confirmation");
  if (kind === "state_ag_complaint" && !stateOf(facts.holder.address)) missing.push("state");
  return missing;
}

// The two-letter codes USPS uses for the states and DC, with their names.
const STATES: Record<string, string> = {
  AL: "Alabama",
  AK: "Alaska",
  AZ: "Arizona",
  AR: "Arkansas",
  CA: "California",
  CO: "Colorado",
  CT: "Connecticut",
  DE: "Delaware",
  DC: "District of Columbia",
  FL: "Florida",
  GA: "Georgia",
  HI: "Hawaii",
  ID: "Idaho",
  IL: "Illinois",
  IN: "Indiana",
  IA: "Iowa",
  KS: "Kansas",
  KY: "Kentucky",
  LA: "Louisiana",
  ME: "Maine",
  MD: "Maryland",
  MA: "Massachusetts",
  MI: "Michigan",
  MN: "Minnesota",
  MS: "Mississippi",
  MO: "Missouri",
  MT: "Montana",
  NE: "Nebraska",
  NV: "Nevada",
  NH: "New Hampshire",
  NJ: "New Jersey",
  NM: "New Mexico",
  NY: "New York",
  NC: "North Carolina",
  ND: "North Dakota",
  OH: "Ohio",
  OK: "Oklahoma",
  OR: "Oregon",
  PA: "Pennsylvania",
  RI: "Rhode Island",
  SC: "South Carolina",
  SD: "South Dakota",
  TN: "Tennessee",
  TX: "Texas",
  UT: "Utah",
  VT: "Vermont",
  VA: "Virginia",
  WA: "Washington",
  WV: "West Virginia",
  WI: "Wisconsin",
  WY: "Wyoming",
};

/**
 * The US state an address ends with ("…, Springfield, IL 62704" → Illinois),
 * or null: a state guessed from anything else would send the complaint to
 * the wrong attorney general. The ZIP code is required: without it a
 * country code reads as a state ("Berlin, DE" is not Delaware, "Toronto, CA"
 * not California), and a US mailing address has one.
 */
export function stateOf(address: string | null): { code: string; name: string } | null {
  const tail = (address ?? "").trim().replace(/[\s,]*(USA|U\.S\.A\.|United States)\.?$/i, "");
  const match = /(?:^|[\s,])([A-Z]{2})\s+\d{5}(?:-\d{4})?$/.exec(tail);
  const code = match?.[1];
  return code && STATES[code] ? { code, name: STATES[code] } : null;
}

export type Placeholders = Record<
  | "legalName"
  | "address"
  | "issuerName"
  | "issuerAddress"
  | "confirmedOn"
  | "confirmation"
  | "last4"
  | "state"
  | "charges",
  string
>;

export const PLACEHOLDERS: Record<Locale, Placeholders> = {
  en: {
    legalName: "[Your legal name]",
    address: "[Your mailing address]",
    issuerName: "[Card issuer or bank]",
    issuerAddress: "[The issuer's address for billing disputes]",
    confirmedOn: "[Date the cancellation was confirmed]",
    confirmation: "[Confirmation number, if any]",
    last4: "[last four digits]",
    state: "[Your state]",
    charges: "[Date, description and amount of each charge, as the statement shows them]",
  },
  "zh-CN": {
    legalName: "[您的法定姓名]",
    address: "[您的邮寄地址]",
    issuerName: "[发卡机构或银行]",
    issuerAddress: "[发卡机构受理账单争议的地址]",
    confirmedOn: "[确认取消的日期]",
    confirmation: "[确认号（如有）]",
    last4: "[末四位]",
    state: "[您所在的州]",
    charges: "[每笔扣款的日期、描述和金额，以账单为准]",
  },
};

/** How it was cancelled, as the story's words: "… subscription by phone." / "…的订阅（通过电话）。" */
const HOW: Record<Locale, Record<NoteChannel, string | null>> = {
  en: {
    website: "on its website",
    phone: "by phone",
    chat: "by chat",
    email: "by email",
    store: "in a store",
    social: "through its social media support",
    mail: "by mail",
    other: null,
  },
  "zh-CN": {
    website: "在其网站上",
    phone: "通过电话",
    chat: "通过在线客服",
    email: "通过电子邮件",
    store: "在门店",
    social: "通过社交媒体客服",
    mail: "通过邮寄",
    other: null,
  },
};

/** The facts as a letter prints them: each one present, or its placeholder. */
export function shown(facts: LetterFacts, lang: Locale) {
  const p = PLACEHOLDERS[lang];
  const or = (value: string | null | undefined, placeholder: string) =>
    value?.trim() ? value.trim() : placeholder;
  const day = (value: string) => formatDateOnly(value, lang);
  const money = (cents: number, currency: string) => formatMoney(cents, currency, lang);
  const currencies = [...new Set(facts.charges.map((c) => c.currency))];
  const total = currencies
    .map((currency) =>
      money(
        facts.charges.filter((c) => c.currency === currency).reduce((s, c) => s + c.amount, 0),
        currency,
      ),
    )
    .join(" + ");
  const state = stateOf(facts.holder.address);
  const sep = lang === "en" ? ", " : "，";
  const statementWord = lang === "en" ? "statement of " : "账单日 ";
  return {
    legalName: or(facts.holder.legalName, p.legalName),
    address: or(facts.holder.address, p.address),
    email: facts.holder.email?.trim() || null,
    issuerName: or(facts.issuer.name, p.issuerName),
    issuerAddress: or(facts.issuer.address, p.issuerAddress),
    last4: facts.accountLast4 ?? p.last4,
    provider: facts.provider.plan
      ? `${facts.provider.name} (${facts.provider.plan})`
      : facts.provider.name,
    providerAccount: facts.provider.accountRef,
    confirmedOn: facts.cancellation.confirmedOn
      ? day(facts.cancellation.confirmedOn)
      : p.confirmedOn,
    confirmation: or(facts.cancellation.confirmationNumber, p.confirmation),
    how: facts.cancellation.how ? HOW[lang][facts.cancellation.how] : null,
    today: day(facts.today),
    total: total || null,
    /** One line per charge: "- Dec 1, 2026: MINT MOBILE, $15.00, statement of Dec 5, 2026". */
    charges: facts.charges.length
      ? facts.charges.map(
          (c) =>
            `- ${day(c.postedOn)}${lang === "en" ? ": " : "："}${[
              c.description,
              money(c.amount, c.currency),
              c.statementDate ? `${statementWord}${day(c.statementDate)}` : null,
            ]
              .filter(Boolean)
              .join(sep)}`,
        )
      : [`- ${p.charges}`],
    /** The deadline, when it is still ahead: a letter claims to be in time only when it is. */
    deadline:
      facts.deadline && facts.deadline.on >= facts.today
        ? { rule: facts.deadline.rule, on: day(facts.deadline.on) }
        : null,
    state: state ? `${state.name} (${state.code})` : p.state,
    count: facts.charges.length,
  };
}

export type Shown = ReturnType<typeof shown>;
