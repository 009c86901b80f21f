import { z } from "zod";
import { PUSH_ENDPOINT_MAX } from "@/lib/domain/push";

// A browser's PushSubscription.toJSON(): {endpoint, expirationTime, keys}.
const endpoint = z
  .string({ error: "push_endpoint_invalid" })
  .min(1, { error: "push_endpoint_invalid" })
  .max(PUSH_ENDPOINT_MAX, { error: "push_endpoint_invalid" });
const key = z.string({ error: "push_keys_invalid" }).max(200, { error: "push_keys_invalid" });

export const pushSubscriptionSchema = z.object({
  endpoint,
  expirationTime: z.number().nullable().optional(),
  keys: z.strictObject({ p256dh: key, auth: key }, { error: "push_keys_invalid" }),
});

export const pushEndpointSchema = z.object({ endpoint });
