import "server-only";
import { caseChangesPerCaseLimit } from "@/lib/config";
import { db } from "@/lib/db/client";
import {
  CASE_CHANGE_KINDS,
  keptSummary,
  parseChangeDetail,
  type CaseChangeDetail,
} from "@/lib/domain/case-changes";
import { fromColumn } from "./columns";
import { limitReachedError } from "./errors";
import type { Actor } from "./users";

// The lines of history a delete leaves (prisma/schema.prisma CaseChange).
// Written in the delete's own transaction, so a note or receipt never goes
// without its line, and counted first, so the history stays bounded.

export type CaseChangeDto = { id: string; at: Date } & CaseChangeDetail;

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

/** Inside the delete's transaction: refuses (422) when the case's history of changes is full. */
export async function recordChange(
  tx: Tx,
  actor: Actor,
  caseId: string,
  detail: CaseChangeDetail,
): Promise<void> {
  const limit = caseChangesPerCaseLimit();
  if ((await tx.caseChange.count({ where: { caseId } })) >= limit) {
    throw limitReachedError(
      "changes",
      limit,
      `This case's record already lists ${limit} deletions, the most one case can keep; nothing was deleted.`,
    );
  }
  const { kind, ...rest } = detail;
  const what =
    "note" in rest ? { ...rest.note, summary: keptSummary(rest.note.summary) } : rest.receipt;
  await tx.caseChange.create({
    data: { userId: actor.id, caseId, kind, detail: JSON.stringify(what) },
  });
}

const changeSelect = { id: true, at: true, kind: true, detail: true, caseId: true } as const;

function toChangeDto(row: { id: string; at: Date; kind: string; detail: string }): CaseChangeDto {
  return {
    id: row.id,
    at: row.at,
    ...parseChangeDetail(fromColumn(CASE_CHANGE_KINDS, row.kind), row.detail),
  };
}

/**
 * A case's changes, oldest first (bounded by CASE_CHANGES_PER_CASE_MAX). Only
 * the actor's rows are read, so another user's or an unknown case has none:
 * the pages that show them read the case itself (getCase), which answers 404.
 */
export async function listCaseChanges(actor: Actor, caseId: string): Promise<CaseChangeDto[]> {
  const rows = await db.caseChange.findMany({
    where: { caseId, userId: actor.id },
    orderBy: [{ at: "asc" }, { id: "asc" }],
    take: caseChangesPerCaseLimit(),
    select: changeSelect,
  });
  return rows.map(toChangeDto);
}

/** The changes of several cases at once (the export's batches), by case, oldest first. */
export async function listChangesOfCases(
  actor: Actor,
  caseIds: string[],
): Promise<Map<string, CaseChangeDto[]>> {
  const rows = await db.caseChange.findMany({
    where: { userId: actor.id, caseId: { in: caseIds } },
    orderBy: [{ caseId: "asc" }, { at: "asc" }, { id: "asc" }],
    take: caseChangesPerCaseLimit() * caseIds.length,
    select: changeSelect,
  });
  const byCase = new Map<string, CaseChangeDto[]>();
  for (const row of rows) {
    const list = byCase.get(row.caseId) ?? [];
    list.push(toChangeDto(row));
    byCase.set(row.caseId, list);
  }
  return byCase;
}
