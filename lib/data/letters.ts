import "server-only";
import { db } from "@/lib/db/client";
import { todayIn } from "@/lib/domain/dates";
import { ACCOUNT_KINDS, type AccountKind } from "@/lib/domain/dispute-deadlines";
import type { LetterFacts } from "@/lib/domain/letters";
import { NOTE_CHANNELS } from "@/lib/domain/notes";
import { maskAccountRef } from "@/lib/domain/subscriptions";
import { fromColumn } from "./columns";
import { notFoundError } from "./errors";
import { chargeWatches, flaggedCharges, type TransactionDto } from "./flagged-charges";
import { DEFAULT_ACCOUNT_KIND } from "./statement-accounts";
import { getSubscription } from "./subscriptions";
import type { Actor } from "./users";

// The facts a case's letters are written from (lib/domain/letters), read
// owner-scoped: the case and its subscription, the charges flagged after its
// confirmation (or the one `transactionId` names), and the statement
// account's holder and issuer details (StatementAccount, filled by the
// accounts page). The display name is never read: it is not a legal name.

/** A letter lists at most this many charges: a PDF's work stays bounded. */
export const LETTER_CHARGES_LIMIT = 50;

/** The card's or account's last four digits, from the statement label or the payment method. */
function lastFour(labels: (string | null | undefined)[]): string | null {
  for (const label of labels) {
    const digits = /(\d{4})\D*$/.exec(label ?? "");
    if (digits) return digits[1]!;
  }
  return null;
}

/**
 * The case's letter facts. A `transactionId` that is not one of the case's
 * flagged charges is "not found" (404), like another user's case: the
 * letter would otherwise dispute a charge the case does not know.
 */
export async function letterFacts(
  actor: Actor & { timeZone: string; email: string },
  caseId: string,
  transactionId?: string,
): Promise<LetterFacts> {
  const kase = await db.cancellationCase.findFirst({
    where: { id: caseId, userId: actor.id },
    select: { subscriptionId: true, confirmationNumber: true },
  });
  if (!kase) throw notFoundError("Case");
  const [subscription, confirmation, watches] = await Promise.all([
    getSubscription(actor, kase.subscriptionId),
    db.caseEvent.findFirst({
      where: { caseId, userId: actor.id, to: "confirmation_received" },
      orderBy: { seq: "asc" },
      select: { occurredOn: true, at: true },
    }),
    chargeWatches(actor, [kase.subscriptionId]),
  ]);
  // How it was cancelled: the channel of the last contact before the
  // confirmation was written down ("other" says nothing a letter can use).
  const contact = await db.note.findFirst({
    where: {
      caseId,
      userId: actor.id,
      channel: { not: "other" },
      ...(confirmation ? { occurredAt: { lte: confirmation.at } } : {}),
    },
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    select: { channel: true },
  });
  const ours = watches.get(kase.subscriptionId)?.caseId === caseId;
  let charges: TransactionDto[] = ours ? await flaggedCharges(actor, [kase.subscriptionId]) : [];
  if (transactionId !== undefined) {
    charges = charges.filter((c) => c.id === transactionId);
    if (charges.length === 0) throw notFoundError("Transaction");
  }
  charges = charges.slice(0, LETTER_CHARGES_LIMIT);
  const label = charges[0]?.account ?? null;
  const account = label
    ? await db.statementAccount.findFirst({
        where: { userId: actor.id, label },
        select: {
          accountKind: true,
          issuerName: true,
          issuerAddress: true,
          holderName: true,
          holderAddress: true,
        },
      })
    : null;
  const issuerFromImport = charges.length
    ? ((
        await db.statementImport.findFirst({
          where: {
            userId: actor.id,
            id: { in: [...new Set(charges.map((c) => c.importId))] },
            issuer: { not: null },
          },
          select: { issuer: true },
        })
      )?.issuer ?? null)
    : null;
  const accountKind: AccountKind =
    charges[0]?.accountKind ??
    ((ACCOUNT_KINDS as readonly string[]).includes(account?.accountKind ?? "")
      ? (account!.accountKind as AccountKind)
      : DEFAULT_ACCOUNT_KIND);
  // The statement's own window (FCBA or Reg E) nearest across the charges:
  // when it is still ahead, every charge's is.
  const deadline =
    charges
      .flatMap((c) => c.disputeDeadlines)
      .filter((d) => d.rule !== "network")
      .sort((a, b) => a.on.localeCompare(b.on))[0] ?? null;
  return {
    holder: {
      legalName: account?.holderName ?? null,
      address: account?.holderAddress ?? null,
      email: actor.email,
    },
    issuer: {
      name: account?.issuerName ?? issuerFromImport,
      address: account?.issuerAddress ?? null,
    },
    accountKind,
    accountLast4: lastFour([...charges.map((c) => c.account), subscription.paymentMethod]),
    provider: {
      name: subscription.provider,
      plan: subscription.plan,
      category: subscription.category,
      accountRef: maskAccountRef(subscription.accountRef),
    },
    charges: charges.map((c) => ({
      postedOn: c.postedOn,
      amount: c.amount,
      currency: c.currency,
      description: c.description,
      statementDate: c.statementDate,
    })),
    cancellation: {
      confirmedOn: confirmation?.occurredOn ?? null,
      confirmationNumber: kase.confirmationNumber,
      how: contact ? fromColumn(NOTE_CHANNELS, contact.channel) : null,
    },
    deadline,
    today: todayIn(actor.timeZone),
  };
}
