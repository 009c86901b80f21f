import "server-only";
import { isOperator, playbookCorrectionsPerUserLimit } from "@/lib/config";
import { db } from "@/lib/db/client";
import { todayIn } from "@/lib/domain/dates";
import { AppError } from "@/lib/errors/app-error";
import { getPlaybook } from "@/lib/playbooks/library";
import { factsOf } from "@/lib/playbooks/schema";
import type { CorrectionsFile, CreateCorrectionInput } from "@/lib/validation/playbook-corrections";
import { limitReachedError, notFoundError } from "./errors";
import type { Actor } from "./users";

// "This is out of date" on a playbook's facts (issue 33, point 3). A user's
// correction shows to that user; a server operator's (OPERATOR_EMAILS) to
// everyone on the server. Corrections are shared as JSON files between
// servers (lib/validation/playbook-corrections.ts has the format).

export type PlaybookCorrectionDto = {
  id: string;
  playbookSlug: string;
  factPath: string;
  note: string;
  sourceUrl: string | null;
  checkedOn: string;
  /** Shown to everyone on this server (an operator's), or only to its author. */
  everyone: boolean;
  /** Whether the acting user wrote it (and may delete it). */
  mine: boolean;
  createdAt: Date;
};

type Author = Actor & { email: string; timeZone: string };

const correctionSelect = {
  id: true,
  userId: true,
  playbookSlug: true,
  factPath: true,
  note: true,
  sourceUrl: true,
  checkedOn: true,
  everyone: true,
  createdAt: true,
} as const;

function toDto(
  actor: Actor,
  { userId, ...row }: { userId: string } & Omit<PlaybookCorrectionDto, "mine">,
): PlaybookCorrectionDto {
  return { ...row, mine: userId === actor.id };
}

/** What one user sees: their own corrections and the operators'. */
const visibleTo = (actor: Actor) => ({ OR: [{ userId: actor.id }, { everyone: true }] });

/** A playbook's corrections a user sees, newest first. Bounded: an account keeps at most 500. */
export const CORRECTIONS_SHOWN = 200;

