import "server-only";
import { db } from "@/lib/db/client";
import { CHECK_ITEMS, canTick, checkDayAllowed, type CheckItem } from "@/lib/domain/checklist";
import { AppError } from "@/lib/errors/app-error";
import type { SetCheckInput } from "@/lib/validation/checklist";
import { assertCaseExists } from "./case-ownership";
import { fromColumn } from "./columns";
import { notFoundError } from "./errors";
import type { Actor } from "./users";

// The after-confirmation checklist of a case (prisma/schema.prisma CaseCheck):
// one row per ticked item. Ticking is not a change of the case: no version bump.

export type CaseCheckDto = {
  item: CheckItem;
  /** The day it was done (user's zone). */
  doneOn: string;
  agent: string | null;
  /** When it was ticked. */
  recordedAt: Date;
};

const checkSelect = {
  item: true,
  doneOn: true,
  agent: true,
  recordedAt: true,
} as const satisfies Record<keyof CaseCheckDto, true>;

function toCheckDto(row: { item: string; doneOn: string; agent: string | null; recordedAt: Date }) {
  return { ...row, item: fromColumn(CHECK_ITEMS, row.item) };
}

const byItemOrder = (a: CaseCheckDto, b: CaseCheckDto) =>
  CHECK_ITEMS.indexOf(a.item) - CHECK_ITEMS.indexOf(b.item);

/**
 * A case's ticked items, in the checklist's order. Only the actor's rows are
 * read; a page that has read the case itself (a 404 for someone else's) needs
 * no more.
 */
export async function readCaseChecks(actor: Actor, caseId: string): Promise<CaseCheckDto[]> {
  const rows = await db.caseCheck.findMany({
    where: { caseId, userId: actor.id },
    select: checkSelect,
  });
  return rows.map(toCheckDto).sort(byItemOrder);
}

/** The ticked items of several cases at once (the export's batches), by case. */
export async function checksOfCases(
  actor: Actor,
  caseIds: string[],
): Promise<Map<string, CaseCheckDto[]>> {
  const rows = await db.caseCheck.findMany({
    where: { userId: actor.id, caseId: { in: caseIds } },
    select: { ...checkSelect, caseId: true },
  });
  const byCase = new Map<string, CaseCheckDto[]>();
  for (const { caseId, ...row } of rows) {
    byCase.set(caseId, [...(byCase.get(caseId) ?? []), toCheckDto(row)].sort(byItemOrder));
  }
  return byCase;
}

/** readCaseChecks, and 404 for a case that is not the actor's (the API). */
export async function listCaseChecks(actor: Actor, caseId: string): Promise<CaseCheckDto[]> {
  const checks = await readCaseChecks(actor, caseId);
  if (checks.length === 0) await assertCaseExists(actor, caseId);
  return checks;
}

/**
 * Ticks an item (dated `doneOn`, default today) or unticks it. Ticking needs
 * a confirmed case and a day that is not after today; anything refused
 * changes nothing. Answers the whole checklist as it now stands.
 */
export async function setCaseCheck(
  actor: Actor,
  caseId: string,
  input: SetCheckInput,
  today: string,
): Promise<CaseCheckDto[]> {
  await db.$transaction(async (tx) => {
    const kase = await tx.cancellationCase.findFirst({
      where: { id: caseId, userId: actor.id },
      select: { state: true },
    });
    if (!kase) throw notFoundError("Case");
    const where = { caseId, userId: actor.id, item: input.item };
    if (!input.done) {
      await tx.caseCheck.deleteMany({ where });
      return;
    }
    if (!canTick(kase.state)) {
      throw new AppError("unprocessable", "Only a confirmed case has the checklist.", {
        fields: { item: ["case_not_confirmed"] },
      });
    }
    const doneOn = input.doneOn ?? today;
    if (!checkDayAllowed(doneOn, today)) {
      throw new AppError("date_in_future", "An item cannot have been done after today.", {
        fields: { doneOn: ["date_in_future"] },
      });
    }
    // After the confirmation means after it: not before the day it happened.
    const confirmation = await tx.caseEvent.findFirst({
      where: { caseId, userId: actor.id, to: "confirmation_received" },
      orderBy: { seq: "desc" },
      select: { occurredOn: true },
    });
    if (confirmation && doneOn < confirmation.occurredOn) {
      throw new AppError(
        "date_out_of_order",
        "An item cannot have been done before the confirmation.",
        {
          fields: { doneOn: ["date_out_of_order"] },
        },
      );
    }
    const data = { doneOn, agent: input.agent ?? null };
    await tx.caseCheck.upsert({
      where: { caseId_item: { caseId, item: input.item } },
      create: { ...data, caseId, userId: actor.id, item: input.item },
      update: data,
    });
  });
  return listCaseChecks(actor, caseId);
}
