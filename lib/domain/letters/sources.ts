// Where each letter's statements about the law and the agencies were read
// (2026-12-06). A letter says nothing about a rule, an agency's address or
// a deadline that is not on one of these pages or in RULE_SOURCES
// (lib/domain/dispute-deadlines.ts), whose pages give the 60-day notice
// windows and what the bank then owes (Reg E: 10 business days or a
// provisional credit and 45 days; FCBA: 30 days to acknowledge, two billing
// cycles and at most 90 days to resolve).
import { RULE_SOURCES, type RuleSource } from "../dispute-deadlines";
import type { LetterKind } from "./letter-facts";

const READ_ON = "2026-12-06";

const REVOCATION: RuleSource[] = [
  {
    title:
      "BankersOnline: once told the authorization is revoked, the bank must block all future payments for that payee's debit (interpretation 2 to 205.10(c), now 1005.10(c))",
    url: "https://bankersonline.com/qa/eft-once-and-future-stop-pays",
    readOn: READ_ON,
  },
  {
    title:
      "Wolters Kluwer: stop a preauthorized transfer by notice up to three business days before it is scheduled, 12 CFR 1005.10(c)(1)",
    url: "https://dev-documentation.wolterskluwerfs.com/Dacman/Concepts/dac_16part2_electronic_fund_stop_payment.html",
    readOn: READ_ON,
  },
];

const CFPB: RuleSource[] = [
  {
    title:
      "CFPB complaint guide: submit at consumerfinance.gov/complaint; the company has 15 days to respond",
    url: "https://issuhub.com/view/index/4410?pageIndex=262",
    readOn: READ_ON,
  },
];

const FCC: RuleSource[] = [
  {
    title:
      "FCC Consumer Complaint Center: informal complaints (Phone, Internet); the provider must respond in writing within 30 days",
    url: "https://consumercomplaints.fcc.gov/hc/en-us/articles/205082880-Filing-a-Complaint-Questions-and-Answers",
    readOn: READ_ON,
  },
];

const STATE_AG: RuleSource[] = [
  {
    title:
      "South Dakota Attorney General: a consumer complaint form with copies of bills and correspondence",
    url: "http://atg.sd.gov/Consumers/HandlingComplaints/HowOurOfficeCanHelp.aspx",
    readOn: READ_ON,
  },
];

export const LETTER_SOURCES: Record<LetterKind, readonly RuleSource[]> = {
  billing_error: RULE_SOURCES.fcba,
  reg_e_notice: [...RULE_SOURCES.reg_e, ...REVOCATION],
  revoke_authorization: REVOCATION,
  merchant_final_notice: [],
  cfpb_complaint: CFPB,
  fcc_complaint: FCC,
  state_ag_complaint: STATE_AG,
};
