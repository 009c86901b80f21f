import "server-only";
import { cache } from "react";
import { casesPerUserLimit, eventsPerCaseLimit } from "@/lib/config";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  allowedMoves,
  CASE_STATES,
  CLOSED_STATES,
  planTransition,
  REJECTION_REASONS,
  type CaseState,
  type Move,
  type RejectionReason,
  type TransitionRefusal,
} from "@/lib/domain/case-workflow";
import { CASE_METHODS, CASE_REASONS, type CaseMethod, type CaseReason } from "@/lib/domain/cases";
import { AppError } from "@/lib/errors/app-error";
import type { PageQuery } from "@/lib/validation/fields";
import type { OpenCaseInput, TransitionInput, UpdateCaseInput } from "@/lib/validation/cases";
import { fromColumn, fromNullableColumn } from "./columns";
import { limitReachedError, notFoundError, staleVersionError } from "./errors";
import { noteSelect, toNoteDto, type NoteDto } from "./notes";
import { assertCaseExists } from "./case-ownership";
import { decodeSeqCursor, encodeCursor, encodeSeqCursor, type Page } from "./pagination";
import { receiptSelect, toReceiptDto, type ReceiptDto } from "./receipts";
import type { Actor } from "./users";

export type CaseDto = {
  id: string;
  subscriptionId: string;
  reason: CaseReason;
  method: CaseMethod | null;
  state: CaseState;
  version: number;
  confirmationNumber: string | null;
  nextFollowUpOn: string | null;
  openedAt: Date;
  closedAt: Date | null;
};

export type CaseEventDto = {
  from: CaseState | null;
  to: CaseState;
  at: Date;
  skipped: boolean;
  comment: string | null;
  rejectionReason: RejectionReason | null;
};

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
  subscription: { id: string; provider: string; plan: string | null; status: string };
  allowedMoves: Move[];
};

/** DESIGN.md 2026-12: a case's GET holds at most the newest 100 of each list. */
export const EMBEDDED_PER_LIST = 100;

export const caseSelect = {
  id: true,
  subscriptionId: true,
  reason: true,
  method: true,
  state: true,
  version: true,
  confirmationNumber: true,
  nextFollowUpOn: true,
  openedAt: true,
  closedAt: true,
} as const satisfies Record<keyof CaseDto, true>;

export const eventSelect = {
  from: true,
  to: true,
  at: true,
  skipped: true,
  comment: true,
  rejectionReason: true,
} as const satisfies Record<keyof CaseEventDto, true>;

type CaseRow = Prisma.CancellationCaseGetPayload<{ select: typeof caseSelect }>;
type CaseEventRow = Prisma.CaseEventGetPayload<{ select: typeof eventSelect }>;

// The selects above satisfy the DTOs' keys exactly, so a spread row has
// every field and no other; the vocabulary columns are narrowed.
export function toCaseDto(row: CaseRow): CaseDto {
  return {
    ...row,
    reason: fromColumn(CASE_REASONS, row.reason),
    method: fromNullableColumn(CASE_METHODS, row.method),
    state: fromColumn(CASE_STATES, row.state),
  };
}

export function toCaseEventDto(row: CaseEventRow): CaseEventDto {
  return {
    ...row,
    from: fromNullableColumn(CASE_STATES, row.from),
    to: fromColumn(CASE_STATES, row.to),
    rejectionReason: fromNullableColumn(REJECTION_REASONS, row.rejectionReason),
  };
}

const caseNotFound = () => notFoundError("Case");

const REFUSAL_FIELDS: Record<TransitionRefusal, [string, string]> = {
  not_allowed: ["to", "transition_not_allowed"],
  rejection_reason_required: ["rejectionReason", "rejection_reason_required"],
  rejection_reason_unexpected: ["rejectionReason", "rejection_reason_unexpected"],
  comment_required: ["comment", "comment_required"],
  evidence_required: ["confirmationNumber", "evidence_required"],
};

