import "server-only";

// One case: its DTOs and their mappers, opening it, moving it through the
// workflow and editing it. Reading it is ./case-record.ts's; lists of cases
// are ./case-lists.ts's.
import { casesPerUserLimit, eventsPerCaseLimit } from "@/lib/config";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  CASE_STATES,
  CLOSED_STATES,
  planTransition,
  REJECTION_REASONS,
  type CaseState,
  type RejectionReason,
  type TransitionRefusal,
} from "@/lib/domain/case-workflow";
import { CASE_METHODS, CASE_REASONS, type CaseMethod, type CaseReason } from "@/lib/domain/cases";
import { AppError } from "@/lib/errors/app-error";
import type { OpenCaseInput, TransitionInput, UpdateCaseInput } from "@/lib/validation/cases";
import { fromColumn, fromNullableColumn } from "./columns";
import { limitReachedError, notFoundError, staleVersionError } from "./errors";
import { replanToday } from "./notification-settings";
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
  /** A final bill (cents) expected after the confirmation: a charge of it is not flagged. */
  expectedFinalBill: number | null;
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

export const caseSelect = {
  id: true,
  subscriptionId: true,
  reason: true,
  method: true,
  state: true,
  version: true,
  confirmationNumber: true,
  nextFollowUpOn: true,
  expectedFinalBill: true,
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
  // The facts the move depends on (state, version, the confirmation number,
  // how many receipts there are) are read inside the transaction that makes
  // it: a receipt deleted at the same moment either lands before (and the
  // confirmation is refused for lack of proof) or after (and the delete is
  // refused as the last proof). SQLite runs write transactions one at a time.
  const moved = await db.$transaction(async (tx) => {
    const current = await tx.cancellationCase.findFirst({
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
  // A confirmation can turn a statement line already imported into a flagged charge.
  await replanToday(actor.id);
  return moved;
}

/**
 * Edits a case's own fields; an edit is a change of the case, so it bumps the
 * version. As in a transition, the proof rule is checked inside the write.
 */
export async function updateCase(
  actor: Actor,
  id: string,
  input: UpdateCaseInput,
): Promise<CaseDto> {
  const { expectedVersion, ...data } = input;
  const edited = await db.$transaction(async (tx) => {
    const current = await tx.cancellationCase.findFirst({
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
    const { count } = await tx.cancellationCase.updateMany({
      where: { id, userId: actor.id, version: current.version },
      data: { ...data, version: { increment: 1 } },
    });
    if (count !== 1) throw staleVersionError();
    const updated = await tx.cancellationCase.findFirstOrThrow({
      where: { id, userId: actor.id },
      select: caseSelect,
    });
    return toCaseDto(updated);
  });
  // A follow-up set for today is reminded today.
  await replanToday(actor.id);
  return edited;
}
