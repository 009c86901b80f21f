import "server-only";
import { cache } from "react";
import { db } from "@/lib/db/client";
import { allowedMoves, CASE_STATES, type CaseState, type Move } from "@/lib/domain/case-workflow";
import { BILLING_CYCLES, type BillingCycle } from "@/lib/domain/subscriptions";
import type { PageQuery } from "@/lib/validation/fields";
import { assertCaseExists } from "./case-ownership";
import {
  caseSelect,
  eventSelect,
  toCaseDto,
  toCaseEventDto,
  type CaseDto,
  type CaseEventDto,
} from "./case-dto";
import { fromColumn } from "./columns";
import { notFoundError } from "./errors";
import { noteSelect, toNoteDto, type NoteDto } from "./notes";
import { decodeSeqCursor, encodeCursor, encodeSeqCursor, type Page } from "./pagination";
import { receiptSelect, toReceiptDto, type ReceiptDto } from "./receipts";
import type { Actor } from "./users";

// Reading one case: the case page's and the API's view (newest 100 of each
// list), the full record for the evidence page, its whole history a page at
// a time, and what the stepper needs. The case's writes are ./cases.ts's.

const caseNotFound = () => notFoundError("Case");

type Reader = Pick<typeof db, "caseEvent">;

/**
 * The steps a case has done at any time (entered without being skipped): the
 * workflow's fact for what a later jump need not record as skipped again.
 * Read by the case's (caseId, seq) key, at most one row per state.
 */
export async function readDoneSteps(
  reader: Reader,
  actor: Actor,
  caseId: string,
): Promise<Set<CaseState>> {
  const rows = await reader.caseEvent.findMany({
    where: { caseId, userId: actor.id, skipped: false },
    distinct: ["to"],
    select: { to: true },
  });
  return new Set(rows.map((row) => fromColumn(CASE_STATES, row.to)));
}

/**
 * One case with the newest EMBEDDED_PER_LIST of its events, notes and
 * receipts each (in time order); a non-null `*NextCursor` means there are
 * older ones, paged at /api/v1/cases/:id/events|notes|receipts.
 */
export type CaseDetail = CaseDto & {
  events: CaseEventDto[];
  notes: NoteDto[];
  receipts: ReceiptDto[];
  eventsNextCursor: string | null;
  notesNextCursor: string | null;
  receiptsNextCursor: string | null;
  subscription: CaseSubscription;
  allowedMoves: Move[];
};

/** What a case's JSON (and getCase) says of its subscription. */
export type CaseSubscription = {
  id: string;
  provider: string;
  plan: string | null;
  status: string;
};

/** The case as its pages read it: the subscription's fields they show come with the case. */
export type CasePageDetail = Omit<CaseDetail, "subscription"> & {
  subscription: CaseSubscription & {
    currency: string;
    billingCycle: BillingCycle;
    accountRef: string | null;
    playbookSlug: string | null;
  };
};

/** docs/contract.md "Resources": a case's GET holds at most the newest 100 of each list. */
export const EMBEDDED_PER_LIST = 100;

/** The newest `limit` of rows fetched newest first (one extra), back in time order, and where to go on. */
function newestInTimeOrder<T>(rows: T[], limit: number, cursorOf: (row: T) => string) {
  const newest = rows.slice(0, limit);
  const oldest = newest.at(-1);
  return {
    items: newest.reverse(),
    nextCursor: rows.length > limit && oldest ? cursorOf(oldest) : null,
  };
}

async function readCase(
  actor: Actor,
  id: string,
  perList: number | null,
  { notes: withNotes = true }: { notes?: boolean } = {},
) {
  const take = perList === null ? undefined : perList + 1;
  const [row, done] = await Promise.all([
    db.cancellationCase.findFirst({
      where: { id, userId: actor.id },
      select: {
        ...caseSelect,
        subscription: {
          select: {
            id: true,
            provider: true,
            plan: true,
            status: true,
            currency: true,
            billingCycle: true,
            accountRef: true,
            playbookSlug: true,
          },
        },
        events: { orderBy: { seq: "desc" }, take, select: { ...eventSelect, seq: true } },
        notes: {
          orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
          take: withNotes ? take : 0,
          select: noteSelect,
        },
        receipts: {
          orderBy: [{ uploadedAt: "desc" }, { id: "desc" }],
          take,
          select: receiptSelect,
        },
      },
    }),
    readDoneSteps(db, actor, id),
  ]);
  if (!row) throw caseNotFound();
  const { subscription, events, notes, receipts, ...kase } = row;
  const detail = toCaseDto(kase);
  const limit = perList ?? Number.POSITIVE_INFINITY;
  const eventPage = newestInTimeOrder(events, limit, (e) => encodeSeqCursor(e.seq));
  const notePage = newestInTimeOrder(notes, limit, (n) => encodeCursor(n.occurredAt, n.id));
  const receiptPage = newestInTimeOrder(receipts, limit, (r) => encodeCursor(r.uploadedAt, r.id));
  return {
    ...detail,
    subscription: {
      ...subscription,
      billingCycle: fromColumn(BILLING_CYCLES, subscription.billingCycle),
    },
    events: eventPage.items.map(({ seq: _seq, ...event }) => toCaseEventDto(event)),
    notes: notePage.items.map(toNoteDto),
    receipts: receiptPage.items.map(toReceiptDto),
    eventsNextCursor: eventPage.nextCursor,
    notesNextCursor: notePage.nextCursor,
    receiptsNextCursor: receiptPage.nextCursor,
    allowedMoves: allowedMoves(detail.state, done),
  };
}

