import { z } from "zod";
import { CASE_STATES, REJECTION_REASONS } from "@/lib/domain/case-workflow";
import { CASE_METHODS, CASE_REASONS } from "@/lib/domain/cases";
import { amountField, dateOnlyField, idField, optionalText, pageQuerySchema } from "./fields";

export const openCaseSchema = z.object({
  subscriptionId: idField,
  reason: z.enum(CASE_REASONS, { error: "reason_invalid" }),
  method: z.enum(CASE_METHODS, { error: "method_invalid" }).nullable().optional(),
  /** The day it was opened (user's zone); today when not given. */
  occurredOn: dateOnlyField.nullable().optional(),
});
export type OpenCaseInput = z.infer<typeof openCaseSchema>;

const versionField = z
  .number({ error: "version_invalid" })
  .int({ error: "version_invalid" })
  .min(0, { error: "version_invalid" });

export const updateCaseSchema = z.object({
  reason: z.enum(CASE_REASONS, { error: "reason_invalid" }).optional(),
  method: z.enum(CASE_METHODS, { error: "method_invalid" }).nullable().optional(),
  confirmationNumber: optionalText(100),
  nextFollowUpOn: dateOnlyField.nullable().optional(),
  expectedFinalBill: amountField.nullable().optional(),
  expectedVersion: versionField.optional(),
});
export type UpdateCaseInput = z.infer<typeof updateCaseSchema>;

export const transitionSchema = z.object({
  to: z.enum(CASE_STATES, { error: "state_invalid" }),
  expectedVersion: versionField,
  comment: optionalText(2000),
  rejectionReason: z
    .enum(REJECTION_REASONS, { error: "rejection_reason_invalid" })
    .nullable()
    .optional(),
  confirmationNumber: optionalText(100),
  /** The day the step happened (user's zone); today when not given. */
  occurredOn: dateOnlyField.nullable().optional(),
});
export type TransitionInput = z.infer<typeof transitionSchema>;

/** Reopen a confirmed case over a flagged charge, with the version the form was rendered with. */
export const reopenForChargeSchema = z.object({
  caseId: idField,
  transactionId: idField,
  expectedVersion: versionField,
});
export type ReopenForChargeInput = z.infer<typeof reopenForChargeSchema>;

export const caseListQuerySchema = pageQuerySchema.extend({
  state: z.enum(CASE_STATES, { error: "state_invalid" }).optional(),
  followUp: z.enum(["due"], { error: "follow_up_invalid" }).optional(),
});
export type CaseListQuery = z.infer<typeof caseListQuerySchema>;
