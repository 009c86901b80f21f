import { z } from "zod";
import { DISPUTE_CHANNELS, DISPUTE_STATUSES } from "@/lib/domain/disputes";
import { amountField, dateOnlyField, optionalText, pageQuerySchema } from "./fields";

// A dispute's shape; whether its dates and amount fit the charge and today
// is the data layer's check (422), as it needs the line and the user's zone.

export const fileDisputeSchema = z.object({
  filedOn: dateOnlyField,
  channel: z.enum(DISPUTE_CHANNELS, { error: "channel_invalid" }),
  reference: optionalText(100),
});
export type FileDisputeInput = z.infer<typeof fileDisputeSchema>;

export const updateDisputeSchema = z.object({
  status: z.enum(DISPUTE_STATUSES, { error: "dispute_status_invalid" }).optional(),
  acknowledgedOn: dateOnlyField.nullable().optional(),
  provisionalCreditOn: dateOnlyField.nullable().optional(),
  provisionalCreditAmount: amountField.nullable().optional(),
  resolvedOn: dateOnlyField.nullable().optional(),
  reference: optionalText(100),
  notes: optionalText(2000),
});
export type UpdateDisputeInput = z.infer<typeof updateDisputeSchema>;

export const disputeListSchema = pageQuerySchema.extend({
  status: z.enum(DISPUTE_STATUSES, { error: "dispute_status_invalid" }).optional(),
});
export type DisputeListQuery = z.infer<typeof disputeListSchema>;
