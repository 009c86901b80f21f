import { z } from "zod";
import { PASSKEY_NAME_MAX } from "@/lib/domain/passkeys";
import { emailField, passwordField } from "./fields";

// Bodies of /api/v1/me/passkeys. The browser's credential is only shaped
// here (sizes, the fields SimpleWebAuthn reads); its content is checked by
// verifyRegistrationResponse.

const base64url = z
  .string({ error: "passkey_invalid" })
  .max(16_384, { error: "passkey_invalid" })
  .regex(/^[A-Za-z0-9_-]*$/, { error: "passkey_invalid" });

/** A passkey's name as typed; blank takes the default (lib/domain/passkeys.ts). */
export const passkeyNameField = z
  .string({ error: "passkey_name_required" })
  .max(PASSKEY_NAME_MAX * 4, { error: "passkey_name_too_long" });

/** Registration starts with the current password, as two-factor enrolment does. */
export const passkeyOptionsSchema = z.object({ password: passwordField });

/** A RegistrationResponseJSON from @simplewebauthn/browser's startRegistration. */
export const registrationResponseSchema = z.looseObject({
  id: base64url,
  rawId: base64url,
  type: z.literal("public-key", { error: "passkey_invalid" }),
  response: z.looseObject({
    clientDataJSON: base64url,
    attestationObject: base64url,
    transports: z.array(z.string().max(20)).max(10).optional(),
  }),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
});

export const passkeyRegisterSchema = z.object({
  challengeId: z.uuid({ error: "passkey_invalid" }),
  name: passkeyNameField.optional(),
  response: registrationResponseSchema,
});
export type PasskeyRegisterInput = z.infer<typeof passkeyRegisterSchema>;

export const passkeyRenameSchema = z.object({
  name: z
    .string({ error: "passkey_name_required" })
    .trim()
    .min(1, { error: "passkey_name_required" })
    .max(PASSKEY_NAME_MAX * 4, { error: "passkey_name_too_long" }),
});

/** An AuthenticationResponseJSON from @simplewebauthn/browser's startAuthentication. */
export const authenticationResponseSchema = z.looseObject({
  id: base64url,
  rawId: base64url,
  type: z.literal("public-key", { error: "passkey_invalid" }),
  response: z.looseObject({
    clientDataJSON: base64url,
    authenticatorData: base64url,
    signature: base64url,
    userHandle: base64url.optional(),
  }),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
});

export const passkeySignInSchema = z.object({
  challengeId: z.uuid({ error: "passkey_invalid" }),
  response: authenticationResponseSchema,
});
export type PasskeySignInInput = z.infer<typeof passkeySignInSchema>;

/** The second step's passkey: the password step's email and password again (decision 024). */
export const passkeySecondFactorOptionsSchema = z.object({
  email: emailField,
  password: passwordField,
});
