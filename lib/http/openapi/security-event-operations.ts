import { z } from "zod";
import { SECURITY_EVENT_KINDS } from "@/lib/domain/security-events";
import { pageQuerySchema } from "@/lib/validation/fields";
import { type Operation, ok } from "./operation";
import { named, pageOf } from "./responses";

const securityEventSchema = named(
  "SecurityEvent",
  z.object({
    id: z.string(),
    kind: z.enum(SECURITY_EVENT_KINDS),
    at: z.iso.datetime(),
    userAgent: z
      .string()
      .optional()
      .meta({ description: "The browser or client that acted, when it said." }),
  }),
);

/** The caller's security log (Settings → Security). */
export const SECURITY_EVENT_OPERATIONS: Operation[] = [
  {
    method: "GET",
    path: "/api/v1/me/security-events",
    tag: "me",
    summary: "List the account's security events",
    description:
      "Sign-ins from an unseen device, password changes and resets, tokens created and revoked, log-out-everywhere, email changes, two-factor and passkeys. The newest 500 are kept.",
    auth: "user",
    query: pageQuerySchema,
    success: ok("A page of events, newest first.", pageOf(securityEventSchema)),
  },
];
