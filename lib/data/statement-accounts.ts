import "server-only";
import { db } from "@/lib/db/client";
import { type AccountKind, ACCOUNT_KINDS } from "@/lib/domain/dispute-deadlines";
import type { Actor } from "./users";

// Statement accounts (issue 34): the kind of each import's `account` label,
// which picks the law of its charges' disputes, and the holder's and
// issuer's details the letters need. A label without a row is a credit card:
// what every charge was taken for before accounts had kinds.

export const DEFAULT_ACCOUNT_KIND: AccountKind = "credit_card";

const asKind = (value: string): AccountKind =>
  (ACCOUNT_KINDS as readonly string[]).includes(value)
    ? (value as AccountKind)
    : DEFAULT_ACCOUNT_KIND;

/** The kind of each of `labels` (one query however many lines carry them). */
export async function accountKinds(
  actor: Actor,
  labels: Iterable<string>,
): Promise<Map<string, AccountKind>> {
  const wanted = [...new Set(labels)];
  const kinds = new Map<string, AccountKind>(wanted.map((label) => [label, DEFAULT_ACCOUNT_KIND]));
  if (wanted.length === 0) return kinds;
  const rows = await db.statementAccount.findMany({
    where: { userId: actor.id, label: { in: wanted } },
    select: { label: true, accountKind: true },
  });
  for (const row of rows) kinds.set(row.label, asKind(row.accountKind));
  return kinds;
}
