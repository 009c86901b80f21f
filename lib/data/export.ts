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
} from "./cases";
import { notFoundError } from "./errors";
import { noteSelect, toNoteDto, type NoteDto } from "./notes";
import { receiptSelect, toReceiptDto, type ReceiptDto } from "./receipts";
import { subscriptionSelect, toSubscriptionDto, type SubscriptionDto } from "./subscriptions";
import type { Actor } from "./users";

/** Everything one user keeps, as the JSON of "Download my data" (field names as in the API). */
export type UserExport = {
  format: "cancelcase-export";
  version: 1;
  exportedAt: Date;
  account: { email: string; name: string; locale: string; timeZone: string; createdAt: Date };
  subscriptions: SubscriptionDto[];
  cases: (CaseDto & { events: CaseEventDto[] })[];
  notes: NoteDto[];
  receipts: (ReceiptDto & { file: string })[];
};

export type ExportFile = { path: string; open(): Promise<Readable> };

/** A receipt's place in the ZIP: receipts/<case id>/<receipt id>-<its plain file name>. */
function exportPath(receipt: ReceiptDto): string {
  const name = receipt.fileName.replace(/[\\/\x00-\x1f\x7f]/g, "_") || "file";
  return `receipts/${receipt.caseId}/${receipt.id}-${name}`;
}

/**
 * All of the user's rows, read in one transaction so they agree with each
 * other, and the receipt files to go with them (opened later, one at a time).
 */
export async function exportUserData(
  actor: Actor,
): Promise<{ data: UserExport; files: ExportFile[] }> {
  const where = { userId: actor.id };
  const [account, subscriptions, cases, notes, receipts] = await db.$transaction([
    db.user.findUnique({
      where: { id: actor.id },
      select: { email: true, name: true, locale: true, timeZone: true, createdAt: true },
    }),
    db.subscription.findMany({
      where,
      select: subscriptionSelect,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    db.cancellationCase.findMany({
      where,
      select: { ...caseSelect, events: { select: eventSelect, orderBy: { seq: "asc" } } },
      orderBy: [{ openedAt: "asc" }, { id: "asc" }],
    }),
    db.note.findMany({
      where,
      select: noteSelect,
      orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
    }),
    db.receipt.findMany({
      where,
      select: { ...receiptSelect, storageKey: true },
      orderBy: [{ uploadedAt: "asc" }, { id: "asc" }],
    }),
  ]);
  if (!account) throw notFoundError("Account");
  const storage = receiptStorage();
  const files: ExportFile[] = [];
  const listed = receipts.map(({ storageKey, ...row }) => {
    const receipt = toReceiptDto(row);
    const file = exportPath(receipt);
    files.push({ path: file, open: () => storage.open(storageKey) });
    return { ...receipt, file };
  });
  return {
    data: {
      format: "cancelcase-export",
      version: 1,
      exportedAt: new Date(),
      account,
      subscriptions: subscriptions.map(toSubscriptionDto),
      cases: cases.map(({ events, ...row }) => ({
        ...toCaseDto(row),
        events: events.map(toCaseEventDto),
      })),
      notes: notes.map(toNoteDto),
      receipts: listed,
    },
    files,
  };
}
