import { z } from "zod";
import { DEFAULT_TOKEN_LIFETIME_DAYS, TOKEN_LIFETIMES_DAYS } from "@/lib/domain/api-tokens";
import {
  emailField,
  localeField,
  nameField,
  newPasswordField,
  passwordField,
  timeZoneField,
} from "./fields";

/**
 * A two-factor code as typed: six digits or a recovery code (an empty field
 * is no code). Its shape is checked where it is used, so a wrong one is a
 * wrong code under the throttle rather than a validation error.
 */
export const totpField = z
  .string({ error: "totp_invalid" })
  .trim()
  .max(40, { error: "totp_invalid" })
  .transform((code) => code || undefined);

export const credentialsSchema = z.object({
  email: emailField,
  password: passwordField,
  totp: totpField.optional(),
});
export type Credentials = z.infer<typeof credentialsSchema>;

export const registerSchema = z.object({
  email: emailField,
  password: newPasswordField,
  name: nameField.optional(),
  locale: localeField.optional(),
  timeZone: timeZoneField.optional(),
});
export type RegisterInput = z.infer<typeof registerSchema>;

export const apiTokenNameField = z
  .string({ error: "token_name_invalid" })
  .trim()
  .min(1, { error: "token_name_required" })
  .max(60, { error: "token_name_too_long" });

export const tokenLifetimeField = z.coerce
  .number({ error: "token_lifetime_invalid" })
  .refine((days) => (TOKEN_LIFETIMES_DAYS as readonly number[]).includes(days), {
    error: "token_lifetime_invalid",
  })
  .default(DEFAULT_TOKEN_LIFETIME_DAYS);

export const tokenRequestSchema = z.object({
  email: emailField,
  password: passwordField,
  totp: totpField.optional(),
  name: apiTokenNameField.optional(),
  expiresInDays: tokenLifetimeField,
});
export type TokenRequest = z.infer<typeof tokenRequestSchema>;

export const createTokenSchema = z.object({
  name: apiTokenNameField,
  expiresInDays: tokenLifetimeField,
  currentPassword: passwordField,
});
export type CreateTokenInput = z.infer<typeof createTokenSchema>;

export const changePasswordSchema = z.object({
  currentPassword: passwordField,
  newPassword: newPasswordField,
});
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

export const preferencesSchema = z.object({
  name: nameField,
  locale: localeField,
  timeZone: timeZoneField,
});
export type PreferencesInput = z.infer<typeof preferencesSchema>;

export const deleteAccountSchema = z.object({
  password: passwordField,
  confirmEmail: emailField,
});
export type DeleteAccountInput = z.infer<typeof deleteAccountSchema>;

export const passwordResetRequestSchema = z.object({ email: emailField });

export const passwordResetConfirmSchema = z.object({
  token: z
    .string({ error: "reset_link_invalid" })
    .regex(/^rst_[A-Za-z0-9_-]{43}$/, { error: "reset_link_invalid" }),
  password: newPasswordField,
});

/** Settings → Two-factor: enrolment starts with the current password. */
export const totpEnrolSchema = z.object({ password: passwordField });

/** A code that confirms an enrolment or turns two-factor off. */
export const totpCodeSchema = z.object({
  code: z
    .string({ error: "totp_code_required" })
    .trim()
    .min(1, { error: "totp_code_required" })
    .max(40, { error: "totp_invalid" }),
});
