import { z } from "zod";
import { SUBSCRIPTION_CATEGORIES } from "@/lib/domain/subscriptions";
import { PLAYBOOK_QUERY_MAX } from "@/lib/playbooks/lookup";
import { localeField, pageQuerySchema } from "./fields";

/** GET /api/v1/playbooks: `?q=` (bounded: it is matched against every playbook), `?category=`, a page. */
export const playbookListSchema = pageQuerySchema.extend({
  q: z
    .string({ error: "text_invalid" })
    .trim()
    .max(PLAYBOOK_QUERY_MAX, { error: "text_too_long_100" })
    .optional()
    .transform((value) => value || undefined),
  category: z.enum(SUBSCRIPTION_CATEGORIES, { error: "category_invalid" }).optional(),
});
export type PlaybookListQuery = z.infer<typeof playbookListSchema>;

/** GET /api/v1/playbooks/:slug: `?lang=en|zh-CN`, the user's language when absent. */
export const playbookDetailSchema = z.object({ lang: localeField.optional() });
