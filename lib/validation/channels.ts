import { z } from "zod";
import { CHANNEL_KINDS, CHANNEL_NAME_MAX, type ChannelKind } from "@/lib/domain/channels";
import { parseInput } from "./parse";

// Bodies of /api/v1/me/channels. The shape of each kind's target and secret
// is checked here; whether the server may call a target is the outbound
// guard's question (lib/services/channels.ts).

const URL_MAX = 2048;
const SECRET_MAX = 256;

const nameField = z
  .string({ error: "name_invalid" })
  .trim()
  .min(1, { error: "name_invalid" })
  .max(CHANNEL_NAME_MAX, { error: "text_too_long_60" });

/** An http(s) URL whose path ends as `tail` says; the guard judges the rest. */
const urlEnding = (tail: RegExp) =>
  z
    .string({ error: "channel_target_invalid" })
    .trim()
    .max(URL_MAX, { error: "channel_target_invalid" })
    .regex(/^https?:\/\/[^\s/?#]+/i, { error: "channel_target_invalid" })
    .refine((url) => tail.test(url.replace(/^https?:\/\/[^/]+/i, "")), {
      error: "channel_target_invalid",
    });

const secretMatching = (shape: RegExp) =>
  z
    .string({ error: "channel_secret_required" })
    .trim()
    .min(1, { error: "channel_secret_required" })
    .max(SECRET_MAX, { error: "channel_secret_invalid" })
    .regex(shape, { error: "channel_secret_invalid" });

const anySecret = secretMatching(/^[\x21-\x7e]+$/);
const noSecret = z.null({ error: "channel_secret_unexpected" }).optional();
const optionalSecret = z
  .union([z.literal("").transform(() => null), anySecret, z.null()])
  .optional();

type KindFields = { target: z.ZodType<string>; secret: z.ZodType<string | null | undefined> };

/** What each kind's target and secret look like (the setup guide: docs/operations.md). */
export const CHANNEL_FIELDS: Record<ChannelKind, KindFields> = {
  // Any path; the secret signs the body (HMAC-SHA256), so it should be long.
  webhook: {
    target: urlEnding(/^(\/[^\s#]*)?$/),
    secret: secretMatching(/^[\x21-\x7e]{16,}$/),
  },
  // The topic's URL: https://ntfy.sh/<topic>; an access token is optional.
  ntfy: { target: urlEnding(/^(\/[^/\s?#]+)*\/[A-Za-z0-9_-]{1,64}$/), secret: optionalSecret },
  // The server's URL (with its sub-path, if any); the application token.
  gotify: { target: urlEnding(/^(\/[^\s?#]*)?$/), secret: anySecret },
  // A chat id (a number, negative for groups) or @channelusername; the bot token.
  telegram: {
    target: z
      .string({ error: "channel_target_invalid" })
      .trim()
      .regex(/^(-?\d{1,20}|@[A-Za-z0-9_]{5,32})$/, { error: "channel_target_invalid" }),
    secret: secretMatching(/^\d{1,20}:[A-Za-z0-9_-]{20,100}$/),
  },
  discord: { target: urlEnding(/\/webhooks\/\d{1,25}\/[A-Za-z0-9_-]{10,200}$/), secret: noSecret },
  slack: { target: urlEnding(/^\/services\/[A-Za-z0-9_/-]{6,200}$/), secret: noSecret },
  // The Apprise API's notify endpoint, with the key the operator saved URLs under.
  apprise: { target: urlEnding(/\/notify\/[A-Za-z0-9_-]{1,64}\/?$/), secret: noSecret },
  // The SendKey (SCT… for Turbo, sctp… for Server酱³).
  serverchan: {
    target: z
      .string({ error: "channel_target_invalid" })
      .trim()
      .regex(/^(SCT|sctp)[A-Za-z0-9]{4,100}$/, { error: "channel_target_invalid" }),
    secret: noSecret,
  },
  // The user token from pushplus.plus.
  pushplus: {
    target: z
      .string({ error: "channel_target_invalid" })
      .trim()
      .regex(/^[A-Za-z0-9]{16,64}$/, { error: "channel_target_invalid" }),
    secret: noSecret,
  },
  // The Bark server (https://api.day.app or one's own); the device key.
  bark: { target: urlEnding(/^\/?$/), secret: secretMatching(/^[A-Za-z0-9]{4,64}$/) },
};

const createShape = z.strictObject({
  kind: z.enum(CHANNEL_KINDS, { error: "channel_kind_invalid" }),
  name: nameField,
  target: z.unknown(),
  secret: z.unknown().optional(),
  enabled: z.boolean({ error: "boolean_invalid" }).optional(),
});

export type ChannelCreateInput = {
  kind: ChannelKind;
  name: string;
  target: string;
  secret: string | null;
  enabled: boolean;
};

/** A new channel: the common fields, then the kind's own target and secret. */
export function parseChannelCreate(input: unknown): ChannelCreateInput {
  const base = parseInput(createShape, input);
  const fields = CHANNEL_FIELDS[base.kind];
  const own = parseInput(z.object({ target: fields.target, secret: fields.secret }), {
    target: base.target,
    secret: base.secret,
  });
  return {
    kind: base.kind,
    name: base.name,
    target: own.target,
    secret: own.secret ?? null,
    enabled: base.enabled ?? true,
  };
}

const patchShape = z.strictObject({
  name: nameField.optional(),
  target: z.unknown().optional(),
  secret: z.unknown().optional(),
  enabled: z.boolean({ error: "boolean_invalid" }).optional(),
});

/** `secret` left out keeps the stored one; null (or "") clears an optional one. */
export type ChannelPatchInput = {
  name?: string;
  target?: string;
  secret?: string | null;
  enabled?: boolean;
};

export function parseChannelPatch(kind: ChannelKind, input: unknown): ChannelPatchInput {
  const base = parseInput(patchShape, input);
  const fields = CHANNEL_FIELDS[kind];
  const own = parseInput(
    z.object({ target: fields.target.optional(), secret: fields.secret.optional() }),
    {
      target: base.target,
      secret: base.secret,
    },
  );
  return {
    ...(base.name !== undefined ? { name: base.name } : {}),
    ...(base.enabled !== undefined ? { enabled: base.enabled } : {}),
    ...(own.target !== undefined ? { target: own.target } : {}),
    ...("secret" in (input as object) ? { secret: own.secret ?? null } : {}),
  };
}

/** The OpenAPI document's view of the bodies (the per-kind shapes are described in words). */
export const channelCreateSchema = z.object({
  kind: z.enum(CHANNEL_KINDS),
  name: z.string().max(CHANNEL_NAME_MAX),
  target: z.string().max(URL_MAX),
  secret: z.string().max(SECRET_MAX).nullable().optional(),
  enabled: z.boolean().optional(),
});
export const channelPatchSchema = channelCreateSchema.omit({ kind: true }).partial();
