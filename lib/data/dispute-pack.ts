import "server-only";
import type { Readable } from "node:stream";
import { eventsPerCaseLimit, notesPerCaseLimit, receiptsPerCaseLimit } from "@/lib/config";
import { db } from "@/lib/db/client";
import { receiptStorage } from "@/lib/storage";
import { eventSelect, toCaseEventDto, type CaseEventDto } from "./case-dto";
import { listCaseChecks, type CaseCheckDto } from "./case-checks";
import { getCase } from "./case-record";
import { noteSelect, toNoteDto, type NoteDto } from "./notes";
import { receiptSelect, toReceiptDto, type ReceiptDto } from "./receipts";
import { getSubscription, type SubscriptionDto } from "./subscriptions";
import { chargeWatches, flaggedCharges, type TransactionDto } from "./flagged-charges";
import { disputesOfCase, type DisputeDto } from "./disputes";
import { todayIn } from "@/lib/domain/dates";
import type { Actor } from "./users";

// Everything a case's dispute pack shows, read in one place: the whole
// history, every note and every receipt (each bounded by its per-case
// limit), the charges flagged after the confirmation, and who is writing.
// Receipt files are opened one at a time while the pack is written.

export type PackReceipt = ReceiptDto & { open: () => Promise<Readable> };

export type DisputePackData = {
  cardholder: { email: string; timeZone: string };
  subscription: SubscriptionDto;
  caseId: string;
  confirmationNumber: string | null;
  /** The day of the first confirmation (its occurredOn, user's zone), or null when the case never reached it. */
  confirmedOn: string | null;
  /** When that confirmation was recorded. */
  confirmedAt: Date | null;
  /** The day the case was opened (user's zone) and when that was recorded. */
  openedOn: string;
  openedAt: Date;
  events: CaseEventDto[];
  notes: NoteDto[];
  /** The after-confirmation checklist's ticked items. */
  checks: CaseCheckDto[];
  receipts: PackReceipt[];
  charges: TransactionDto[];
  /** The disputes of the case's charges, oldest first (issue 34). */
  disputes: DisputeDto[];
};

export async function disputePackData(
  actor: Actor & { timeZone: string; name: string; email: string },
  caseId: string,
): Promise<DisputePackData> {
  const kase = await getCase(actor, caseId);
  const [subscription, events, notes, receipts, watches, checks] = await Promise.all([
    getSubscription(actor, kase.subscription.id),
    db.caseEvent.findMany({
      where: { caseId, userId: actor.id },
      orderBy: { seq: "asc" },
      take: eventsPerCaseLimit(),
      select: eventSelect,
    }),
    db.note.findMany({
      where: { caseId, userId: actor.id },
      orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
      take: notesPerCaseLimit(),
      select: noteSelect,
    }),
    db.receipt.findMany({
      where: { caseId, userId: actor.id },
      orderBy: [{ uploadedAt: "asc" }, { id: "asc" }],
      take: receiptsPerCaseLimit(),
      select: { ...receiptSelect, storageKey: true },
    }),
    chargeWatches(actor, [kase.subscription.id]),
    listCaseChecks(actor, caseId),
  ]);
  const watch = watches.get(kase.subscription.id);
  const ours = watch?.caseId === caseId;
  const [charges, disputes] = await Promise.all([
    ours ? flaggedCharges(actor, [kase.subscription.id]) : [],
    disputesOfCase(actor, caseId, todayIn(actor.timeZone)),
  ]);
  const storage = receiptStorage();
  const confirmation = events.find((e) => e.to === "confirmation_received");
  return {
    cardholder: { email: actor.email, timeZone: actor.timeZone },
    subscription,
    caseId,
    confirmationNumber: kase.confirmationNumber,
    confirmedOn: confirmation?.occurredOn ?? null,
    confirmedAt: confirmation?.at ?? null,
    openedOn: kase.openedOn,
    openedAt: kase.openedAt,
    events: events.map(toCaseEventDto),
    notes: notes.map(toNoteDto),
    checks,
    receipts: receipts.map(({ storageKey, ...row }) => ({
      ...toReceiptDto(row),
      open: () => storage.open(storageKey),
    })),
    charges,
    disputes,
  };
}
