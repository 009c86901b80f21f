import { z } from "zod";
import { emailField, passwordField } from "./fields";

/** Settings → Email: the new address, and the current password that allows the change. */
export const emailChangeSchema = z.object({
  email: emailField,
  currentPassword: passwordField,
});

/** A verification or change link's token, as it comes back in the link. */
export const emailLinkSchema = z.object({ token: z.string().trim().min(20).max(100) });
