import type { AccountKind } from "./dispute-deadlines";

// The kind a statement account is taken to be when its first import does
// not say (issue 34). The file's own word comes first: an OFX statement
// answers in a credit-card message set (CREDITCARDMSGSRSV1 / CCSTMTRS) or a
// bank one (BANKMSGSRSV1 / STMTRS). An issuer's name alone is weaker: Chase,
// Bank of America, Wells Fargo and most others issue debit cards too, so a
// name counts only for a CSV export whose layout is the issuer's card
// export, and a bank statement is never guessed (debit card or ACH: the
// person knows, the file does not).

export type OfxAccountType = "credit_card" | "bank";

/** Issuers whose CSV layout (lib/domain/statement-layouts.ts) is their credit-card export. */
export const KNOWN_CARD_ISSUERS = [
  "American Express",
  "Bank of America",
  "Capital One",
  "Chase",
  "Citi",
  "Discover",
] as const;

/** The kind to assume for a new label, or null when it must be asked. */
export function defaultAccountKind(file: {
  ofxAccountType: OfxAccountType | null;
  issuer: string | null;
}): AccountKind | null {
  if (file.ofxAccountType) return file.ofxAccountType === "credit_card" ? "credit_card" : null;
  return file.issuer && (KNOWN_CARD_ISSUERS as readonly string[]).includes(file.issuer)
    ? "credit_card"
    : null;
}
