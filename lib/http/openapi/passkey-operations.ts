import { z } from "zod";
import {
  passkeyOptionsSchema,
  passkeyRegisterSchema,
  passkeyRenameSchema,
  passkeySecondFactorOptionsSchema,
} from "@/lib/validation/passkeys";
import { type Operation, created, json, noContent, ok } from "./operation";
import { named } from "./responses";

const passkeySchema = named(
  "Passkey",
  z.object({
    id: z.string(),
    name: z.string(),
    createdAt: z.iso.datetime(),
    lastUsedAt: z.iso.datetime().nullable(),
  }),
);

/** Passkeys (WebAuthn, decision 024): list, register in two requests, rename, remove. */
export const PASSKEY_OPERATIONS: Operation[] = [
  {
    method: "POST",
    path: "/api/v1/auth/passkey/options",
    tag: "auth",
    summary: "Start signing in with a passkey",
    description:
      "WebAuthn request options (`PublicKeyCredentialRequestOptionsJSON`: no allowed credentials, " +
      "so the device offers its passkeys for this site; user verification required) and the id " +
      "of their challenge, valid for five minutes and once. The browser's answer goes to the " +
      "sign-in form's `passkey` provider, which starts a session; there is no token for it. " +
      "Counted before the challenge is stored: 20 per client address per five minutes (429), " +
      "600 for the whole server (503 `busy`), and at most 2,000 challenges at once (503 `busy`).",
    auth: "public",
    success: ok(
      "The options for navigator.credentials.get.",
      z.object({ challengeId: z.string(), options: z.record(z.string(), z.unknown()) }),
    ),
    errors: ["rate_limited"],
  },
  {
    method: "POST",
    path: "/api/v1/auth/passkey/second-factor/options",
    tag: "auth",
    summary: "Start answering the second factor with a passkey",
    description:
      "For an account with two-factor (TOTP) on: the email and password again (throttled as a " +
      "sign-in), then WebAuthn request options listing that account's passkeys and the id of " +
      "their challenge, issued to that account, valid for five minutes and once. The browser's " +
      "answer goes back to the sign-in form's `credentials` provider with the email and " +
      "password, as `passkeyChallengeId` and `passkeyResponse`, in place of `totp`. 409 when " +
      "the account has two-factor off or no passkey; counted like the sign-in options.",
    auth: "public",
    body: json(passkeySecondFactorOptionsSchema),
    success: ok(
      "The options for navigator.credentials.get.",
      z.object({ challengeId: z.string(), options: z.record(z.string(), z.unknown()) }),
    ),
    errors: ["unauthorized", "forbidden", "conflict", "rate_limited"],
  },
  {
    method: "GET",
    path: "/api/v1/me/passkeys",
    tag: "me",
    summary: "List the account's passkeys",
    auth: "user",
    success: ok("The passkeys, oldest first.", z.object({ items: z.array(passkeySchema) })),
  },
  {
    method: "POST",
    path: "/api/v1/me/passkeys/options",
    tag: "me",
    summary: "Start registering a passkey",
    description:
      "Takes the current password (throttled as at sign-in); answers WebAuthn creation options " +
      "(`PublicKeyCredentialCreationOptionsJSON`, a discoverable credential for BASE_URL's host) " +
      "and the id of their challenge, valid for five minutes and once. The list's cap is " +
      "counted before the password, and 20 ceremonies a user per hour (429).",
    auth: "user",
    body: json(passkeyOptionsSchema),
    success: ok(
      "The options for navigator.credentials.create.",
      z.object({ challengeId: z.string(), options: z.record(z.string(), z.unknown()) }),
    ),
    errors: ["limit_reached", "rate_limited"],
  },
  {
    method: "POST",
    path: "/api/v1/me/passkeys",
    tag: "me",
    summary: "Register a passkey",
    description:
      "The browser's `RegistrationResponseJSON` for the challenge of `challengeId`, and a name " +
      "(blank: a default). Verified against BASE_URL's origin and host; a credential that does " +
      "not verify is a field error `passkey_invalid`. At most 20 passkeys an account.",
    auth: "user",
    body: json(passkeyRegisterSchema),
    success: created("The new passkey.", passkeySchema),
    errors: ["conflict", "limit_reached"],
  },
  {
    method: "PATCH",
    path: "/api/v1/me/passkeys/{id}",
    tag: "me",
    summary: "Rename a passkey",
    auth: "user",
    body: json(passkeyRenameSchema),
    success: ok("The renamed passkey.", passkeySchema),
  },
  {
    method: "DELETE",
    path: "/api/v1/me/passkeys/{id}",
    tag: "me",
    summary: "Remove a passkey",
    description: "It can no longer sign in. The security log records it.",
    auth: "user",
    success: noContent("Removed."),
  },
];