export async function listCorrections(
  actor: Actor,
  playbookSlug: string,
): Promise<PlaybookCorrectionDto[]> {
  const rows = await db.playbookCorrection.findMany({
    where: { playbookSlug, ...visibleTo(actor) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: CORRECTIONS_SHOWN,
    select: correctionSelect,
  });
  return rows.map((row) => toDto(actor, row));
}

/** The fact paths of a playbook a correction may name: "channels.0", "portOut", "steps.open"… */
function checkFact(playbookSlug: string, factPath: string, row?: number): void {
  const playbook = getPlaybook(playbookSlug);
  if (!playbook) {
    throw new AppError("unprocessable", "There is no playbook by that name.", {
      fields: { playbookSlug: ["playbook_unknown"] },
      ...(row !== undefined ? { details: { row } } : {}),
    });
  }
  if (!factsOf(playbook).some((fact) => fact.path.join(".") === factPath)) {
    throw new AppError("unprocessable", "The playbook has no such fact.", {
      fields: { factPath: ["fact_unknown"] },
      ...(row !== undefined ? { details: { row } } : {}),
    });
  }
}

function checkEveryone(actor: Author, everyone: boolean): void {
  if (everyone && !isOperator(actor.email)) {
    throw new AppError("forbidden", "Only this server's operators correct playbooks for everyone.");
  }
}

function checkedOnOrToday(actor: Author, checkedOn: string | undefined, row?: number): string {
  const today = todayIn(actor.timeZone);
  if (checkedOn && checkedOn > today) {
    throw new AppError("date_in_future", "A fact cannot have been checked after today.", {
      fields: { checkedOn: ["date_in_future"] },
      ...(row !== undefined ? { details: { row } } : {}),
    });
  }
  return checkedOn ?? today;
}

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

async function assertRoomFor(tx: Tx, actor: Actor, adding: number): Promise<void> {
  const limit = playbookCorrectionsPerUserLimit();
  if ((await tx.playbookCorrection.count({ where: { userId: actor.id } })) + adding > limit) {
    throw limitReachedError(
      "corrections",
      limit,
      `An account keeps at most ${limit} playbook corrections.`,
    );
  }
}

export async function addCorrection(
  actor: Author,
  playbookSlug: string,
  input: CreateCorrectionInput,
): Promise<PlaybookCorrectionDto> {
  if (!getPlaybook(playbookSlug)) throw notFoundError("Playbook");
  checkFact(playbookSlug, input.factPath);
  checkEveryone(actor, input.everyone);
  const checkedOn = checkedOnOrToday(actor, input.checkedOn);
  const row = await db.$transaction(async (tx) => {
    await assertRoomFor(tx, actor, 1);
    return tx.playbookCorrection.create({
      data: {
        userId: actor.id,
        playbookSlug,
        factPath: input.factPath,
        note: input.note,
        sourceUrl: input.sourceUrl,
        checkedOn,
        everyone: input.everyone,
      },
      select: correctionSelect,
    });
  });
  return toDto(actor, row);
}

/** Deletes one of the user's own corrections; anyone else's is not found. */
export async function deleteCorrection(
  actor: Actor,
  playbookSlug: string,
  id: string,
): Promise<void> {
  const { count } = await db.playbookCorrection.deleteMany({
    where: { id, playbookSlug, userId: actor.id },
  });
  if (count === 0) throw notFoundError("Correction");
}

/** Every correction a user sees, for a shared file: at most an account's own and the operators'. */
export const CORRECTIONS_EXPORTED = 5000;

export async function exportCorrections(actor: Actor): Promise<CorrectionsFile["corrections"]> {
  const rows = await db.playbookCorrection.findMany({
    where: visibleTo(actor),
    orderBy: [{ playbookSlug: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    take: CORRECTIONS_EXPORTED,
    select: correctionSelect,
  });
  return rows.map((row) => ({
    playbookSlug: row.playbookSlug,
    factPath: row.factPath,
    note: row.note,
    sourceUrl: row.sourceUrl,
    checkedOn: row.checkedOn,
  }));
}

/**
 * A shared file's corrections, all or none: each is checked (playbook, fact,
 * date) and the account's limit counted before anything is written. One the
 * user already has (same playbook, fact, note and day) is skipped, so a file
 * imported twice adds nothing the second time.
 */
export async function importCorrections(
  actor: Author,
  corrections: CorrectionsFile["corrections"],
  everyone: boolean,
): Promise<{ added: number; duplicates: number }> {
  checkEveryone(actor, everyone);
  corrections.forEach((correction, index) => {
    checkFact(correction.playbookSlug, correction.factPath, index + 1);
    checkedOnOrToday(actor, correction.checkedOn, index + 1);
  });
  return db.$transaction(async (tx) => {
    const held = await tx.playbookCorrection.findMany({
      where: {
        userId: actor.id,
        playbookSlug: { in: [...new Set(corrections.map((c) => c.playbookSlug))] },
      },
      select: { playbookSlug: true, factPath: true, note: true, checkedOn: true },
      take: playbookCorrectionsPerUserLimit(),
    });
    const key = (c: { playbookSlug: string; factPath: string; note: string; checkedOn: string }) =>
      JSON.stringify([c.playbookSlug, c.factPath, c.note, c.checkedOn]);
    const seen = new Set(held.map(key));
    const fresh = corrections.filter((c) => {
      if (seen.has(key(c))) return false;
      seen.add(key(c));
      return true;
    });
    await assertRoomFor(tx, actor, fresh.length);
    if (fresh.length > 0) {
      await tx.playbookCorrection.createMany({
        data: fresh.map((c) => ({ ...c, userId: actor.id, everyone })),
      });
    }
    return { added: fresh.length, duplicates: corrections.length - fresh.length };
  });
}

/** The account's own corrections, for "download my data": at most the account's limit. */
export async function ownCorrections(actor: Actor): Promise<PlaybookCorrectionDto[]> {
  const rows = await db.playbookCorrection.findMany({
    where: { userId: actor.id },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: playbookCorrectionsPerUserLimit(),
    select: correctionSelect,
  });
  return rows.map((row) => toDto(actor, row));
}
