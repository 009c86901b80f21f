import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import {
  allowedMoves,
  isClosed,
  planTransition,
  type CaseState,
  type Move,
  type RejectionReason,
  type TransitionRefusal,
} from "@/lib/domain/case-workflow";
import type { CaseMethod, CaseReason } from "@/lib/domain/cases";
import { AppError } from "@/lib/errors";
import type { CaseListQuery, OpenCaseInput, TransitionInput, UpdateCaseInput } from "@/lib/validation/cases";
import { afterCursor, toPage, type Page } from "./pagination";
import { asNote, noteSelect, type NoteDto } from "./notes";
import { asReceipt, receiptSelect, type ReceiptDto } from "./receipts";
import { notFound } from "./subscriptions";
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

export type CaseDetail = CaseDto & {
  events: CaseEventDto[];
  notes: NoteDto[];
  receipts: ReceiptDto[];
  subscription: { id: string; provider: string; plan: string | null; status: string };
  allowedMoves: Move[];
};

export type CaseListItem = CaseDto & { subscription: { provider: string; plan: string | null } };

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
} as const;

export const eventSelect = { from: true, to: true, at: true, skipped: true, comment: true, rejectionReason: true } as const;

// Rows hold only the values validation and the workflow let in.
export const asCase = <T>(row: T) => row as T & CaseDto;

const caseNotFound = () => notFound("Case");

const REFUSAL_FIELDS: Record<TransitionRefusal, [string, string]> = {
  not_allowed: ["to", "transition_not_allowed"],
  rejection_reason_required: ["rejectionReason", "rejection_reason_required"],
  rejection_reason_unexpected: ["rejectionReason", "rejection_reason_unexpected"],
  comment_required: ["comment", "comment_required"],
  evidence_required: ["confirmationNumber", "evidence_required"],
};

function conflict(): AppError {
  return new AppError("conflict", "The case changed since you loaded it. Reload it and try again.");
}

export async function openCase(actor: Actor, input: OpenCaseInput): Promise<CaseDto> {
  return db.$transaction(async (tx) => {
    const subscription = await tx.subscription.findFirst({
      where: { id: input.subscriptionId, userId: actor.id },
      select: { id: true, cases: { where: { state: { notIn: ["confirmation_received", "withdrawn"] } }, select: { id: true } } },
    });
    if (!subscription) throw notFound();
    if (subscription.cases.length > 0) {
      throw new AppError("conflict", "This subscription already has a cancellation case under way.", {
        fields: { subscriptionId: ["case_already_open"] },
      });
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
    await tx.subscription.update({ where: { id: subscription.id }, data: { status: "cancelling", cancelledAt: null } });
    return asCase(created);
  });
}

// Cached per request: a page and its metadata ask for the same case once.
export const getCase = cache(async (actor: Actor, id: string): Promise<CaseDetail> => {
  const row = await db.cancellationCase.findFirst({
    where: { id, userId: actor.id },
    select: {
      ...caseSelect,
      subscription: { select: { id: true, provider: true, plan: true, status: true } },
      events: { orderBy: { seq: "asc" }, select: eventSelect },
      notes: { orderBy: [{ occurredAt: "asc" }, { id: "asc" }], select: noteSelect },
      receipts: { orderBy: [{ uploadedAt: "asc" }, { id: "asc" }], select: receiptSelect },
    },
  });
  if (!row) throw caseNotFound();
  const detail = asCase(row);
  return {
    ...detail,
    events: row.events as CaseEventDto[],
    notes: row.notes.map(asNote),
    receipts: row.receipts.map(asReceipt),
    allowedMoves: allowedMoves(detail.state),
  };
});

export async function listCases(
  actor: Actor,
  query: CaseListQuery & { today?: string },
): Promise<Page<CaseListItem>> {
  const followUp =
    query.followUp === "due" && query.today
      ? { nextFollowUpOn: { lte: query.today }, state: { notIn: ["confirmation_received", "withdrawn"] } }
      : {};
  const rows = await db.cancellationCase.findMany({
    where: {
      userId: actor.id,
      ...(query.state ? { state: query.state } : {}),
      ...followUp,
      ...afterCursor("openedAt", query.cursor),
    },
    orderBy: [{ openedAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    select: { ...caseSelect, subscription: { select: { provider: true, plan: true } } },
  });
  return toPage(rows.map(asCase), query.limit, (row) => row.openedAt);
}

/** The cases of one subscription, newest first. */
export async function listCasesOfSubscription(actor: Actor, subscriptionId: string): Promise<CaseDto[]> {
  const rows = await db.cancellationCase.findMany({
    where: { subscriptionId, userId: actor.id },
    orderBy: [{ openedAt: "desc" }, { id: "desc" }],
    select: caseSelect,
  });
  return rows.map(asCase);
}

/**
 * Moves a case, in one transaction: a conditional update on (id, userId,
 * state, version) that must touch exactly one row, the event inserts and the
 * subscription's new status. The version is checked before the move itself,
 * so a stale request is a conflict whatever it asks for.
 */
export async function transitionCase(actor: Actor, id: string, input: TransitionInput): Promise<CaseDto> {
  const current = await db.cancellationCase.findFirst({
    where: { id, userId: actor.id },
    select: { state: true, version: true, confirmationNumber: true, subscriptionId: true, _count: { select: { receipts: true } } },
  });
  if (!current) throw caseNotFound();
  if (current.version !== input.expectedVersion) throw conflict();

  const result = planTransition(
    { state: current.state as CaseState, confirmationNumber: current.confirmationNumber, receiptCount: current._count.receipts },
    input,
  );
  if (!result.ok) {
    const [field, key] = REFUSAL_FIELDS[result.reason];
    throw new AppError("unprocessable", `This move is not allowed: ${result.reason.replaceAll("_", " ")}.`, {
      fields: { [field]: [key] },
    });
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
        ...(plan.closes === true ? { closedAt: now } : plan.closes === null ? { closedAt: null } : {}),
      },
    });
    if (count !== 1) throw conflict();

    const seq = await tx.caseEvent.count({ where: { caseId: id } });
    await tx.caseEvent.createMany({
      data: plan.events.map((event, i) => ({ ...event, caseId: id, userId: actor.id, at: now, seq: seq + i })),
    });
    if (plan.subscriptionStatus) {
      await tx.subscription.updateMany({
        where: { id: current.subscriptionId, userId: actor.id },
        data: { status: plan.subscriptionStatus, cancelledAt: plan.subscriptionStatus === "cancelled" ? now : null },
      });
    }
    const updated = await tx.cancellationCase.findFirstOrThrow({ where: { id, userId: actor.id }, select: caseSelect });
    return asCase(updated);
  });
}

