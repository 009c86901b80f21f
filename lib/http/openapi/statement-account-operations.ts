import { z } from "zod";
import { ACCOUNT_KINDS } from "@/lib/domain/dispute-deadlines";
import { updateAccountSchema } from "@/lib/validation/accounts";
import { pageQuerySchema } from "@/lib/validation/fields";
import { type Operation, json, ok } from "./operation";
import { pageOf } from "./responses";

// Statement accounts (issue 34): one per label a statement was imported
// under, with the kind that picks a dispute's law and the details a letter
// to the bank is filled from.

const statementAccountSchema = z.object({
  id: z.string(),
  label: z.string().describe("The `account` field the statements were imported under."),
  accountKind: z
    .enum(ACCOUNT_KINDS)
    .describe(
      "credit_card: FCBA; debit_card: Regulation E and the card network; bank_account: Regulation E.",
    ),
  issuerName: z.string().nullable().describe("The card issuer or bank."),
  issuerAddress: z.string().nullable().describe("Its address for disputes (lines by \\n)."),
  holderName: z
    .string()
    .nullable()
    .describe("The holder's legal name, which letters are signed with."),
  holderAddress: z.string().nullable().describe("The holder's mailing address (lines by \\n)."),
});

export const STATEMENT_ACCOUNT_OPERATIONS: Operation[] = [
  {
    method: "GET",
    path: "/api/v1/accounts",
    tag: "charges",
    summary: "List statement accounts",
    description:
      "One per label imported, newest first. A statement imported under a new label without `accountKind` makes a credit card.",
    auth: "user",
    query: pageQuerySchema,
    success: ok("A page of accounts.", pageOf(statementAccountSchema)),
  },
  {
    method: "GET",
    path: "/api/v1/accounts/{id}",
    tag: "charges",
    summary: "Read a statement account",
    auth: "user",
    success: ok("The account.", statementAccountSchema),
  },
  {
    method: "PATCH",
    path: "/api/v1/accounts/{id}",
    tag: "charges",
    summary: "Change an account's kind or details",
    description:
      "Any of the fields; null or an empty string clears a detail. The kind changes every deadline of the account's charges.",
    auth: "user",
    body: json(updateAccountSchema),
    success: ok("The account after the change.", statementAccountSchema),
  },
];
