import "server-only";
import { db } from "@/lib/db/client";
import type { Actor } from "./users";

// What the statement-lines page (issue 34) offers to filter by: the
// accounts and the subscriptions the user's lines carry, so each choice
// alone lists something (not a subscription without a line). The lines
// themselves are ./transactions.ts's listTransactions.

export type LineFilterOptions = {
  /** Whether the user has any statement line at all (else the page invites an import). */
  hasLines: boolean;
  /** The account labels of the user's lines, in order. */
  accounts: string[];
  /** The subscriptions the user's lines are matched to, by provider name. */
  subscriptions: { id: string; provider: string; plan: string | null }[];
};

/** A filter lists at most this many choices: a user with thousands of labels still gets a page. */
export const FILTER_OPTIONS_MAX = 200;

/** The user's accounts and subscriptions that have lines: two owner-scoped, bounded reads. */
export async function lineFilterOptions(actor: Actor): Promise<LineFilterOptions> {
  const [accounts, subscriptions] = await Promise.all([
    db.transaction.groupBy({
      by: ["account"],
      where: { userId: actor.id },
      orderBy: { account: "asc" },
      take: FILTER_OPTIONS_MAX,
    }),
    db.subscription.findMany({
      // The line's owner too: a line is only ever matched to its owner's subscription, but the
      // rule is kept where it is read.
      where: { userId: actor.id, transactions: { some: { userId: actor.id } } },
      select: { id: true, provider: true, plan: true },
      orderBy: [{ provider: "asc" }, { id: "asc" }],
      take: FILTER_OPTIONS_MAX,
    }),
  ]);
  const byName = new Intl.Collator(undefined, { sensitivity: "base", numeric: true }).compare;
  return {
    hasLines: accounts.length > 0,
    accounts: accounts.map((a) => a.account).sort(byName),
    subscriptions: subscriptions.sort(
      (a, b) => byName(a.provider, b.provider) || byName(a.plan ?? "", b.plan ?? ""),
    ),
  };
}
