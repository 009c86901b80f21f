import "server-only";
import { pushAllowedOrigins, pushSubscriptionsPerUserLimit } from "@/lib/config";
import { db } from "@/lib/db/client";
import { isAllowedPushEndpoint, isPushKeys } from "@/lib/domain/push";
import { AppError } from "@/lib/errors/app-error";
import { limitReachedError } from "./errors";
import type { Actor } from "./users";
import { replanToday } from "./notification-settings";

// The browsers and phones that accepted push for a user. An endpoint is one
// browser's: subscribing it again (even from another account signed in
// there) moves it, so a shared browser never gets someone else's reminders.

export type PushTarget = { endpoint: string; keys: { p256dh: string; auth: string } };

export async function savePushSubscription(
  actor: Actor,
  input: PushTarget & { userAgent: string },
): Promise<void> {
  if (!isAllowedPushEndpoint(input.endpoint, pushAllowedOrigins())) {
    throw new AppError("validation_failed", "The endpoint is not a known push service.", {
      fields: { endpoint: ["push_endpoint_invalid"] },
    });
  }
  if (!isPushKeys(input.keys)) {
    throw new AppError("validation_failed", "The keys are not a browser's push keys.", {
      fields: { keys: ["push_keys_invalid"] },
    });
  }
  const limit = pushSubscriptionsPerUserLimit();
  await db.$transaction(async (tx) => {
    const mine = await tx.pushSubscription.findUnique({
      where: { endpoint: input.endpoint },
      select: { userId: true },
    });
    if (mine?.userId !== actor.id) {
      const count = await tx.pushSubscription.count({ where: { userId: actor.id } });
      if (count >= limit) {
        throw limitReachedError(
          "devices",
          limit,
          `You already get push messages on ${limit} devices.`,
        );
      }
    }
    const data = {
      userId: actor.id,
      p256dh: input.keys.p256dh,
      auth: input.keys.auth,
      userAgent: input.userAgent.slice(0, 200),
    };
    await tx.pushSubscription.upsert({
      where: { endpoint: input.endpoint },
      create: { endpoint: input.endpoint, ...data },
      update: { ...data, createdAt: new Date() },
    });
  });
  // A first device turns the push channel on: today's reminders go there too.
  await replanToday(actor.id);
}

/** This browser off; an endpoint that is not the actor's is left alone. */
export async function removePushSubscription(actor: Actor, endpoint: string): Promise<void> {
  await db.pushSubscription.deleteMany({ where: { userId: actor.id, endpoint } });
}

export async function pushTargets(userId: string): Promise<PushTarget[]> {
  const rows = await db.pushSubscription.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    take: pushSubscriptionsPerUserLimit(),
    select: { endpoint: true, p256dh: true, auth: true },
  });
  return rows.map((r) => ({ endpoint: r.endpoint, keys: { p256dh: r.p256dh, auth: r.auth } }));
}

/** A push service said the endpoint is gone (404/410): it never comes back. */
export async function dropPushEndpoint(endpoint: string): Promise<void> {
  await db.pushSubscription.deleteMany({ where: { endpoint } });
}

export async function pushDeviceCount(actor: Actor): Promise<number> {
  return db.pushSubscription.count({ where: { userId: actor.id } });
}