export async function openCase(actor: Actor, input: OpenCaseInput): Promise<CaseDto> {
  return db.$transaction(async (tx) => {
    const subscription = await tx.subscription.findFirst({
      where: { id: input.subscriptionId, userId: actor.id },
      select: {
        id: true,
        cases: { where: { state: { notIn: [...CLOSED_STATES] } }, select: { id: true } },
      },
    });
    if (!subscription) throw notFoundError("Subscription");
    const limit = casesPerUserLimit();
    if ((await tx.cancellationCase.count({ where: { userId: actor.id } })) >= limit) {
      throw limitReachedError(
        "cases",
        limit,
        `You already have ${limit} cases, the most one account can keep.`,
      );
    }
    if (subscription.cases.length > 0) {
      throw new AppError(
        "conflict",
        "This subscription already has a cancellation case under way.",
        {
          fields: { subscriptionId: ["case_already_open"] },
        },
      );
    }
    const created = await tx.cancellationCase.create({
      data: {
        userId: actor.id,
        subscriptionId: subscription.id,
        reason: input.reason,
        method: input.method ?? null,
        events: { create: { userId: actor.id, from: null, to: "open", seq: 0 } },
      },
      select: caseSelect,
    });
    await tx.subscription.update({
      where: { id: subscription.id },
      data: { status: "cancelling", cancelledAt: null },
    });
    return toCaseDto(created);
  });
}

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
  const row = await db.cancellationCase.findFirst({
    where: { id, userId: actor.id },
    select: {
      ...caseSelect,
      subscription: { select: { id: true, provider: true, plan: true, status: true } },
      events: { orderBy: { seq: "desc" }, take, select: { ...eventSelect, seq: true } },
      notes: {
        orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
        take: withNotes ? take : 0,
        select: noteSelect,
      },
      receipts: { orderBy: [{ uploadedAt: "desc" }, { id: "desc" }], take, select: receiptSelect },
    },
  });
  if (!row) throw caseNotFound();
  const { subscription, events, notes, receipts, ...kase } = row;
  const detail = toCaseDto(kase);
  const limit = perList ?? Number.POSITIVE_INFINITY;
  const eventPage = newestInTimeOrder(events, limit, (e) => encodeSeqCursor(e.seq));
  const notePage = newestInTimeOrder(notes, limit, (n) => encodeCursor(n.occurredAt, n.id));
  const receiptPage = newestInTimeOrder(receipts, limit, (r) => encodeCursor(r.uploadedAt, r.id));
  return {
    ...detail,
    subscription,
    events: eventPage.items.map(({ seq: _seq, ...event }) => toCaseEventDto(event)),
    notes: notePage.items.map(toNoteDto),
    receipts: receiptPage.items.map(toReceiptDto),
    eventsNextCursor: eventPage.nextCursor,
    notesNextCursor: notePage.nextCursor,
    receiptsNextCursor: receiptPage.nextCursor,
    allowedMoves: allowedMoves(detail.state),
  };
}

// Cached per request: a page and its metadata ask for the same case once.
export const getCase = cache((actor: Actor, id: string): Promise<CaseDetail> =>
  readCase(actor, id, EMBEDDED_PER_LIST),
);

/** Contact notes per part of the full record: a part renders in bounded memory. */
export const RECORD_NOTES_PER_PART = 100;

export type CaseRecord = CaseDetail & { notesPart: number; notesParts: number };

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
 * What the stepper needs of a history of any length: the latest event into
 * each state (done or skipped), in time order. At most one row per state.
 */
export async function caseStepHistory(
  actor: Actor,
  caseId: string,
): Promise<{ to: CaseState; skipped: boolean }[]> {
  const latest = await db.caseEvent.groupBy({
    by: ["to"],
    where: { caseId, userId: actor.id },
    _max: { seq: true },
  });
  const seqs = latest.flatMap((group) => (group._max.seq === null ? [] : [group._max.seq]));
  const rows = await db.caseEvent.findMany({
    where: { caseId, userId: actor.id, seq: { in: seqs } },
    orderBy: { seq: "asc" },
    select: { to: true, skipped: true },
  });
  return rows.map((row) => ({ to: fromColumn(CASE_STATES, row.to), skipped: row.skipped }));
}

