import "server-only";
import { db } from "@/lib/db/client";
import { watchStatus } from "@/lib/domain/charges";
import { addCycle } from "@/lib/domain/reminders";
import type { BillingCycle } from "@/lib/domain/subscriptions";
import { chargeWatches, flaggedCharges, type TransactionDto } from "./flagged-charges";
import { listTransactions } from "./transactions";
import type { Actor } from "./users";

// What the pages and the reminders show of the charges: the flagged ones
// with their providers (dashboard, Statements, reminders, calendar feed) and
// one case's side of the statements (its lines, flags and watch). Built on
// ./transactions.ts, which reads and classifies the lines.

/** The flagged charges for the dashboard and the statements page: the newest, with their providers. */
export async function flaggedSummary(
  actor: Actor & { timeZone: string },
  shown = 10,
): Promise<{ items: (TransactionDto & { provider: string })[]; total: number }> {
  const flagged = await flaggedCharges(actor);
  if (flagged.length === 0) return { items: [], total: 0 }; // no statement asked for nothing
  const page = flagged.slice(0, shown);
  const providers = new Map(
    (
      await db.subscription.findMany({
        where: { userId: actor.id, id: { in: [...new Set(page.map((l) => l.subscriptionId!))] } },
        select: { id: true, provider: true },
      })
    ).map((s) => [s.id, s.provider]),
  );
  return {
    items: page.map((line) => ({ ...line, provider: providers.get(line.subscriptionId!) ?? "" })),
    total: flagged.length,
  };
}

const PERIODS_READ = 200;
const CASE_LINES_SHOWN = 20;

export type WatchState = ReturnType<typeof watchStatus>;

export type CaseCharges = {
  /** Set once the case has been confirmed (and is its subscription's latest confirmed case). */
  watch: {
    confirmedOn: string;
    status: WatchState;
    /** The last day a statement must cover for "verified". */
    through: string;
    expectedFinalBill: number | null;
  } | null;
  lines: TransactionDto[];
  linesTotal: number;
  flagged: TransactionDto[];
};

/**
 * What the statements say about one case: its subscription's newest lines,
 * its flagged charges, and whether the cancellation is watched, verified by
 * a clean statement, or charged after all.
 */
export async function caseCharges(
  actor: Actor & { timeZone: string },
  kase: { id: string; subscriptionId: string; billingCycle: BillingCycle },
): Promise<CaseCharges> {
  const [page, linesTotal, watches] = await Promise.all([
    listTransactions(actor, { limit: CASE_LINES_SHOWN, subscriptionId: kase.subscriptionId }),
    db.transaction.count({ where: { userId: actor.id, subscriptionId: kase.subscriptionId } }),
    chargeWatches(actor, [kase.subscriptionId]),
  ]);
  const watch = watches.get(kase.subscriptionId);
  if (!watch || watch.caseId !== kase.id) {
    return { watch: null, lines: page.items, linesTotal, flagged: [] };
  }
  const flagged = await flaggedCharges(actor, [kase.subscriptionId]);
  const imports = await db.statementImport.findMany({
    where: { userId: actor.id, periodStart: { not: null }, periodEnd: { not: null } },
    orderBy: { periodEnd: "desc" },
    take: PERIODS_READ,
    select: { periodStart: true, periodEnd: true },
  });
  const periods = imports.map((p) => ({ start: p.periodStart!, end: p.periodEnd! }));
  return {
    watch: {
      confirmedOn: watch.confirmedOn,
      status: watchStatus({
        confirmedOn: watch.confirmedOn,
        billingCycle: kase.billingCycle,
        periods,
        flagged: flagged.length,
      }),
      through: addCycle(watch.confirmedOn, kase.billingCycle),
      expectedFinalBill: watch.expectedFinalBill,
    },
    lines: page.items,
    linesTotal,
    flagged,
  };
}