/** Edits a case's own fields; an edit is a change of the case, so it bumps the version. */
export async function updateCase(actor: Actor, id: string, input: UpdateCaseInput): Promise<CaseDto> {
  const { expectedVersion, ...data } = input;
  const current = await db.cancellationCase.findFirst({
    where: { id, userId: actor.id },
    select: { version: true, state: true, _count: { select: { receipts: true } } },
  });
  if (!current) throw caseNotFound();
  if (expectedVersion !== undefined && expectedVersion !== current.version) throw conflict();
  if (data.confirmationNumber === null && current.state === "confirmation_received" && current._count.receipts === 0) {
    throw new AppError("unprocessable", "A confirmed case keeps its proof: attach a receipt before removing the confirmation number.", {
      fields: { confirmationNumber: ["last_evidence"] },
    });
  }
  const { count } = await db.cancellationCase.updateMany({
    where: { id, userId: actor.id, version: current.version },
    data: { ...data, version: { increment: 1 } },
  });
  if (count !== 1) throw conflict();
  const updated = await db.cancellationCase.findFirstOrThrow({ where: { id, userId: actor.id }, select: caseSelect });
  return asCase(updated);
}

/** How many of the user's cases stand at each state (for filter chips and the dashboard). */
export async function countCasesByState(actor: Actor): Promise<Partial<Record<CaseState, number>>> {
  const groups = await db.cancellationCase.groupBy({
    by: ["state"],
    where: { userId: actor.id },
    _count: { _all: true },
  });
  return Object.fromEntries(groups.map((g) => [g.state, g._count._all]));
}

export type CaseOverview = {
  openByState: { state: CaseState; count: number }[];
  followUps: (CaseDto & { subscription: { provider: string } })[];
};

/** The dashboard's view of the cases: open ones by state, follow-ups due by today. */
export async function caseOverview(actor: Actor, today: string): Promise<CaseOverview> {
  const [counts, followUps] = await Promise.all([
    countCasesByState(actor),
    db.cancellationCase.findMany({
      where: {
        userId: actor.id,
        nextFollowUpOn: { lte: today },
        state: { notIn: ["confirmation_received", "withdrawn"] },
      },
      orderBy: [{ nextFollowUpOn: "asc" }, { id: "asc" }],
      take: 20,
      select: { ...caseSelect, subscription: { select: { provider: true } } },
    }),
  ]);
  return {
    openByState: (Object.entries(counts) as [CaseState, number][])
      .filter(([state]) => !isClosed(state))
      .map(([state, count]) => ({ state, count })),
    followUps: followUps.map(asCase),
  };
}
