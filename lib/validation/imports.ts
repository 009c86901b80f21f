import { z } from "zod";
import { isDateOnly } from "@/lib/domain/dates";
import { STATEMENT_FORMATS } from "@/lib/domain/statements";
import { accountKindField } from "./accounts";
import { dateOnlyField, idField, pageQuerySchema } from "./fields";

// POST /api/v1/imports: the small fields beside the file.
const columnIndex = z.number().int().min(0).max(200);

export const columnMappingSchema = z
  .strictObject({
    date: columnIndex,
    description: columnIndex,
    amount: columnIndex.optional(),
    debit: columnIndex.optional(),
    credit: columnIndex.optional(),
    charges: z.enum(["negative", "positive"]),
    header: z.boolean(),
    /** Rows above the header (a title line): 0 when absent. */
    skipRows: z.number().int().min(0).max(50).optional(),
  })
  .refine((m) => m.amount !== undefined || (m.debit !== undefined && m.credit !== undefined), {
    error: "mapping_invalid",
  });

export const importFieldsSchema = z.object({
  format: z.enum(STATEMENT_FORMATS, { error: "format_invalid" }).optional(),
  account: z
    .string({ error: "account_required" })
    .trim()
    .min(1, { error: "account_required" })
    .max(60, { error: "text_too_long_60" }),
  /**
   * The kind of the account (issue 34), remembered per label: given, it
   * replaces the stored kind; left out (or empty), the stored kind stays.
   */
  accountKind: z.preprocess((v) => (v === "" ? undefined : v), accountKindField.optional()),
  /** A column mapping as JSON, when the header was not recognised or was read wrong. */
  mapping: z
    .string()
    .max(1000)
    .optional()
    .transform((text, ctx) => {
      if (text === undefined || text.trim() === "") return undefined;
      try {
        const parsed = columnMappingSchema.safeParse(JSON.parse(text));
        if (parsed.success) return parsed.data;
      } catch {
        // reported below
      }
      ctx.addIssue({ code: "custom", message: "mapping_invalid" });
      return z.NEVER;
    }),
  /**
   * How a charge is signed in the file's amount column, when the columns are
   * recognised but the sign is not (no known issuer, or lines that contradict
   * its convention): without it such a file is refused with 422.
   */
  charges: z.enum(["negative", "positive"], { error: "charges_invalid" }).optional(),
  /** The statement's closing date, for a CSV (an OFX file says it): the dispute window counts from it. */
  statementDate: z
    .string()
    .trim()
    .optional()
    .refine((v) => v === undefined || v === "" || isDateOnly(v), { error: "date_invalid" })
    .transform((v) => (v ? v : undefined)),
});

export const transactionQuerySchema = pageQuerySchema.extend({
  subscriptionId: idField.optional(),
  /** One statement account's lines: its label, as imported. */
  account: z.string().max(60, { error: "text_too_long_60" }).optional(),
  flagged: z
    .enum(["true", "false"], { error: "boolean_invalid" })
    .optional()
    .transform((v) => v === "true"),
});

/** PATCH /api/v1/transactions/:id: the statement date, entered for a line a CSV brought in. */
export const updateTransactionSchema = z.strictObject({
  statementDate: dateOnlyField.nullable(),
});
