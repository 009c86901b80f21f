import "server-only";
import { notesPerCaseLimit } from "@/lib/config";
import { db } from "@/lib/db/client";
import { containsText } from "@/lib/db/dialect";
import type { Prisma } from "@/lib/generated/prisma/client";
import { CASE_STATES, type CaseState } from "@/lib/domain/case-workflow";
import { promisedFollowUp } from "@/lib/domain/follow-ups";
import { FAILURE_REASONS, type FailureReason } from "@/lib/domain/attempts";
import { NOTE_CHANNELS, type NoteChannel } from "@/lib/domain/notes";
import type { PageQuery } from "@/lib/validation/fields";
import type { CreateNoteInput, NoteSearchQuery, UpdateNoteInput } from "@/lib/validation/notes";
import { recordChange } from "./case-changes";
import { assertCaseExists } from "./case-ownership";
import { fromColumn, fromNullableColumn } from "./columns";
import { limitReachedError, notFoundError } from "./errors";
import { afterCursor, toPage, type Page } from "./pagination";
import type { Actor } from "./users";
import { replanToday } from "./notification-settings";

export type NoteDto = {
  id: string;
  caseId: string;
  channel: NoteChannel;
  occurredAt: Date;
  agent: string | null;
  reference: string | null;
  durationMinutes: number | null;
  summary: string;
  outcome: string | null;
  followUpOn: string | null;
  /** Why the contact failed; null: it did not. */
  failureReason: FailureReason | null;
  createdAt: Date;
  /** Later than createdAt once the note was edited. */
  updatedAt: Date;
};

export const noteSelect = {
  id: true,
  caseId: true,
  channel: true,
  occurredAt: true,
  agent: true,
  reference: true,
  durationMinutes: true,
  summary: true,
  outcome: true,
  followUpOn: true,
  failureReason: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Record<keyof NoteDto, true>;

type NoteRow = Prisma.NoteGetPayload<{ select: typeof noteSelect }>;

export function toNoteDto(row: NoteRow): NoteDto {
  return {
    ...row,
    channel: fromColumn(NOTE_CHANNELS, row.channel),
    failureReason: fromNullableColumn(FAILURE_REASONS, row.failureReason),
  };
}

const noteNotFound = () => notFoundError("Note");

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

/**
 * Writes the follow-up a note carries over to its case (promisedFollowUp).
 * Notes are not changes of the case: no version bump.
 */
async function carryFollowUp(
  tx: Tx,
  actor: Actor,
  caseId: string,
  followUpOn: string | null | undefined,
  today: string,
) {
  const nextFollowUpOn = promisedFollowUp(followUpOn, today);
  if (!nextFollowUpOn) return;
  await tx.cancellationCase.updateMany({
    where: { id: caseId, userId: actor.id },
    data: { nextFollowUpOn },
  });
}

export async function addNote(
  actor: Actor,
  caseId: string,
  input: CreateNoteInput,
  today: string,
): Promise<NoteDto> {
  const added = await db.$transaction(async (tx) => {
    const kase = await tx.cancellationCase.findFirst({
      where: { id: caseId, userId: actor.id },
      select: { id: true },
    });
    if (!kase) throw notFoundError("Case");
    const limit = notesPerCaseLimit();
    if ((await tx.note.count({ where: { caseId } })) >= limit) {
      throw limitReachedError(
        "notes",
        limit,
        `This case already holds ${limit} notes, the most one case can keep.`,
      );
    }
    const note = await tx.note.create({
      data: { ...input, caseId, userId: actor.id },
      select: noteSelect,
    });
    await carryFollowUp(tx, actor, caseId, input.followUpOn, today);
    return toNoteDto(note);
  });
  // A call-back promised for today is reminded today.
  if (input.followUpOn) await replanToday(actor.id);
  return added;
}

export async function updateNote(
  actor: Actor,
  id: string,
  input: UpdateNoteInput,
  today: string,
): Promise<NoteDto> {
  const updated = await db.$transaction(async (tx) => {
    const { count } = await tx.note.updateMany({ where: { id, userId: actor.id }, data: input });
    if (count !== 1) throw noteNotFound();
    const note = await tx.note.findFirstOrThrow({
      where: { id, userId: actor.id },
      select: noteSelect,
    });
    await carryFollowUp(tx, actor, note.caseId, input.followUpOn, today);
    return toNoteDto(note);
  });
  if (input.followUpOn) await replanToday(actor.id);
  return updated;
}

/** A case's notes, newest first, a page at a time. */
export async function listCaseNotes(
  actor: Actor,
  caseId: string,
  query: PageQuery,
): Promise<Page<NoteDto>> {
  const rows = await db.note.findMany({
    where: { caseId, userId: actor.id, ...afterCursor("occurredAt", query.cursor) },
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    select: noteSelect,
  });
  if (rows.length === 0) await assertCaseExists(actor, caseId);
  return toPage(rows.map(toNoteDto), query.limit, (row) => row.occurredAt);
}

export async function getNote(actor: Actor, id: string): Promise<NoteDto> {
  const note = await db.note.findFirst({ where: { id, userId: actor.id }, select: noteSelect });
  if (!note) throw noteNotFound();
  return toNoteDto(note);
}

/** Deletes a note; the case's record keeps a line saying which note went, and when. */
export async function deleteNote(actor: Actor, id: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const note = await tx.note.findFirst({
      where: { id, userId: actor.id },
      select: {
        caseId: true,
        channel: true,
        occurredAt: true,
        agent: true,
        reference: true,
        summary: true,
      },
    });
    if (!note) throw noteNotFound();
    const { caseId, occurredAt, ...rest } = note;
    await recordChange(tx, actor, caseId, {
      kind: "note_deleted",
      note: { ...rest, occurredAt: occurredAt.toISOString() },
    });
    const { count } = await tx.note.deleteMany({ where: { id, userId: actor.id } });
    if (count !== 1) throw noteNotFound();
  });
}

export type NoteSearchHit = NoteDto & {
  case: { id: string; state: CaseState; subscription: { provider: string } };
};

/** Notes whose summary, outcome, agent or reference contain the text, newest first. */
export async function searchNotes(
  actor: Actor,
  query: NoteSearchQuery,
): Promise<Page<NoteSearchHit>> {
  const q = query.q;
  const rows = await db.note.findMany({
    where: {
      userId: actor.id,
      OR: [
        { summary: containsText(q) },
        { reference: containsText(q) },
        { agent: containsText(q) },
        { outcome: containsText(q) },
      ],
      ...afterCursor("occurredAt", query.cursor),
    },
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    select: {
      ...noteSelect,
      case: { select: { id: true, state: true, subscription: { select: { provider: true } } } },
    },
  });
  // SQLite's LIKE treats % and _ in the text as wildcards and Prisma does not
  // escape them, so the query can over-match; keep only real substring hits.
  // The cursor still follows the rows read, so no page skips a note.
  const needle = q.toLowerCase();
  const hit = (note: (typeof rows)[number]) =>
    [note.summary, note.reference, note.agent, note.outcome].some((field) =>
      field?.toLowerCase().includes(needle),
    );
  const page = toPage(
    rows.map(({ case: kase, ...note }) => ({
      ...toNoteDto(note),
      case: { ...kase, state: fromColumn(CASE_STATES, kase.state) },
    })),
    query.limit,
    (row) => row.occurredAt,
  );
  return { ...page, items: page.items.filter(hit) };
}
