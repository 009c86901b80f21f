// Which law gives a charge its dispute deadlines, and what the bank then owes,
// as pure rules (issue 34). The account that was charged decides:
// - a credit card: the Fair Credit Billing Act (Regulation Z, 12 CFR
//   1026.13), 60 days from the statement that first showed the charge;
// - a debit card or a bank account (ACH): the Electronic Fund Transfer Act
//   (Regulation E, 12 CFR 1005.11), also 60 days from that statement;
// - a card of either kind: the card network's own dispute window, 120 days
//   from the transaction (Visa 13.2 "cancelled recurring transaction",
//   Mastercard 4853 "cardholder dispute of a recurring transaction", which
//   took in the older 4841). The bank files it with the network, so it is
//   the last day to have asked the bank, not a day to wait for.
// Every number here comes from the pages in RULE_SOURCES, read on 2026-12-06;
// docs/disputes.md says what each one is and what CancelCase leaves out.
import { addBusinessDays } from "./business-days";
import { addDays } from "./dates";

export const ACCOUNT_KINDS = ["credit_card", "debit_card", "bank_account"] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

export const DEADLINE_RULES = ["fcba", "reg_e", "network"] as const;
export type DeadlineRule = (typeof DEADLINE_RULES)[number];

export type DisputeDeadline = { rule: DeadlineRule; on: string };

/** FCBA and Reg E: a notice of error within 60 days of the statement that first showed it. */
export const STATEMENT_WINDOW_DAYS = 60;
/** Visa and Mastercard: 120 calendar days from the transaction's processing date. */
export const NETWORK_WINDOW_DAYS = 120;

/** The law a charge to this kind of account falls under (beside the network's window for cards). */
export function lawFor(accountKind: AccountKind): "fcba" | "reg_e" {
  return accountKind === "credit_card" ? "fcba" : "reg_e";
}

/**
 * A charge's deadlines, nearest first. The statement's (FCBA or Reg E) needs
 * the statement date (an import without one has none); the network's
 * applies to cards only: an ACH debit from a bank account has no card network.
 */
export function disputeDeadlines(charge: {
  accountKind: AccountKind;
  statementDate: string | null;
  postedOn: string;
}): DisputeDeadline[] {
  const deadlines: DisputeDeadline[] = [];
  if (charge.statementDate) {
    deadlines.push({
      rule: lawFor(charge.accountKind),
      on: addDays(charge.statementDate, STATEMENT_WINDOW_DAYS),
    });
  }
  if (charge.accountKind !== "bank_account") {
    deadlines.push({ rule: "network", on: addDays(charge.postedOn, NETWORK_WINDOW_DAYS) });
  }
  return deadlines.sort(
    (a, b) =>
      a.on.localeCompare(b.on) || DEADLINE_RULES.indexOf(a.rule) - DEADLINE_RULES.indexOf(b.rule),
  );
}

/**
 * The `disputeBy` of a charge: its nearest deadline still ahead (today
 * counts), else the last one, passed, so the page can say it has passed.
 */
export function disputeByOf(deadlines: readonly DisputeDeadline[], today: string): string | null {
  return (deadlines.find((d) => d.on >= today) ?? deadlines.at(-1))?.on ?? null;
}

export const BANK_DUTIES = ["acknowledge", "investigate_or_credit", "resolve"] as const;
export type BankDuty = (typeof BANK_DUTIES)[number];

/** Regulation E: 10 business days to investigate, or to credit provisionally and take up to 45 days. */
export const REG_E_INVESTIGATION_BUSINESS_DAYS = 10;
export const REG_E_RESOLUTION_DAYS = 45;
/** FCBA: a written acknowledgement within 30 days; resolved within two billing cycles, at most 90 days. */
export const FCBA_ACKNOWLEDGE_DAYS = 30;
export const FCBA_RESOLUTION_DAYS = 90;

/**
 * What the bank owes once it has the notice, and by when (`receivedOn`: the
 * day it received the notice; a dispute filed online or by phone is received
 * that day, a letter later).
 * - Reg E: a determination, or a provisional credit, within 10 business days;
 *   with the credit, a resolution within 45 days.
 * - FCBA: a written acknowledgement within 30 days; a resolution within two
 *   complete billing cycles and never later than 90 days (CancelCase does not
 *   know the card's cycle, so it counts the 90).
 */
export function bankDuties(
  law: "fcba" | "reg_e",
  receivedOn: string,
): { duty: BankDuty; by: string }[] {
  if (law === "reg_e") {
    return [
      {
        duty: "investigate_or_credit",
        by: addBusinessDays(receivedOn, REG_E_INVESTIGATION_BUSINESS_DAYS),
      },
      { duty: "resolve", by: addDays(receivedOn, REG_E_RESOLUTION_DAYS) },
    ];
  }
  return [
    { duty: "acknowledge", by: addDays(receivedOn, FCBA_ACKNOWLEDGE_DAYS) },
    { duty: "resolve", by: addDays(receivedOn, FCBA_RESOLUTION_DAYS) },
  ];
}

export type RuleSource = { title: string; url: string; readOn: string };

/** Where each rule's numbers were read: shown beside the rule's name, and in docs/disputes.md. */
export const RULE_SOURCES: Record<DeadlineRule | "business_days", readonly RuleSource[]> = {
  fcba: [
    {
      title: "12 CFR 1026.13(b)(1): billing error notice within 60 days of the first statement",
      url: "https://frrsdigital.com/topic-by-locator/6-5765",
      readOn: "2026-12-06",
    },
    {
      title:
        "Fair Credit Billing Act: respond within 30 days, resolve within two billing cycles, not longer than 90 days",
      url: "http://www.thecredittuneup.com/FCBA.html",
      readOn: "2026-12-06",
    },
  ],
  reg_e: [
    {
      title:
        "12 CFR 205.11 (Regulation E), procedures for resolving errors: notice within 60 days of the statement",
      url: "http://edocket.access.gpo.gov/cfr_2002/janqtr/12cfr205.11.htm",
      readOn: "2026-12-06",
    },
    {
      title:
        "HelpWithMyBank.gov (OCC): 10 business days, or up to 45 days with a provisional credit",
      url: "https://helpwithmybank.gov/get-answers/bank-accounts/bank-errors/faq-banking-errors-02.html",
      readOn: "2026-12-06",
    },
    {
      title:
        "America's Credit Unions: 12 CFR 1005.11(c)(2)(i), provisional credit within 10 business days",
      url: "https://americascreditunions.org/compliance/provisional-credit-under-regulation-e",
      readOn: "2026-12-06",
    },
  ],
  network: [
    {
      title:
        "Visa 13.2 Cancelled Recurring Transaction: 120 calendar days from the processing date",
      url: "http://resources.midigator.com/13-2-cancelled-recurring-transaction/",
      readOn: "2026-12-06",
    },
    {
      title: "Mastercard 4853 Cardholder Dispute of a Recurring Transaction: 120 calendar days",
      url: "https://kount.com/fr/node/1092",
      readOn: "2026-12-06",
    },
  ],
  business_days: [
    {
      title: "Federal Reserve Bank of Richmond: holiday schedule and weekend rule",
      url: "https://www.richmondfed.org/about_us/holiday_schedule",
      readOn: "2026-12-06",
    },
  ],
};
