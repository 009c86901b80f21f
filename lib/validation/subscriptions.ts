import { z } from "zod";
import { isDateOnly } from "@/lib/domain/dates";
import { BILLING_CYCLES, isCurrencyCode } from "@/lib/domain/money";
import { SUBSCRIPTION_CATEGORIES } from "@/lib/domain/subscriptions";

/** Optional free text: trimmed; empty becomes null so "no value" has one spelling. */
export function optionalText(max: number) {
  return z
    .string({ error: "text_invalid" })
    .trim()
    .max(max, { error: `text_too_long_${max}` })
    .nullable()
    .transform((value) => (value === "" ? null : value))
    .optional();
}

export const dateOnlyField = z
  .string({ error: "date_invalid" })
  .refine(isDateOnly, { error: "date_invalid" });

export const currencyField = z
  .string({ error: "currency_invalid" })
  .trim()
  .toUpperCase()
  .refine(isCurrencyCode, { error: "currency_invalid" });

export const amountField = z
  .number({ error: "amount_invalid" })
  .int({ error: "amount_invalid" })
  .min(0, { error: "amount_invalid" })
  .max(1_000_000_000_00, { error: "amount_invalid" });

const cancelUrlField = optionalText(2000).refine(
  (value) => {
    if (!value) return true;
    try {
      const url = new URL(value);
      return url.protocol === "https:" || url.protocol === "http:";
    } catch {
      return false;
    }
  },
  { error: "url_invalid" },
);

const subscriptionFields = {
  provider: z
    .string({ error: "provider_required" })
    .trim()
    .min(1, { error: "provider_required" })
    .max(100, { error: "text_too_long_100" }),
  category: z.enum(SUBSCRIPTION_CATEGORIES, { error: "category_invalid" }),
  plan: optionalText(100),
  amount: amountField,
  currency: currencyField,
  billingCycle: z.enum(BILLING_CYCLES, { error: "billing_cycle_invalid" }),
  nextRenewalOn: dateOnlyField.nullable().optional(),
  accountRef: optionalText(100),
  paymentMethod: optionalText(60),
  autoRenew: z.boolean({ error: "boolean_invalid" }).optional(),
  cancelUrl: cancelUrlField,
  notes: optionalText(5000),
};

export const createSubscriptionSchema = z.object(subscriptionFields);
export type CreateSubscriptionInput = z.infer<typeof createSubscriptionSchema>;

export const updateSubscriptionSchema = z.object(subscriptionFields).partial();
export type UpdateSubscriptionInput = z.infer<typeof updateSubscriptionSchema>;

export const pageQuerySchema = z.object({
  limit: z.coerce
    .number({ error: "limit_invalid" })
    .int({ error: "limit_invalid" })
    .min(1, { error: "limit_invalid" })
    .max(100, { error: "limit_invalid" })
    .default(20),
  cursor: z.string().max(200).optional(),
});
export type PageQuery = z.infer<typeof pageQuerySchema>;

export const idField = z.string({ error: "id_invalid" }).min(1).max(64, { error: "id_invalid" });
