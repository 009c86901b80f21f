import "server-only";
import { subscriptionsPerUserLimit } from "@/lib/config";
import { db } from "@/lib/db/client";
import { sameSubscriptionKey, type ImportedSubscription } from "@/lib/domain/subscription-import";
import { limitReachedError } from "./errors";
import { rematchLines } from "./transactions";
import type { Actor } from "./users";

/**
 * Many subscriptions at once (an import from another tracker): those
 * already kept (same provider, price and cycle) are left out; the limit is
 * counted with the rest before anything is written; one transaction, then
 * one re-match of the statement lines.
 */
export async function importSubscriptions(
  actor: Actor,
  items: ImportedSubscription[],
  { dryRun = false } = {},
): Promise<{ created: number; duplicates: number[] }> {
  const result = await db.$transaction(async (tx) => {
    const existing = await tx.subscription.findMany({
      where: { userId: actor.id },
      select: { provider: true, amount: true, currency: true, billingCycle: true },
    });
    const known = new Set(existing.map(sameSubscriptionKey));
    const duplicates: number[] = [];
    const fresh: ImportedSubscription[] = [];
    items.forEach((item, index) => {
      const key = sameSubscriptionKey(item);
      if (known.has(key)) duplicates.push(index);
      else {
        known.add(key);
        fresh.push(item);
      }
    });
    const limit = subscriptionsPerUserLimit();
    if (existing.length + fresh.length > limit) {
      throw limitReachedError(
        "subscriptions",
        limit,
        `You keep ${existing.length} subscriptions; ${fresh.length} more would pass the ${limit} one account can hold.`,
      );
    }
    if (!dryRun && fresh.length > 0) {
      await tx.subscription.createMany({
        data: fresh.map((item) => ({ ...item, userId: actor.id })),
      });
    }
    return { created: fresh.length, duplicates };
  });
  // The re-match also plans today again (new renewals).
  if (!dryRun && result.created > 0) await rematchLines(actor);
  return result;
}
