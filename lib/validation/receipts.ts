import { z } from "zod";
import { RECEIPT_KINDS } from "@/lib/domain/receipt-kinds";
import { idField } from "./fields";

/** The small form fields that travel with an uploaded file. */
export const receiptFieldsSchema = z.object({
  kind: z.enum(RECEIPT_KINDS, { error: "kind_invalid" }).default("confirmation"),
  noteId: z
    .union([idField, z.literal("")])
    .optional()
    .transform((value) => value || null),
});
export type ReceiptFields = z.infer<typeof receiptFieldsSchema>;
