import { z } from "zod";
import { checkPassword } from "@/lib/domain/password-policy";
import { LOCALES } from "@/lib/i18n/locales";

// Messages are keys under "errors" in messages/*.json: the UI shows them in
// the user's language, the API in English (lib/api.ts).
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
