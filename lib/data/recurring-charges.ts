import "server-only";
import { db } from "@/lib/db/client";
import { addDays, todayIn } from "@/lib/domain/dates";
import { findRecurringCharges, type RecurringCharge } from "@/lib/domain/recurring-charges";
import type { Actor } from "./users";

// The recurring charges in a user's statements (lib/domain/recurring-charges.ts),
// over a bounded read: the newest lines of the last two years and a bit, which
// holds two yearly charges and leaves out statements too old to matter.

/** Days of statement lines read: two yearly charges and a late one fit. */
export const RECURRING_LOOKBACK_DAYS = 800;
/** At most this many lines are read, the newest first: a few years of a busy account. */
export const RECURRING_LINES_READ = 20_000;
/** At most this many recurring charges are listed. */
export const RECURRING_SHOWN = 200;

export async function recurringCharges(
  actor: Actor & { timeZone: string },
): Promise<RecurringCharge[]> {
  const since = addDays(todayIn(actor.timeZone), -RECURRING_LOOKBACK_DAYS);
  const lines = await db.transaction.findMany({
    where: { userId: actor.id, postedOn: { gte: since }, amount: { gt: 0 } },
    orderBy: [{ postedOn: "desc" }, { id: "desc" }],
    take: RECURRING_LINES_READ,
    select: {
      id: true,
      postedOn: true,
      description: true,
      amount: true,
      currency: true,
      subscriptionId: true,
    },
  });
  return findRecurringCharges(lines).slice(0, RECURRING_SHOWN);
}
