import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { disputeDeadlines, lawFor } from "@/lib/domain/dispute-deadlines";
import {
  bankDutyStates,
  type BankDutyState,
  DISPUTE_CHANNELS,
  DISPUTE_LAWS,
  DISPUTE_STATUSES,
  type DisputeChannel,
  type DisputeLaw,
  type DisputeStatus,
  type DisputeSuggestion,
  disputeChange,
  type DisputeProblem,
  isClosedStatus,
  nextStepsAfter,
} from "@/lib/domain/disputes";
import { AppError } from "@/lib/errors/app-error";
import type {
  DisputeListQuery,
  FileDisputeInput,
  UpdateDisputeInput,
} from "@/lib/validation/disputes";
import { fromColumn } from "./columns";
import { isUniqueViolation, notFoundError } from "./errors";
import { afterCursor, toPage, type Page } from "./pagination";
import { accountKinds } from "./statement-accounts";
import { getTransaction } from "./transactions";
import type { Actor } from "./users";

// Disputes (issue 34, point 2): one charge's dispute with the bank, from
// filing to the outcome. The rules (moves, duties, what is late, what next)
// are lib/domain/disputes.ts; here the line, the owner and today decide.
// One open dispute per line: `openKey` holds the line's id while open and
// its unique index refuses a second, on both engines, even when two
// requests race; a closed one sets it to null.

export type DisputeDto = {
  id: string;
  transactionId: string;
  caseId: string | null;
  /** The law the dispute was filed under (the account's kind then). */
  law: DisputeLaw;
  filedOn: string;
  channel: DisputeChannel;
  reference: string | null;
  status: DisputeStatus;
  /** The day the bank acknowledged it in writing, as recorded (FCBA's 30 days). */
  acknowledgedOn: string | null;
  provisionalCreditOn: string | null;
  provisionalCreditAmount: number | null;
  resolvedOn: string | null;
  notes: string | null;
  /** What the bank owes under `law`, by when, and whether it is late today. */
  bankDuties: BankDutyState[];
  /** After a denial: the network's chargeback while its window is open, a CFPB complaint. */
  nextSteps: DisputeSuggestion[];
  /** The disputed line, as the lists and the dashboard name it. */
  charge: { description: string; postedOn: string; amount: number; currency: string };
  createdAt: Date;
  updatedAt: Date;
};

export const disputeSelect = {
  id: true,
  transactionId: true,
  caseId: true,
  law: true,
  filedOn: true,
  channel: true,
  reference: true,
  status: true,
  acknowledgedOn: true,
  provisionalCreditOn: true,
  provisionalCreditAmount: true,
  resolvedOn: true,
  notes: true,
  createdAt: true,
  updatedAt: true,
  transaction: {
    select: {
      description: true,
      postedOn: true,
      amount: true,
      currency: true,
      account: true,
      statementDate: true,
    },
  },
} as const satisfies Prisma.DisputeSelect;

type DisputeRow = Prisma.DisputeGetPayload<{ select: typeof disputeSelect }>;

const disputeNotFound = () => notFoundError("Dispute");

/** Rows to DTOs: one query for their accounts' kinds (the network's window needs a card). */
export async function toDtos(
  actor: Actor,
  rows: DisputeRow[],
  today: string,
): Promise<DisputeDto[]> {
  const kinds = await accountKinds(
    actor,
    rows.map((row) => row.transaction.account),
  );
  return rows.map(({ transaction: line, ...row }) => {
    const law = fromColumn(DISPUTE_LAWS, row.law);
    const status = fromColumn(DISPUTE_STATUSES, row.status);
    const deadlines = disputeDeadlines({
      accountKind: kinds.get(line.account) ?? "credit_card",
      statementDate: line.statementDate,
      postedOn: line.postedOn,
    });
    return {
      ...row,
      law,
      status,
      channel: fromColumn(DISPUTE_CHANNELS, row.channel),
      bankDuties: bankDutyStates(
        { law, filedOn: row.filedOn, status, acknowledgedOn: row.acknowledgedOn },
        today,
      ),
      nextSteps: nextStepsAfter(status, deadlines, today),
      charge: {
        description: line.description,
        postedOn: line.postedOn,
        amount: line.amount,
        currency: line.currency,
      },
    };
  });
}

function dateInFuture(field: string): AppError {
  return new AppError("date_in_future", "A dispute's day cannot be after today.", {
    fields: { [field]: ["date_in_future"] },
  });
}

function dateBefore(field: string, what: string, key: string): AppError {
  return new AppError("date_out_of_order", `A dispute's day cannot be before ${what}.`, {
    fields: { [field]: ["date_out_of_order"] },
    formMessage: { key: `disputes.errors.${key}` },
  });
}

/** Files a dispute of one of the actor's charges; 409 when the line already has an open one. */
export async function fileDispute(
  actor: Actor & { timeZone: string },
  transactionId: string,
  input: FileDisputeInput,
  today: string,
): Promise<DisputeDto> {
  const line = await getTransaction(actor, transactionId);
  if (line.amount <= 0) {
    throw new AppError("unprocessable", "Only a charge can be disputed, not a refund.", {
      formMessage: { key: "disputes.errors.notACharge" },
    });
  }
  if (input.filedOn > today) throw dateInFuture("filedOn");
  if (input.filedOn < line.postedOn)
    throw dateBefore("filedOn", "the charge's posted date", "beforePosted");
  try {
    const row = await db.dispute.create({
      data: {
        userId: actor.id,
        transactionId: line.id,
        caseId: line.caseId,
        law: lawFor(line.accountKind),
        filedOn: input.filedOn,
        channel: input.channel,
        reference: input.reference ?? null,
        status: "filed",
        openKey: line.id,
      },
      select: disputeSelect,
    });
    return (await toDtos(actor, [row], today))[0]!;
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("conflict", "This charge already has an open dispute.", {
        formMessage: { key: "disputes.errors.alreadyOpen" },
      });
    }
    throw error;
  }
}

