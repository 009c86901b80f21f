import { z } from "zod";
import {
  passwordResetConfirmSchema,
  passwordResetRequestSchema,
  registerSchema,
  tokenRequestSchema,
} from "@/lib/validation/auth";
import { notificationSettingsPatchSchema } from "@/lib/validation/notifications";
import { pushEndpointSchema, pushSubscriptionSchema } from "@/lib/validation/push";
import { described, meSchema, notificationSettingsSchema } from "./responses";
import { type Operation, json, ok, created, noContent } from "./operation";

const pushResult = z.object({ endpoint: z.string() });

/** Signing up, tokens, password resets and the caller's own account. */
export const ACCOUNT_OPERATIONS: Operation[] = [
  // Auth
  {
    method: "POST",
    path: "/api/v1/auth/register",
    tag: "auth",
    summary: "Create an account",
    description: "Without a locale, the account takes the caller's Accept-Language.",
    auth: "public",
    body: json(registerSchema),
    success: created("The new account.", z.object({ id: z.string(), email: z.string() })),
    errors: ["registration_closed", "password_login_off", "email_taken", "rate_limited"],
  },
  {
    method: "POST",
    path: "/api/v1/auth/token",
    tag: "auth",
    summary: "Exchange email and password for an API token",
    description:
      "The token is shown once. Failed checks are throttled (429 with Retry-After). With " +
      "two-factor on, `totp` (a current code or an unused recovery code) is needed too: 401 " +
      "`totp_required` without it, 401 `totp_invalid` when it is wrong or used already. " +
      "403 `password_login_off` when the server has passwords off (`PASSWORD_LOGIN=false`).",
    auth: "public",
    body: json(tokenRequestSchema),
    success: created("The token, for `Authorization: Bearer`.", z.object({ token: z.string() })),
    errors: ["password_login_off", "unauthorized", "totp_required", "totp_invalid", "rate_limited"],
  },
  {
    method: "POST",
    path: "/api/v1/auth/password-reset",
    tag: "auth",
    summary: "Ask for a password reset link",
    description: "202 whether or not the account exists; a mail goes out when it does.",
    auth: "public",
    body: json(passwordResetRequestSchema),
    success: { status: 202, description: "Accepted.", schema: z.object({ ok: z.boolean() }) },
    errors: ["password_login_off", "rate_limited"],
  },
  {
    method: "POST",
    path: "/api/v1/auth/password-reset/confirm",
    tag: "auth",
    summary: "Set a new password with a reset link's token",
    description: "Every session and token of the account ends.",
    auth: "public",
    body: json(passwordResetConfirmSchema),
    success: ok("Password changed.", z.object({ ok: z.boolean() })),
    errors: ["password_login_off", "rate_limited"],
  },
  {
    method: "GET",
    path: "/api/v1/openapi.json",
    tag: "meta",
    summary: "This document",
    auth: "public",
    success: ok("The OpenAPI 3.1 document of /api/v1.", described("An OpenAPI 3.1 document.")),
    static: true,
  },
  // The caller's own account
  {
    method: "GET",
    path: "/api/v1/me",
    tag: "me",
    summary: "Who the request acts as",
    auth: "user",
    success: ok("The acting user.", meSchema),
  },
  {
    method: "POST",
    path: "/api/v1/me/calendar-feed",
    tag: "me",
    summary: "Create a secret calendar feed address",
    description: "The old address, if any, stops working.",
    auth: "user",
    success: created("The feed's address.", z.object({ url: z.string() })),
  },
  {
    method: "DELETE",
    path: "/api/v1/me/calendar-feed",
    tag: "me",
    summary: "Turn the calendar feed off",
    auth: "user",
    success: noContent("Its address answers 404 from now on."),
  },
  {
    method: "GET",
    path: "/api/v1/me/notifications",
    tag: "me",
    summary: "Read the notification settings",
    auth: "user",
    success: ok("Which reminders, on which channels, when.", notificationSettingsSchema),
  },
  {
    method: "PATCH",
    path: "/api/v1/me/notifications",
    tag: "me",
    summary: "Change the notification settings",
    description: "What is left out stays as it is; unknown keys are refused.",
    auth: "user",
    body: json(notificationSettingsPatchSchema),
    success: ok("The settings after the change.", notificationSettingsSchema),
  },
  {
    method: "POST",
    path: "/api/v1/me/notifications/test",
    tag: "me",
    summary: "Send a test message on each enabled channel",
    auth: "user",
    success: ok(
      "One result per channel.",
      z.object({
        results: z.array(
          z.object({ channel: z.string(), ok: z.boolean(), error: z.string().optional() }),
        ),
      }),
    ),
    errors: ["unprocessable", "rate_limited"],
  },
  {
    method: "POST",
    path: "/api/v1/me/push-subscriptions",
    tag: "me",
    summary: "Register a browser for push reminders",
    description: "The body is the browser's PushSubscription.toJSON().",
    auth: "user",
    body: json(pushSubscriptionSchema),
    success: created("Registered.", pushResult),
    errors: ["limit_reached"],
  },
  {
    method: "DELETE",
    path: "/api/v1/me/push-subscriptions",
    tag: "me",
    summary: "Stop push reminders to a browser",
    auth: "user",
    body: json(pushEndpointSchema),
    success: noContent("Removed (from the caller's own devices only)."),
  },
  {
    method: "GET",
    path: "/api/v1/export",
    tag: "me",
    summary: "Download all of my data",
    description:
      "A ZIP of the caller's records as JSON in this API's field names (account, notification " +
      "settings, subscriptions, cases with their events, notes, playbook corrections, statement " +
      "accounts with the cardholder's details, imports, statement lines, disputes) and every " +
      "receipt file. One export at a time per user (429 `rate_limited` while one is being " +
      "downloaded) and a few at once on the server (503 `busy`).",
    auth: "user",
    success: {
      status: 200,
      description: "The ZIP, as an attachment.",
      contentType: "application/zip",
    },
    errors: ["rate_limited"],
  },
];
