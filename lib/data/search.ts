import "server-only";
import { db } from "@/lib/db/client";
import { containsText } from "@/lib/db/dialect";
import { CASE_STATES, type CaseState } from "@/lib/domain/case-workflow";
import { RECEIPT_KINDS, type ReceiptKind } from "@/lib/domain/receipt-kinds";
import { snippetAround } from "@/lib/domain/search";
import type { NoteSearchQuery } from "@/lib/validation/notes";
import { fromColumn } from "./columns";
import { searchNotes, type NoteSearchHit } from "./notes";
import type { Page } from "./pagination";
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
        { confirmationNumber: containsText(q) },
        { subscription: { provider: containsText(q) } },
        { subscription: { plan: containsText(q) } },
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
    where: { userId: actor.id, fileName: containsText(q) },
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

export type SearchHit = {
  type: "case" | "note" | "receipt";
  id: string;
  caseId: string;
  title: string;
  snippet: string;
};

/**
 * GET /api/v1/search: cases, receipts and notes in one list. The first page
 * holds the case and receipt hits (at most SEARCH_SHOWN of each) and the
 * first page of notes; `nextCursor` goes on through the notes, which are the
 * only list long enough to page.
 */
export async function searchEverything(
  actor: Actor,
  query: NoteSearchQuery,
): Promise<Page<SearchHit>> {
  const first = !query.cursor;
  const [cases, receipts, notes] = await Promise.all([
    first ? searchCases(actor, query.q) : [],
    first ? searchReceipts(actor, query.q) : [],
    searchNotes(actor, query),
  ]);
  const items: SearchHit[] = [
    ...cases.map((c) => ({
      type: "case" as const,
      id: c.id,
      caseId: c.id,
      title: c.subscription.plan
        ? `${c.subscription.provider} · ${c.subscription.plan}`
        : c.subscription.provider,
      snippet: c.confirmationNumber ?? "",
    })),
    ...receipts.map((r) => ({
      type: "receipt" as const,
      id: r.id,
      caseId: r.caseId,
      title: r.fileName,
      snippet: r.provider,
    })),
    ...notes.items.map((n) => ({
      type: "note" as const,
      id: n.id,
      caseId: n.case.id,
      title: n.case.subscription.provider,
      snippet: snippetAround(
        [n.summary, n.agent, n.reference, n.outcome].filter(Boolean).join(" · "),
        query.q,
      ),
    })),
  ];
  return { items, nextCursor: notes.nextCursor };
}

/**
 * The search page: the same three lists, each under its own heading. Cases
 * and receipts come with the first page of notes only; notes that cannot be
 * read (a cursor from an old link) are null, and the page shows none.
 */
export async function searchLists(
  actor: Actor,
  query: NoteSearchQuery,
): Promise<{
  cases: CaseSearchHit[];
  receipts: ReceiptSearchHit[];
  notes: Page<NoteSearchHit> | null;
}> {
  const first = !query.cursor;
  const [cases, receipts, notes] = await Promise.all([
    first ? searchCases(actor, query.q) : [],
    first ? searchReceipts(actor, query.q) : [],
    searchNotes(actor, query).catch(() => null),
  ]);
  return { cases, receipts, notes };
}
