import { z } from "zod";
import { CHANNEL_KINDS, CHANNELS_PER_USER } from "@/lib/domain/channels";
import { channelCreateSchema, channelPatchSchema } from "@/lib/validation/channels";
import { type Operation, created, json, noContent, ok } from "./operation";
import { named } from "./responses";

const channelSchema = named(
  "Channel",
  z.object({
    id: z.string(),
    kind: z.enum(CHANNEL_KINDS),
    name: z.string(),
    target: z.string(),
    secret: z.string().nullable(),
    enabled: z.boolean(),
    createdAt: z.iso.datetime(),
    lastSentAt: z.iso.datetime().nullable(),
    lastStatus: z.enum(["sent", "failed"]).nullable(),
    lastError: z.string().nullable(),
  }),
);

const TARGETS =
  "`target` and `secret` by kind: webhook — an https URL and a signing secret (16+ characters); " +
  "ntfy — the topic's URL (`https://ntfy.sh/<topic>`) and an optional access token; gotify — " +
  "the server's URL and an application token; telegram — a chat id (or `@channel`) and the bot " +
  "token; discord, slack — the webhook URL, no secret; apprise — the Apprise API's " +
  "`…/notify/<KEY>` URL; serverchan — the SendKey; pushplus — the token; bark — the server " +
  "(`https://api.day.app`) and the device key. Secrets are write-only: answers show a mask " +
  "(`secret`), and a target that is itself a credential (discord, slack, serverchan, pushplus) " +
  "is shown masked. A URL must pass the outbound guard (https, a public address, no userinfo; " +
  "hosts in OUTBOUND_ALLOWED_HOSTS may be on the LAN and plain http): otherwise 422 " +
  "`target_not_allowed`.";

/** Notification channels (issue 36, decision 026). */
export const CHANNEL_OPERATIONS: Operation[] = [
  {
    method: "GET",
    path: "/api/v1/me/channels",
    tag: "me",
    summary: "List the account's notification channels",
    auth: "user",
    success: ok("The channels, oldest first.", z.object({ items: z.array(channelSchema) })),
  },
  {
    method: "POST",
    path: "/api/v1/me/channels",
    tag: "me",
    summary: "Add a notification channel",
    description: `${TARGETS} At most ${CHANNELS_PER_USER} channels an account.`,
    auth: "user",
    body: json(channelCreateSchema),
    success: created("The new channel.", channelSchema),
    errors: ["target_not_allowed", "limit_reached"],
  },
  {
    method: "PATCH",
    path: "/api/v1/me/channels/{id}",
    tag: "me",
    summary: "Change a notification channel",
    description:
      "Any of `name`, `enabled`, `target`, `secret` (left out: kept; null: cleared where it is " +
      "optional). A new target or secret clears the last status. The kind cannot change.",
    auth: "user",
    body: json(channelPatchSchema),
    success: ok("The changed channel.", channelSchema),
    errors: ["target_not_allowed"],
  },
  {
    method: "DELETE",
    path: "/api/v1/me/channels/{id}",
    tag: "me",
    summary: "Remove a notification channel",
    auth: "user",
    success: noContent("Removed."),
  },
  {
    method: "POST",
    path: "/api/v1/me/channels/{id}/test",
    tag: "me",
    summary: "Send a test message on a channel",
    description:
      "Sent at once, in the account's language; the answer is the channel with its new " +
      "`lastStatus` and `lastError` (a failure of the service is reported there, not as an " +
      "error). A target the outbound guard refuses is 422 `target_not_allowed`.",
    auth: "user",
    success: { status: 202, description: "Sent (or tried): the channel.", schema: channelSchema },
    errors: ["target_not_allowed"],
  },
];
