import "server-only";
import { subscriptionsPerUserLimit } from "@/lib/config";
import { db } from "@/lib/db/client";
import { sameSubscriptionKey, type ImportedSubscription } from "@/lib/domain/subscription-import";
import { playbookFor } from "@/lib/playbooks/library";
import { limitReachedError } from "./errors";
import { rematchLines } from "./transactions";
import type { Actor } from "./users";

/**
 * The currency this user keeps most subscriptions in (ties: the most
 * recently added one), or null for a user with none: the preview of an
 * import offers it first when a price's symbol is shared ($, ¥, kr).
 */
export async function usualCurrency(actor: Actor): Promise<string | null> {
  const groups = await db.subscription.groupBy({
    by: ["currency"],
    where: { userId: actor.id },
    _count: { _all: true },
    _max: { createdAt: true },
  });
  groups.sort(
    (a, b) =>
      b._count._all - a._count._all ||
      (b._max.createdAt?.getTime() ?? 0) - (a._max.createdAt?.getTime() ?? 0),
  );
  return groups[0]?.currency ?? null;
}

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
        data: fresh.map((item) => ({
          ...item,
          playbookSlug: playbookFor(item.provider),
          userId: actor.id,
        })),
      });
    }
    return { created: fresh.length, duplicates };
  });
  // The re-match also plans today again (new renewals).
  if (!dryRun && result.created > 0) await rematchLines(actor);
  return result;
}