/** The case for the API and the server actions: its JSON says no more of the subscription. */
export async function getCase(actor: Actor, id: string): Promise<CaseDetail> {
  const { subscription, ...kase } = await getCasePage(actor, id);
  const { id: subscriptionId, provider, plan, status } = subscription;
  return { ...kase, subscription: { id: subscriptionId, provider, plan, status } };
}

// Cached per request: the case page and its metadata read the case, and its
// subscription, once.
export const getCasePage = cache((actor: Actor, id: string): Promise<CasePageDetail> =>
  readCase(actor, id, EMBEDDED_PER_LIST),
);

/** Contact notes per part of the full record: a part renders in bounded memory. */
export const RECORD_NOTES_PER_PART = 100;

export type CaseRecord = CasePageDetail & { notesPart: number; notesParts: number };

/**
 * The whole record of a case for the evidence page a bank reads: every event
 * and receipt (bounded by the per-case limits), and the contact notes in time
 * order, RECORD_NOTES_PER_PART to a part (a real case has one part; one at
 * the 2,000-note limit has ten, each printable on its own).
 */
export async function getCaseRecord(actor: Actor, id: string, part = 1): Promise<CaseRecord> {
  const detail = await readCase(actor, id, null, { notes: false });
  const total = await db.note.count({ where: { caseId: id, userId: actor.id } });
  const notesParts = Math.max(1, Math.ceil(total / RECORD_NOTES_PER_PART));
  const notesPart = Math.min(Math.max(1, Math.floor(part) || 1), notesParts);
  const notes = await db.note.findMany({
    where: { caseId: id, userId: actor.id },
    orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
    skip: (notesPart - 1) * RECORD_NOTES_PER_PART,
    take: RECORD_NOTES_PER_PART,
    select: noteSelect,
  });
  return { ...detail, notes: notes.map(toNoteDto), notesPart, notesParts };
}

/** A case's history, newest first, a page at a time. */
export async function listCaseEvents(
  actor: Actor,
  caseId: string,
  query: PageQuery,
): Promise<Page<CaseEventDto>> {
  const rows = await db.caseEvent.findMany({
    where: {
      caseId,
      userId: actor.id,
      ...(query.cursor ? { seq: { lt: decodeSeqCursor(query.cursor) } } : {}),
    },
    orderBy: { seq: "desc" },
    take: query.limit + 1,
    select: { ...eventSelect, seq: true },
  });
  if (rows.length === 0) await assertCaseExists(actor, caseId);
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  return {
    items: items.map(({ seq: _seq, ...event }) => toCaseEventDto(event)),
    nextCursor: rows.length > query.limit && last ? encodeSeqCursor(last.seq) : null,
  };
}

/**
 * What the stepper needs of a history of any length: one row per state,
 * skipped only when every event into it skipped it (a step done once stays
 * done through a rejection loop), ordered by the latest event into each.
 */
export async function caseStepHistory(
  actor: Actor,
  caseId: string,
): Promise<{ to: CaseState; skipped: boolean }[]> {
  // One statement, read by the case's (caseId, seq) key. MIN over a CASE, as
  // PostgreSQL has no MIN of a boolean (SQLite's are 0 and 1).
  const rows = await db.$queryRaw<{ to: string; skipped: boolean | number | bigint }[]>`
    SELECT "CaseEvent"."to", MIN(CASE WHEN "CaseEvent"."skipped" THEN 1 ELSE 0 END) AS "skipped"
    FROM "CaseEvent"
    WHERE "CaseEvent"."caseId" = ${caseId} AND "CaseEvent"."userId" = ${actor.id}
    GROUP BY "CaseEvent"."to"
    ORDER BY MAX("CaseEvent"."seq") ASC`;
  return rows.map((row) => ({
    to: fromColumn(CASE_STATES, row.to),
    // A number here; SQLite hands a raw boolean back as 0 or 1 anyway.
    skipped: Boolean(Number(row.skipped)),
  }));
}
