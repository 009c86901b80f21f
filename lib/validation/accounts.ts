import { z } from "zod";
import { ACCOUNT_KINDS } from "@/lib/domain/dispute-deadlines";
import { optionalText } from "./fields";

// Statement accounts (issue 34): the kind, and the holder's and issuer's
// details the letters to the bank are filled from.

export const accountKindField = z.enum(ACCOUNT_KINDS, { error: "account_kind_invalid" });

/** A mailing address: a few lines, each kept as typed; Windows line ends made plain. */
const addressField = z
  .string({ error: "text_invalid" })
  .trim()
  .max(300, { error: "text_too_long_300" })
  .nullable()
  .transform((value) => (value === "" || value === null ? null : value.replace(/\r\n?/g, "\n")))
  .optional();

/** PATCH /api/v1/accounts/:id: any of the fields; null or "" clears a detail. */
export const updateAccountSchema = z.strictObject({
  accountKind: accountKindField.optional(),
  holderName: optionalText(100),
  holderAddress: addressField,
  issuerName: optionalText(100),
  issuerAddress: addressField,
});
export type UpdateAccountInput = z.infer<typeof updateAccountSchema>;
