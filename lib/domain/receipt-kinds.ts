// What a receipt is, as the user files it. Kept apart from ./receipts (the
// byte rules and the size formatter) so the upload form loads this list only.
export const RECEIPT_KINDS = [
  "confirmation",
  "final_bill",
  "refund",
  "screenshot",
  "correspondence",
  "other",
] as const;
export type ReceiptKind = (typeof RECEIPT_KINDS)[number];
