import "server-only";
import { db } from "@/lib/db/client";
import { CASE_STATES, type CaseState } from "@/lib/domain/case-workflow";
import { RECEIPT_KINDS, type ReceiptKind } from "@/lib/domain/receipts";
import { fromColumn } from "./columns";
import type { Actor } from "./users";

// The search page's other two lists (the notes are lib/data/notes.ts's
// searchNotes, paged): cases by provider, plan or confirmation number, and
// receipts by file name. SQLite's LIKE takes % and _ in the text as
// wildcards and Prisma does not escape them, so a query can over-match:
// each list keeps only real substring hits of what it read. A list shows at
// most SEARCH_SHOWN hits; the rest are one more precise query away.
export const SEARCH_SHOWN = 10;
// Rows read for the SEARCH_SHOWN hits, so a query full of wildcards stays bounded.
const READ = 50;

const includes = (needle: string) => (field: string | null | undefined) =>
  Boolean(field?.toLowerCase().includes(needle));

export type CaseSearchHit = {
  id: string;
  state: CaseState;
  confirmationNumber: string | null;
  openedAt: Date;
  subscription: { provider: string; plan: string | null };
};

export async function searchCases(actor: Actor, q: string): Promise<CaseSearchHit[]> {
  const rows = await db.cancellationCase.findMany({
    where: {
      userId: actor.id,
      OR: [
        { confirmationNumber: { contains: q } },
        { subscription: { provider: { contains: q } } },
        { subscription: { plan: { contains: q } } },
      ],
    },
    orderBy: [{ openedAt: "desc" }, { id: "desc" }],
    take: READ,
    select: {
      id: true,
      state: true,
      confirmationNumber: true,
      openedAt: true,
      subscription: { select: { provider: true, plan: true } },
    },
  });
  const hit = includes(q.toLowerCase());
  return rows
    .filter((row) =>
      [row.confirmationNumber, row.subscription.provider, row.subscription.plan].some(hit),
    )
    .slice(0, SEARCH_SHOWN)
    .map((row) => ({ ...row, state: fromColumn(CASE_STATES, row.state) }));
}

export type ReceiptSearchHit = {
  id: string;
  caseId: string;
  fileName: string;
  kind: ReceiptKind;
  uploadedAt: Date;
  provider: string;
};

export async function searchReceipts(actor: Actor, q: string): Promise<ReceiptSearchHit[]> {
  const rows = await db.receipt.findMany({
    where: { userId: actor.id, fileName: { contains: q } },
    orderBy: [{ uploadedAt: "desc" }, { id: "desc" }],
    take: READ,
    select: {
      id: true,
      caseId: true,
      fileName: true,
      kind: true,
      uploadedAt: true,
      case: { select: { subscription: { select: { provider: true } } } },
    },
  });
  const hit = includes(q.toLowerCase());
  return rows
    .filter((row) => hit(row.fileName))
    .slice(0, SEARCH_SHOWN)
    .map(({ case: kase, ...row }) => ({
      ...row,
      kind: fromColumn(RECEIPT_KINDS, row.kind),
      provider: kase.subscription.provider,
    }));
}
