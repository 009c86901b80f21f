import { z } from "zod";

/** GET /api/v1/cases/:id/dispute-pack: `?format=pdf|zip`, `?lang=en|zh-CN` (English by default). */
export const disputePackQuerySchema = z.object({
  format: z.enum(["pdf", "zip"], { error: "format_invalid" }).default("pdf"),
  lang: z.enum(["en", "zh-CN"], { error: "locale_invalid" }).default("en"),
});
