import { z } from "zod";
import { PATTERNS_MAX, isUsablePattern } from "@/lib/domain/merchant-patterns";
import { BILLING_CYCLES, SUBSCRIPTION_CATEGORIES } from "@/lib/domain/subscriptions";
import {
  NOTICE_DAYS_MAX,
  REMIND_DAYS_COUNT_MAX,
  REMIND_DAYS_MAX,
  normalLeadTimes,
} from "@/lib/domain/reminder-rules";
import { amountField, currencyField, dateOnlyField, optionalText } from "./fields";

/** "mintmobile.com/account" → "https://mintmobile.com/account"; a value with a scheme is kept (and checked). */
export function withScheme(value: string): string {
  const trimmed = value.trim();
  if (!trimmed || /^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return trimmed;
  return `https://${trimmed.replace(/^\/+/, "")}`;
}

const cancelUrlField = z
  .string({ error: "text_invalid" })
  .trim()
  .max(2000, { error: "text_too_long_2000" })
  .nullable()
  .transform((value) => (value ? withScheme(value) : null))
  .refine(
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
  )
  .optional();

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
  /** The card-statement descriptors of this plan ("MINT MOBILE"); null: from the provider's name. */
  merchantPatterns: z
    .array(
      z
        .string({ error: "pattern_invalid" })
        .trim()
        .refine(isUsablePattern, { error: "pattern_invalid" }),
      { error: "pattern_invalid" },
    )
    .max(PATTERNS_MAX, { error: "patterns_too_many" })
    .nullable()
    .optional(),
  /** Its provider playbook: a slug the library holds (checked there), or null for none. */
  playbookSlug: z
    .string({ error: "playbook_unknown" })
    .trim()
    .max(60, { error: "playbook_unknown" })
    .nullable()
    .transform((value) => (value === "" ? null : value))
    .optional(),
  /** The day a free trial ends; null: not on a trial. */
  trialEndsOn: dateOnlyField.nullable().optional(),
  /** Days before a renewal to remind ([30, 7, 1]); null: the user's own (Settings → Notifications). */
  remindDaysBefore: z
    .array(
      z
        .number({ error: "lead_times_invalid" })
        .int({ error: "lead_times_invalid" })
        .min(0, { error: "lead_times_invalid" })
        .max(REMIND_DAYS_MAX, { error: "lead_times_invalid" }),
      { error: "lead_times_invalid" },
    )
    .max(REMIND_DAYS_COUNT_MAX, { error: "lead_times_too_many" })
    .refine((days) => new Set(days).size === days.length, { error: "lead_times_repeated" })
    .transform(normalLeadTimes)
    .nullable()
    .optional(),
  /** Cancel at least this many days before renewal; null: no notice period. */
  noticeDays: z
    .number({ error: "notice_days_invalid" })
    .int({ error: "notice_days_invalid" })
    .min(0, { error: "notice_days_invalid" })
    .max(NOTICE_DAYS_MAX, { error: "notice_days_invalid" })
    .nullable()
    .optional(),
};

export const createSubscriptionSchema = z.object(subscriptionFields);
export type CreateSubscriptionInput = z.infer<typeof createSubscriptionSchema>;

export const updateSubscriptionSchema = z.object(subscriptionFields).partial();
export type UpdateSubscriptionInput = z.infer<typeof updateSubscriptionSchema>;
