import { z } from "zod";
import {
  emailField,
  localeField,
  nameField,
  newPasswordField,
  passwordField,
  timeZoneField,
} from "./fields";

export const credentialsSchema = z.object({ email: emailField, password: passwordField });
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

export const tokenRequestSchema = z.object({
  email: emailField,
  password: passwordField,
  name: apiTokenNameField.optional(),
});
export type TokenRequest = z.infer<typeof tokenRequestSchema>;

export const createTokenSchema = z.object({ name: apiTokenNameField });
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
