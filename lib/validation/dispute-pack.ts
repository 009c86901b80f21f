import { z } from "zod";

/**
 * GET /api/v1/cases/:id/dispute-pack: `?format=pdf|zip`, `?lang=en|zh-CN`
 * (English by default), `?letters=1` to add the case's letters after the record.
 */
export const disputePackQuerySchema = z.object({
  format: z.enum(["pdf", "zip"], { error: "format_invalid" }).default("pdf"),
  lang: z.enum(["en", "zh-CN"], { error: "locale_invalid" }).default("en"),
  letters: z.enum(["0", "1"], { error: "boolean_invalid" }).default("0"),
});
