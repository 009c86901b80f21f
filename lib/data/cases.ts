import "server-only";

// Writing one case: opening it, moving it through the workflow and editing
// it. Its DTOs and their mappers are ./case-dto.ts's; reading it is
// ./case-record.ts's; lists of cases are ./case-lists.ts's.
import { casesPerUserLimit, eventsPerCaseLimit } from "@/lib/config";
import { db } from "@/lib/db/client";
import {
  CASE_STATES,
  CLOSED_STATES,
  hasProof,
  planTransition,
  type TransitionRefusal,
} from "@/lib/domain/case-workflow";
import { todayIn } from "@/lib/domain/dates";
import { wallTimeToInstant } from "@/lib/domain/wall-time";
import { AppError, type AppErrorCode } from "@/lib/errors/app-error";
import type { OpenCaseInput, TransitionInput, UpdateCaseInput } from "@/lib/validation/cases";
import { caseSelect, toCaseDto, type CaseDto } from "./case-dto";
import { readDoneSteps } from "./case-record";
import { fromColumn } from "./columns";
import { limitReachedError, notFoundError, staleVersionError } from "./errors";
import { replanToday } from "./notification-settings";
import type { Actor } from "./users";

const caseNotFound = () => notFoundError("Case");

const REFUSAL_FIELDS: Record<TransitionRefusal, [string, string]> = {
  not_allowed: ["to", "transition_not_allowed"],
  rejection_reason_required: ["rejectionReason", "rejection_reason_required"],
  rejection_reason_unexpected: ["rejectionReason", "rejection_reason_unexpected"],
  comment_required: ["comment", "comment_required"],
  evidence_required: ["confirmationNumber", "evidence_required"],
  date_in_future: ["occurredOn", "date_in_future"],
  date_out_of_order: ["occurredOn", "date_out_of_order"],
};

/** The refusals that carry their own error code (docs/contract.md, transitions); the rest are `unprocessable`. */
const REFUSAL_CODES: Partial<Record<TransitionRefusal, AppErrorCode>> = {
  date_in_future: "date_in_future",
  date_out_of_order: "date_out_of_order",
};

/** The actor's zone and today in it, read with the write: "today" is the user's, never the server's. */
async function calendarOf(
  reader: Pick<typeof db, "user">,
  actor: Actor,
): Promise<{ timeZone: string; today: string }> {
  const user = await reader.user.findUnique({
    where: { id: actor.id },
    select: { timeZone: true },
  });
  const timeZone = user?.timeZone ?? "UTC";
  return { timeZone, today: todayIn(timeZone) };
}

/**
 * The instant that stands for a day in the past on an instant column (the
 * subscription's cancelledAt, shown as a date in the user's zone): noon there,
 * far from either midnight; a step of today keeps the moment it was recorded.
 */
function instantOfDay(day: string, calendar: { timeZone: string; today: string }, now: Date) {
  if (day === calendar.today) return now;
  return wallTimeToInstant(`${day}T12:00`, calendar.timeZone) ?? now;
}

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
    const { today } = await calendarOf(tx, actor);
    const openedOn = input.occurredOn ?? today;
    if (openedOn > today) {
      throw new AppError("date_in_future", "A case cannot have been opened after today.", {
        fields: { occurredOn: ["date_in_future"] },
      });
    }
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
        openedOn,
        events: {
          create: { userId: actor.id, from: null, to: "open", occurredOn: openedOn, seq: 0 },
        },
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
        events: { orderBy: { seq: "desc" }, take: 1, select: { occurredOn: true } },
      },
    });
    if (!current) throw caseNotFound();
    if (current.version !== input.expectedVersion) throw staleVersionError();
    const calendar = await calendarOf(tx, actor);

    const result = planTransition(
      {
        state: fromColumn(CASE_STATES, current.state),
        done: await readDoneSteps(tx, actor, id),
        confirmationNumber: current.confirmationNumber,
        receiptCount: current._count.receipts,
        today: calendar.today,
        lastOccurredOn: current.events[0]?.occurredOn ?? "0000-01-01",
      },
      input,
    );
    if (!result.ok) {
      const [field, key] = REFUSAL_FIELDS[result.reason];
      throw new AppError(
        REFUSAL_CODES[result.reason] ?? "unprocessable",
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
            ? // A reopen starts afresh: the follow-up set before the confirmation does not come back.
              { closedAt: null, nextFollowUpOn: null }
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
          // Cancelled on the day the provider confirmed it, not the day it was written down.
          cancelledAt:
            plan.subscriptionStatus === "cancelled"
              ? instantOfDay(plan.events.at(-1)!.occurredOn, calendar, now)
              : null,
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
    // Only an edit of the number is held to it: other fields stay editable.
    if (
      data.confirmationNumber !== undefined &&
      current.state === "confirmation_received" &&
      !hasProof({
        confirmationNumber: data.confirmationNumber,
        receiptCount: current._count.receipts,
      })
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
