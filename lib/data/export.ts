import "server-only";
import type { Readable } from "node:stream";
import { db } from "@/lib/db/client";
import { receiptStorage } from "@/lib/storage";
import {
  caseSelect,
  eventSelect,
  toCaseDto,
  toCaseEventDto,
  type CaseDto,
  type CaseEventDto,
} from "./case-dto";
import { listChangesOfCases, type CaseChangeDto } from "./case-changes";
import { checksOfCases, type CaseCheckDto } from "./case-checks";
import { notFoundError } from "./errors";
import { noteSelect, toNoteDto, type NoteDto } from "./notes";
import { receiptSelect, toReceiptDto, type ReceiptDto } from "./receipts";
import {
  ownerLeadTimes,
  subscriptionSelect,
  toSubscriptionDto,
  type SubscriptionDto,
} from "./subscriptions";
import type { Actor } from "./users";

// "Download my data" reads an account of any size with flat memory: every
// list is read in batches by keyset (oldest first) and handed on as it comes,
// so the ZIP writer (lib/services/export-account.ts) streams it out. There is no one
// snapshot transaction (it would hold the single SQLite connection for the
// whole download): each batch is consistent, and an export taken while the
// user edits may show some of those edits.
const BATCH = 100;
// A case carries its whole history (up to EVENTS_PER_CASE_MAX events each):
// fewer cases per batch keeps a batch small.
const CASE_BATCH = 10;

export type ExportAccount = {
  email: string;
  name: string;
  locale: string;
  timeZone: string;
  createdAt: Date;
};

export type ExportedCase = CaseDto & {
  events: CaseEventDto[];
  changes: CaseChangeDto[];
  /** The after-confirmation checklist's ticked items. */
  checklist: CaseCheckDto[];
};
export type ExportedReceipt = ReceiptDto & { file: string };

/** A receipt file for the ZIP, opened only when the writer reaches it. */
export type ExportFile = { path: string; open(): Promise<Readable> };

/** A receipt's place in the ZIP: receipts/<case id>/<receipt id>-<its plain file name>. */
function exportPath(receipt: ReceiptDto): string {
  const name = receipt.fileName.replace(/[\\/\x00-\x1f\x7f]/g, "_") || "file";
  return `receipts/${receipt.caseId}/${receipt.id}-${name}`;
}

export async function exportAccount(actor: Actor): Promise<ExportAccount> {
  const account = await db.user.findUnique({
    where: { id: actor.id },
    select: { email: true, name: true, locale: true, timeZone: true, createdAt: true },
  });
  if (!account) throw notFoundError("Account");
  return account;
}

/** Where a list stopped: the last row's sort value (a time, or a day as text) and id. */
export type Position = { at: Date | string; id: string } | null;

/**
 * Rows after `position` in (field asc, id asc) order. The `gte` bound lets
 * SQLite start each batch inside the (userId, field, id) index instead of
 * walking the user's earlier rows again (its plan: userId=? AND field>?).
 */
export function after(field: string, position: Position) {
  if (!position) return {};
  return {
    [field]: { gte: position.at },
    OR: [{ [field]: { gt: position.at } }, { id: { gt: position.id } }],
  };
}

/** Reads a list batch by batch until a batch comes back short. */
export async function* inBatches<R extends { id: string }, T>(
  read: (position: Position, take: number) => Promise<R[]>,
  at: (row: R) => Date | string,
  map: (rows: R[]) => Promise<T[]> | T[],
  size = BATCH,
): AsyncGenerator<T[]> {
  let position: Position = null;
  for (;;) {
    const rows = await read(position, size);
    if (rows.length > 0) yield await map(rows);
    if (rows.length < size) return;
    const last = rows.at(-1)!;
    position = { at: at(last), id: last.id };
  }
}

export function exportSubscriptions(actor: Actor): AsyncGenerator<SubscriptionDto[]> {
  let ownerDefault: Promise<number[]> | undefined;
  return inBatches(
    (position, take) =>
      db.subscription.findMany({
        where: { userId: actor.id, ...after("createdAt", position) },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take,
        select: subscriptionSelect,
      }),
    (row) => row.createdAt,
    async (rows) => {
      const lead = await (ownerDefault ??= ownerLeadTimes(actor));
      return rows.map((row) => toSubscriptionDto(row, lead));
    },
  );
}

export function exportCases(actor: Actor): AsyncGenerator<ExportedCase[]> {
  return inBatches(
    (position, take) =>
      db.cancellationCase.findMany({
        where: { userId: actor.id, ...after("openedAt", position) },
        orderBy: [{ openedAt: "asc" }, { id: "asc" }],
        take,
        select: caseSelect,
      }),
    (row) => row.openedAt,
    async (rows) => {
      const events = await db.caseEvent.findMany({
        where: { userId: actor.id, caseId: { in: rows.map((row) => row.id) } },
        orderBy: [{ caseId: "asc" }, { seq: "asc" }],
        select: { ...eventSelect, caseId: true },
      });
      const byCase = new Map<string, CaseEventDto[]>();
      for (const { caseId, ...event } of events) {
        const list = byCase.get(caseId) ?? [];
        list.push(toCaseEventDto(event));
        byCase.set(caseId, list);
      }
      const changes = await listChangesOfCases(
        actor,
        rows.map((row) => row.id),
      );
      const checks = await checksOfCases(
        actor,
        rows.map((row) => row.id),
      );
      return rows.map((row) => ({
        ...toCaseDto(row),
        events: byCase.get(row.id) ?? [],
        changes: changes.get(row.id) ?? [],
        checklist: checks.get(row.id) ?? [],
      }));
    },
    CASE_BATCH,
  );
}

export function exportNotes(actor: Actor): AsyncGenerator<NoteDto[]> {
  return inBatches(
    (position, take) =>
      db.note.findMany({
        where: { userId: actor.id, ...after("occurredAt", position) },
        orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
        take,
        select: noteSelect,
      }),
    (row) => row.occurredAt,
    (rows) => rows.map(toNoteDto),
  );
}

/** The receipts as listed in the JSON, and as files for the ZIP (opened one at a time, later). */
export function exportReceipts(
  actor: Actor,
): AsyncGenerator<{ receipt: ExportedReceipt; file: ExportFile }[]> {
  const storage = receiptStorage();
  return inBatches(
    (position, take) =>
      db.receipt.findMany({
        where: { userId: actor.id, ...after("uploadedAt", position) },
        orderBy: [{ uploadedAt: "asc" }, { id: "asc" }],
        take,
        select: { ...receiptSelect, storageKey: true },
      }),
    (row) => row.uploadedAt,
    (rows) =>
      rows.map(({ storageKey, ...row }) => {
        const receipt = toReceiptDto(row);
        const path = exportPath(receipt);
        return {
          receipt: { ...receipt, file: path },
          file: { path, open: () => storage.open(storageKey) },
        };
      }),
  );
}
