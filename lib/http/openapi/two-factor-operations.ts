import { z } from "zod";
import { totpCodeSchema, totpEnrolSchema } from "@/lib/validation/auth";
import { type Operation, created, json, noContent, ok } from "./operation";

/** Two-factor (TOTP, RFC 6238): enrol, confirm with a code, turn off. */
export const TWO_FACTOR_OPERATIONS: Operation[] = [
  {
    method: "POST",
    path: "/api/v1/me/totp",
    tag: "me",
    summary: "Start two-factor enrolment",
    description:
      "Takes the current password; answers a pending secret (base32) and its otpauth:// URI for an " +
      "authenticator app (SHA-1, 6 digits, 30 s). Nothing changes at sign-in until a code confirms " +
      "it. Wrong passwords are throttled as at sign-in (429 with Retry-After).",
    auth: "user",
    body: json(totpEnrolSchema),
    success: created(
      "The pending secret.",
      z.object({ secret: z.string(), otpauthUri: z.string() }),
    ),
    errors: ["conflict", "rate_limited"],
  },
  {
    method: "POST",
    path: "/api/v1/me/totp/confirm",
    tag: "me",
    summary: "Turn two-factor on with a code",
    description:
      "A current code of the pending secret turns two-factor on and answers ten single-use recovery " +
      "codes, shown this once (only their hashes are kept). A wrong code is a field error " +
      "`totp_invalid`, throttled like a wrong password.",
    auth: "user",
    body: json(totpCodeSchema),
    success: ok("The recovery codes.", z.object({ recoveryCodes: z.array(z.string()) })),
    errors: ["not_found", "rate_limited"],
  },
  {
    method: "DELETE",
    path: "/api/v1/me/totp",
    tag: "me",
    summary: "Turn two-factor off",
    description:
      "Takes a current code or an unused recovery code; the secret and every recovery code are " +
      "deleted.",
    auth: "user",
    body: json(totpCodeSchema),
    success: noContent("Two-factor is off."),
    errors: ["not_found", "rate_limited"],
  },
];