export async function getDispute(actor: Actor, id: string, today: string): Promise<DisputeDto> {
  const row = await db.dispute.findFirst({
    where: { id, userId: actor.id },
    select: disputeSelect,
  });
  if (!row) throw disputeNotFound();
  return (await toDtos(actor, [row], today))[0]!;
}

/** The actor's disputes, newest filed first (by when recorded), a page at a time; `?status=` narrows. */
export async function listDisputes(
  actor: Actor,
  query: DisputeListQuery,
  today: string,
): Promise<Page<DisputeDto>> {
  const rows = await db.dispute.findMany({
    where: {
      userId: actor.id,
      ...(query.status ? { status: query.status } : {}),
      ...afterCursor("createdAt", query.cursor),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    select: disputeSelect,
  });
  const page = toPage(rows, query.limit, (row) => row.createdAt);
  return { ...page, items: await toDtos(actor, page.items, today) };
}

/** The most disputes one read returns for a page (a case's, a list of lines', the dashboard's). */
const DISPUTES_READ = 200;

/** The disputes of these lines, newest first (the charge list shows each line's). */
export async function disputesOfLines(
  actor: Actor,
  transactionIds: string[],
  today: string,
): Promise<DisputeDto[]> {
  if (transactionIds.length === 0) return [];
  const rows = await db.dispute.findMany({
    where: { userId: actor.id, transactionId: { in: transactionIds.slice(0, DISPUTES_READ) } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: DISPUTES_READ,
    select: disputeSelect,
  });
  return toDtos(actor, rows, today);
}

/** A case's disputes, oldest first (its history and its pack). */
export async function disputesOfCase(
  actor: Actor,
  caseId: string,
  today: string,
): Promise<DisputeDto[]> {
  const rows = await db.dispute.findMany({
    where: { userId: actor.id, caseId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: DISPUTES_READ,
    select: disputeSelect,
  });
  return toDtos(actor, rows, today);
}

/** The open disputes, oldest filed first (the dashboard shows `limit` of them). */
export async function openDisputes(
  actor: Actor,
  today: string,
  limit = DISPUTES_READ,
): Promise<DisputeDto[]> {
  const rows = await db.dispute.findMany({
    where: { userId: actor.id, openKey: { not: null } },
    orderBy: [{ filedOn: "asc" }, { id: "asc" }],
    take: Math.min(limit, DISPUTES_READ),
    select: disputeSelect,
  });
  return toDtos(actor, rows, today);
}

/** How many disputes are open (the dashboard's count beside the ones it lists). */
export async function countOpenDisputes(actor: Actor): Promise<number> {
  return db.dispute.count({ where: { userId: actor.id, openKey: { not: null } } });
}

const problems: Record<DisputeProblem["problem"], (field: string) => AppError> = {
  move: () =>
    new AppError("unprocessable", "A dispute cannot move back, nor out of its outcome.", {
      fields: { status: ["state_invalid"] },
      formMessage: { key: "disputes.errors.move" },
    }),
  resolved_open: () =>
    new AppError("unprocessable", "Only a dispute with an outcome has a resolution day.", {
      fields: { resolvedOn: ["date_invalid"] },
      formMessage: { key: "disputes.errors.resolvedOpen" },
    }),
  in_future: (field) => dateInFuture(field),
  before_filed: (field) => dateBefore(field, "the day it was filed", "beforeFiled"),
  over_charge: () =>
    new AppError("unprocessable", "A credit cannot be more than the charge.", {
      fields: { provisionalCreditAmount: ["amount_invalid"] },
      formMessage: { key: "disputes.errors.overCharge" },
    }),
};

/**
 * Records what happened: the bank's acknowledgement, a provisional credit,
 * an outcome, a reference or a note. An outcome closes the dispute (its `openKey` cleared), so the line
 * can be disputed again. Bad values change nothing.
 */
export async function updateDispute(
  actor: Actor,
  id: string,
  input: UpdateDisputeInput,
  today: string,
): Promise<DisputeDto> {
  await db.$transaction(async (tx) => {
    const stored = await tx.dispute.findFirst({
      where: { id, userId: actor.id },
      select: {
        status: true,
        filedOn: true,
        acknowledgedOn: true,
        provisionalCreditOn: true,
        provisionalCreditAmount: true,
        resolvedOn: true,
        updatedAt: true,
        transaction: { select: { amount: true } },
      },
    });
    if (!stored) throw disputeNotFound();
    const status = fromColumn(DISPUTE_STATUSES, stored.status);
    const change = disputeChange({ ...stored, status }, input, stored.transaction.amount, today);
    if ("problem" in change) throw problems[change.problem](change.field);
    const { next } = change;
    // Written only if nobody changed it since it was read (two tabs recording outcomes).
    const { count } = await tx.dispute.updateMany({
      where: { id, userId: actor.id, updatedAt: stored.updatedAt },
      data: {
        ...next,
        ...(input.reference !== undefined ? { reference: input.reference } : {}),
        ...(input.notes !== undefined ? { notes: input.notes } : {}),
        ...(isClosedStatus(next.status) ? { openKey: null } : {}),
      },
    });
    if (count !== 1) {
      throw new AppError("conflict", "The dispute changed since you loaded it. Reload it.", {
        formMessage: { key: "errors.stale" },
      });
    }
  });
  return getDispute(actor, id, today);
}
