import { z } from "zod";
import { BILLING_CYCLES } from "@/lib/domain/subscriptions";
import { currencyField } from "./fields";

// POST /api/v1/subscriptions/import: the small fields beside the file. The
// answers to the preview's questions come as JSON objects, bounded before
// they are read (a file has a handful of symbols and cycles, not thousands).

/** A JSON object of at most `max` entries, each checked by `value`; "" or absent is {}. */
function jsonRecord<V extends z.ZodType>(value: V, max: number, code: string) {
  const record = z.record(z.string().trim().min(1).max(40), value);
  return z
    .string()
    .max(4000, { error: code })
    .optional()
    .transform((text, ctx): z.output<typeof record> => {
      if (text === undefined || text.trim() === "") return {};
      try {
        const parsed = record.safeParse(JSON.parse(text));
        if (parsed.success && Object.keys(parsed.data).length <= max) return parsed.data;
      } catch {
        // reported below
      }
      ctx.addIssue({ code: "custom", message: code });
      return z.NEVER;
    });
}

export const subscriptionImportFieldsSchema = z.object({
  dryRun: z
    .string()
    .optional()
    .transform((v) => v === "true"),
  /** `{"$": "CAD", "kr": "SEK"}`: the currency each shared symbol means in this file. */
  currencies: jsonRecord(currencyField, 20, "import_currencies_invalid"),
  /** `{"Every 2 Weeks": "weekly"}`: the cycle to keep for each of Wallos's cycles CancelCase has no word for. */
  cycles: jsonRecord(z.enum(BILLING_CYCLES), 50, "import_cycles_invalid"),
});
export type SubscriptionImportFields = z.output<typeof subscriptionImportFieldsSchema>;
