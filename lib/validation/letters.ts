import { z } from "zod";

/** GET /api/v1/cases/:id/letters/:kind: `?lang=en|zh-CN`, `?format=txt|pdf`, `?transactionId=`. */
export const letterQuerySchema = z.object({
  lang: z.enum(["en", "zh-CN"], { error: "locale_invalid" }).default("en"),
  format: z.enum(["txt", "pdf"], { error: "format_invalid" }).default("txt"),
  transactionId: z
    .string({ error: "id_invalid" })
    .min(1, { error: "id_invalid" })
    .max(100, { error: "id_invalid" })
    .optional(),
});
