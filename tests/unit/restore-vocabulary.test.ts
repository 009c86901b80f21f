import { describe, expect, it } from "vitest";
import { CASE_STATES, REJECTION_REASONS } from "@/lib/domain/case-workflow";
import { CASE_METHODS, CASE_REASONS } from "@/lib/domain/cases";
import { LOCALES } from "@/lib/domain/locales";
import { CASE_CHANGE_KINDS } from "@/lib/domain/case-changes";
import { ACCOUNT_KINDS } from "@/lib/domain/dispute-deadlines";
import { DISPUTE_CHANNELS, DISPUTE_LAWS, DISPUTE_STATUSES } from "@/lib/domain/disputes";
import { NOTE_CHANNELS } from "@/lib/domain/notes";
import { RECEIPT_KINDS } from "@/lib/domain/receipt-kinds";
import { STATEMENT_FORMATS } from "@/lib/domain/statements";
import {
  DELIVERY_MODES,
  NOTIFICATION_CHANNELS,
  NOTIFICATION_STATUSES,
  REMINDER_KINDS,
} from "@/lib/domain/reminders";
import {
  BILLING_CYCLES,
  SUBSCRIPTION_CATEGORIES,
  SUBSCRIPTION_STATUSES,
} from "@/lib/domain/subscriptions";

// The restore script runs under plain node and keeps its own copy of the
// vocabularies it checks a backup's values against: this keeps the copies equal.
describe("the restore script's vocabularies", () => {
  it("are the domain's, column by column", async () => {
    const { VOCABULARY } = (await import("../../scripts/restore/vocabulary.mjs" as string)) as {
      VOCABULARY: Record<string, (string | null)[]>;
    };
    expect(VOCABULARY).toEqual({
      "Subscription.category": [...SUBSCRIPTION_CATEGORIES],
      "Subscription.billingCycle": [...BILLING_CYCLES],
      "Subscription.status": [...SUBSCRIPTION_STATUSES],
      "CancellationCase.state": [...CASE_STATES],
      "CancellationCase.reason": [...CASE_REASONS],
      "CancellationCase.method": [...CASE_METHODS, null],
      "CaseEvent.to": [...CASE_STATES],
      "CaseEvent.from": [...CASE_STATES, null],
      "CaseEvent.rejectionReason": [...REJECTION_REASONS, null],
      "Note.channel": [...NOTE_CHANNELS],
      "Receipt.kind": [...RECEIPT_KINDS],
      "Receipt.mimeType": expect.arrayContaining([
        "application/pdf",
        "message/rfc822",
        "text/plain",
      ]),
      "User.locale": [...LOCALES],
      "CaseChange.kind": [...CASE_CHANGE_KINDS],
      "Notification.kind": [...REMINDER_KINDS],
      "Notification.channel": [...NOTIFICATION_CHANNELS],
      "Notification.status": [...NOTIFICATION_STATUSES],
      "NotificationSettings.delivery": [...DELIVERY_MODES],
      "StatementImport.format": [...STATEMENT_FORMATS],
      "StatementAccount.accountKind": [...ACCOUNT_KINDS],
      "Dispute.law": [...DISPUTE_LAWS],
      "Dispute.status": [...DISPUTE_STATUSES],
      "Dispute.channel": [...DISPUTE_CHANNELS],
    });
    expect(VOCABULARY["Receipt.mimeType"]).not.toContain("text/html");
    expect(VOCABULARY["Receipt.mimeType"]).not.toContain("image/svg+xml");
  });
});