/**
 * Moves a case, in one transaction: a conditional update on (id, userId,
 * state, version) that must touch exactly one row, the event inserts and the
 * subscription's new status. The version is checked before the move itself,
 * so a stale request is a conflict whatever it asks for.
 */
export async function transitionCase(
  actor: Actor,
  id: string,
  input: TransitionInput,
): Promise<CaseDto> {
  const current = await db.cancellationCase.findFirst({
    where: { id, userId: actor.id },
    select: {
      state: true,
      version: true,
      confirmationNumber: true,
      subscriptionId: true,
      _count: { select: { receipts: true } },
    },
  });
  if (!current) throw caseNotFound();
  if (current.version !== input.expectedVersion) throw staleVersionError();

  const result = planTransition(
    {
      state: fromColumn(CASE_STATES, current.state),
      confirmationNumber: current.confirmationNumber,
      receiptCount: current._count.receipts,
    },
    input,
  );
  if (!result.ok) {
    const [field, key] = REFUSAL_FIELDS[result.reason];
    throw new AppError(
      "unprocessable",
      `This move is not allowed: ${result.reason.replaceAll("_", " ")}.`,
      {
        fields: { [field]: [key] },
      },
    );
  }
  const { plan } = result;
  const now = new Date();

  return db.$transaction(async (tx) => {
    const { count } = await tx.cancellationCase.updateMany({
      where: { id, userId: actor.id, state: current.state, version: current.version },
      data: {
        state: plan.to,
        version: { increment: 1 },
        ...(plan.confirmationNumber ? { confirmationNumber: plan.confirmationNumber } : {}),
        ...(plan.closes === true
          ? { closedAt: now }
          : plan.closes === null
            ? { closedAt: null }
            : {}),
      },
    });
    if (count !== 1) throw staleVersionError();

    const seq = await tx.caseEvent.count({ where: { caseId: id } });
    const limit = eventsPerCaseLimit();
    if (seq + plan.events.length > limit) {
      throw limitReachedError(
        "events",
        limit,
        `This case's history already holds ${limit} steps, the most one case can keep.`,
      );
    }
    await tx.caseEvent.createMany({
      data: plan.events.map((event, i) => ({
        ...event,
        caseId: id,
        userId: actor.id,
        at: now,
        seq: seq + i,
      })),
    });
    if (plan.subscriptionStatus) {
      await tx.subscription.updateMany({
        where: { id: current.subscriptionId, userId: actor.id },
        data: {
          status: plan.subscriptionStatus,
          cancelledAt: plan.subscriptionStatus === "cancelled" ? now : null,
        },
      });
    }
    const updated = await tx.cancellationCase.findFirstOrThrow({
      where: { id, userId: actor.id },
      select: caseSelect,
    });
    return toCaseDto(updated);
  });
}

/** Edits a case's own fields; an edit is a change of the case, so it bumps the version. */
export async function updateCase(
  actor: Actor,
  id: string,
  input: UpdateCaseInput,
): Promise<CaseDto> {
  const { expectedVersion, ...data } = input;
  const current = await db.cancellationCase.findFirst({
    where: { id, userId: actor.id },
    select: { version: true, state: true, _count: { select: { receipts: true } } },
  });
  if (!current) throw caseNotFound();
  if (expectedVersion !== undefined && expectedVersion !== current.version)
    throw staleVersionError();
  if (
    data.confirmationNumber === null &&
    current.state === "confirmation_received" &&
    current._count.receipts === 0
  ) {
    throw new AppError(
      "unprocessable",
      "A confirmed case keeps its proof: attach a receipt before removing the confirmation number.",
      {
        fields: { confirmationNumber: ["last_evidence"] },
      },
    );
  }
  const { count } = await db.cancellationCase.updateMany({
    where: { id, userId: actor.id, version: current.version },
    data: { ...data, version: { increment: 1 } },
  });
  if (count !== 1) throw staleVersionError();
  const updated = await db.cancellationCase.findFirstOrThrow({
    where: { id, userId: actor.id },
    select: caseSelect,
  });
  return toCaseDto(updated);
}
