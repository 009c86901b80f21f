import { z } from "zod";
import { isDateOnly } from "@/lib/domain/dates";
import { isCurrencyCode } from "@/lib/domain/money";
import { checkPassword } from "@/lib/domain/password-policy";
import { LOCALES } from "@/lib/domain/locales";

// Messages are keys under "errors" in messages/*.json: the UI shows them in
// the user's language, the API in English (lib/http/api-route.ts).
export const emailField = z
  .string({ error: "email_required" })
  .trim()
  .toLowerCase()
  .min(1, { error: "email_required" })
  .max(254, { error: "email_invalid" })
  .pipe(z.email({ error: "email_invalid" }));

/** A password being checked, not chosen: any non-empty string within reason. */
export const passwordField = z
  .string({ error: "password_required" })
  .min(1, { error: "password_required" })
  .max(1024, { error: "password_too_long" });

/** A password being chosen: the policy of lib/domain/password-policy. */
export const newPasswordField = z
  .string({ error: "password_required" })
  .superRefine((value, ctx) => {
    const problem = checkPassword(value);
    if (problem) ctx.addIssue({ code: "custom", message: `password_${problem}` });
  });

export const nameField = z
  .string({ error: "name_invalid" })
  .trim()
  .max(100, { error: "name_too_long" });

export const localeField = z.enum(LOCALES, { error: "locale_invalid" });

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const timeZoneField = z
  .string({ error: "time_zone_invalid" })
  .trim()
  .max(64, { error: "time_zone_invalid" })
  .refine(isTimeZone, { error: "time_zone_invalid" });

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
