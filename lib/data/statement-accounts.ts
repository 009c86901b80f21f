import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { type AccountKind, ACCOUNT_KINDS } from "@/lib/domain/dispute-deadlines";
import type { UpdateAccountInput } from "@/lib/validation/accounts";
import type { PageQuery } from "@/lib/validation/fields";
import { notFoundError } from "./errors";
import { afterCursor, toPage, type Page } from "./pagination";
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

export type AccountDto = {
  id: string;
  label: string;
  accountKind: AccountKind;
  issuerName: string | null;
  issuerAddress: string | null;
  holderName: string | null;
  holderAddress: string | null;
};

export const accountSelect = {
  id: true,
  label: true,
  accountKind: true,
  issuerName: true,
  issuerAddress: true,
  holderName: true,
  holderAddress: true,
  createdAt: true,
} as const;

type AccountRow = Prisma.StatementAccountGetPayload<{ select: typeof accountSelect }>;

export const toAccountDto = ({ createdAt: _createdAt, ...row }: AccountRow): AccountDto => ({
  ...row,
  accountKind: asKind(row.accountKind),
});

const accountNotFound = () => notFoundError("Account");

/** The user's accounts, newest first (one per label imported). */
export async function listAccounts(actor: Actor, query: PageQuery): Promise<Page<AccountDto>> {
  const rows = await db.statementAccount.findMany({
    where: { userId: actor.id, ...afterCursor("createdAt", query.cursor) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    select: accountSelect,
  });
  const page = toPage(rows, query.limit, (row) => row.createdAt);
  return { items: page.items.map(toAccountDto), nextCursor: page.nextCursor };
}

export async function getAccount(actor: Actor, id: string): Promise<AccountDto> {
  const row = await db.statementAccount.findFirst({
    where: { id, userId: actor.id },
    select: accountSelect,
  });
  if (!row) throw accountNotFound();
  return toAccountDto(row);
}

export async function updateAccount(
  actor: Actor,
  id: string,
  input: UpdateAccountInput,
): Promise<AccountDto> {
  // updateMany: the owner is part of the match, so another user's id changes nothing.
  const { count } = await db.statementAccount.updateMany({
    where: { id, userId: actor.id },
    data: input,
  });
  if (count === 0) throw accountNotFound();
  return getAccount(actor, id);
}

/**
 * The label's kind as an import leaves it: `given` (the import's field)
 * replaces the stored kind; without it a stored kind stays, and a new label
 * takes `assumed` (what the file says, lib/domain/account-kinds.ts), else a
 * credit card (the API's default, docs/api.md).
 */
export async function rememberAccountKind(
  actor: Actor,
  label: string,
  given: AccountKind | undefined,
  assumed: AccountKind | null,
): Promise<AccountKind> {
  const row = await db.statementAccount.upsert({
    where: { userId_label: { userId: actor.id, label } },
    create: {
      userId: actor.id,
      label,
      accountKind: given ?? assumed ?? DEFAULT_ACCOUNT_KIND,
    },
    update: given ? { accountKind: given } : {},
    select: { accountKind: true },
  });
  return asKind(row.accountKind);
}
