import { z } from "zod";
import { BANK_DUTIES } from "@/lib/domain/dispute-deadlines";
import { DISPUTE_CHANNELS, DISPUTE_LAWS, DISPUTE_STATUSES } from "@/lib/domain/disputes";
import {
  disputeListSchema,
  fileDisputeSchema,
  updateDisputeSchema,
} from "@/lib/validation/disputes";
import { type Operation, created, json, ok } from "./operation";
import { named, pageOf } from "./responses";

// A charge's dispute with the bank, followed to its outcome (issue 34, point 2).

const date = z.string().meta({ format: "date", description: "YYYY-MM-DD" });

export const disputeSchema = named(
  "Dispute",
  z.object({
    id: z.string(),
    transactionId: z.string(),
    caseId: z.string().nullable(),
    law: z.enum(DISPUTE_LAWS).meta({
      description:
        "Addition: the law at filing, from the account's kind (`fcba` for a credit card, `reg_e` otherwise).",
    }),
    filedOn: date,
    channel: z.enum(DISPUTE_CHANNELS),
    reference: z.string().nullable(),
    status: z.enum(DISPUTE_STATUSES),
    acknowledgedOn: date.nullable().meta({
      description:
        "Addition: the day the bank acknowledged the dispute in writing, as the user records it (FCBA: within 30 days).",
    }),
    provisionalCreditOn: date.nullable(),
    provisionalCreditAmount: z.int().nullable().meta({ description: "In cents." }),
    resolvedOn: date.nullable(),
    notes: z.string().nullable(),
    bankDuties: z
      .array(
        z.object({
          duty: z.enum(BANK_DUTIES),
          by: date,
          met: z.boolean().meta({
            description:
              "True once the dispute shows it done: `acknowledgedOn`, a provisional credit or an outcome meets `acknowledge`; a provisional credit or an outcome `investigate_or_credit`; an outcome `resolve`.",
          }),
          late: z.boolean().meta({ description: "After `by` (in the user's zone) and not met." }),
          lateSince: date.nullable().meta({
            description: "Addition: the first day it was late (the day after `by`), while `late`.",
          }),
        }),
      )
      .meta({
        description:
          "Addition: what the bank owes from `filedOn` under `law` (Reg E: 10 business days, 45 days; FCBA: 30 days, 90 days).",
      }),
    nextSteps: z
      .array(
        z.union([
          z.object({ kind: z.literal("network_chargeback"), until: date }),
          z.object({ kind: z.literal("cfpb_complaint") }),
        ]),
      )
      .meta({
        description:
          "Addition: after a denial, the card network's chargeback while its 120 days are open, and a CFPB complaint.",
      }),
    charge: z
      .object({ description: z.string(), postedOn: date, amount: z.int(), currency: z.string() })
      .meta({ description: "Addition: the disputed line." }),
    createdAt: z.string().meta({ format: "date-time" }),
    updatedAt: z.string().meta({ format: "date-time" }),
  }),
);

export const DISPUTE_OPERATIONS: Operation[] = [
  {
    method: "POST",
    path: "/api/v1/transactions/{id}/dispute",
    tag: "disputes",
    summary: "File a dispute of a charge",
    description:
      "`filedOn` is not after today (the user's zone; 422 `date_in_future`) nor before the line's posted date (422 `date_out_of_order`); a refund line is 422 `unprocessable`. 409 `conflict` while the line has an open dispute.",
    auth: "user",
    body: json(fileDisputeSchema),
    success: created("The dispute.", disputeSchema),
    errors: ["not_found", "conflict", "unprocessable", "date_in_future", "date_out_of_order"],
  },
  {
    method: "GET",
    path: "/api/v1/disputes",
    tag: "disputes",
    summary: "List your disputes",
    description: "Newest first; `?status=` narrows.",
    auth: "user",
    query: disputeListSchema,
    success: ok("A page of disputes.", pageOf(disputeSchema)),
  },
  {
    method: "GET",
    path: "/api/v1/disputes/{id}",
    tag: "disputes",
    summary: "Get a dispute",
    auth: "user",
    success: ok("The dispute.", disputeSchema),
    errors: ["not_found"],
  },
  {
    method: "PATCH",
    path: "/api/v1/disputes/{id}",
    tag: "disputes",
    summary: "Record the acknowledgement, a provisional credit, an outcome, the reference or notes",
    description:
      "`filed` → `provisional_credit` (its day defaults to today, its amount to the charge) → `credited | denied | withdrawn` (closed, final; `resolvedOn` defaults to today). `acknowledgedOn` records the bank's written acknowledgement (any status; null clears it). Days are not after today nor before `filedOn`; a credit is at most the charge. A closed dispute frees the line for a new one. Any other move, or `resolvedOn` on an open dispute, is 422 `unprocessable`; 409 when it changed meanwhile.",
    auth: "user",
    body: json(updateDisputeSchema),
    success: ok("The dispute.", disputeSchema),
    errors: ["not_found", "conflict", "unprocessable", "date_in_future", "date_out_of_order"],
  },
];
