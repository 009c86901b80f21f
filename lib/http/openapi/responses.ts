import { z } from "zod";
import { CASE_STATES, REJECTION_REASONS } from "@/lib/domain/case-workflow";
import { CASE_METHODS, CASE_REASONS } from "@/lib/domain/cases";
import { CHANNEL_KINDS } from "@/lib/domain/channels";
import { ACCOUNT_KINDS, DEADLINE_RULES } from "@/lib/domain/dispute-deadlines";
import { FAILURE_REASONS } from "@/lib/domain/attempts";
import { CHECK_ITEMS } from "@/lib/domain/checklist";
import { NOTE_CHANNELS } from "@/lib/domain/notes";
import { RECEIPT_KINDS } from "@/lib/domain/receipt-kinds";
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

// What the API answers, for the document only: the handlers return the data
// layer's DTOs, which are TypeScript types, not schemas. The enums come from
// lib/domain, so a new state or kind shows up here by itself.

/** The schemas the document lists once under components and refers to by name. */
export const NAMED = new Map<z.ZodType, string>();

export function named<S extends z.ZodType>(name: string, schema: S): S {
  NAMED.set(schema, name);
  return schema;
}

const date = z.string().meta({ format: "date", description: "YYYY-MM-DD" });
const instant = z.iso.datetime();
const text = z.string().nullable();

export const errorSchema = named(
  "Error",
  z.object({
    error: z.object({
      code: z.string().meta({ description: "A stable, machine-readable code." }),
      message: z.string().meta({ description: "What went wrong, in English." }),
      fields: z
        .record(z.string(), z.array(z.string()))
        .optional()
        .meta({ description: "Per field (dotted path), what is wrong with it." }),
    }),
  }),
);

export const subscriptionSchema = named(
  "Subscription",
  z.object({
    id: z.string(),
    provider: z.string(),
    category: z.enum(SUBSCRIPTION_CATEGORIES),
    plan: text,
    amount: z.int().meta({ description: "Minor units (cents)." }),
    currency: z.string().meta({ description: "ISO-4217 code." }),
    billingCycle: z.enum(BILLING_CYCLES),
    nextRenewalOn: date.nullable(),
    accountRef: text,
    paymentMethod: text,
    autoRenew: z.boolean(),
    cancelUrl: text,
    status: z.enum(SUBSCRIPTION_STATUSES),
    cancelledAt: instant.nullable(),
    notes: text,
    merchantPatterns: z.array(z.string()),
    playbookSlug: z
      .string()
      .nullable()
      .meta({ description: "Its provider playbook; set from the provider's name on create." }),
    trialEndsOn: date.nullable().meta({
      description: "The day a free trial ends; the day before is the last day to cancel.",
    }),
    remindDaysBefore: z.array(z.int()).meta({
      description: "Days before a renewal it is reminded, largest first: its own, or the user's.",
    }),
    remindDaysBeforeDefault: z.boolean().meta({
      description: "True when remindDaysBefore is the user's setting; send null to go back to it.",
    }),
    noticeDays: z.int().nullable().meta({
      description: "Cancel at least this many days before renewal: the cancel-by day is reminded.",
    }),
    createdAt: instant,
  }),
);

export const caseSchema = named(
  "Case",
  z.object({
    id: z.string(),
    subscriptionId: z.string(),
    reason: z.enum(CASE_REASONS),
    method: z.enum(CASE_METHODS).nullable(),
    state: z.enum(CASE_STATES),
    version: z.int().meta({ description: "Send it back as expectedVersion." }),
    confirmationNumber: text,
    nextFollowUpOn: date.nullable(),
    expectedFinalBill: z.int().nullable(),
    openedOn: date,
    openedAt: instant,
    closedAt: instant.nullable(),
    followUpStatus: z.enum(["overdue", "due_today", "upcoming"]).nullable(),
  }),
);

export const eventSchema = named(
  "CaseEvent",
  z.object({
    from: z.enum(CASE_STATES).nullable(),
    to: z.enum(CASE_STATES),
    at: instant,
    occurredOn: date,
    skipped: z.boolean(),
    comment: text,
    rejectionReason: z.enum(REJECTION_REASONS).nullable(),
  }),
);

export const noteSchema = named(
  "Note",
  z.object({
    id: z.string(),
    caseId: z.string(),
    channel: z.enum(NOTE_CHANNELS),
    occurredAt: instant,
    agent: text,
    reference: text,
    durationMinutes: z.int().nullable(),
    summary: z.string(),
    outcome: text,
    followUpOn: date.nullable(),
    failureReason: z
      .enum(FAILURE_REASONS)
      .nullable()
      .meta({ description: "Why the contact failed; null when it did not." }),
    createdAt: instant,
    updatedAt: instant,
  }),
);

export const checklistSchema = named(
  "Checklist",
  z.object({
    items: z.array(
      z.object({
        item: z.enum(CHECK_ITEMS),
        doneOn: date,
        agent: text,
        recordedAt: instant,
      }),
    ),
  }),
);

export const receiptSchema = named(
  "Receipt",
  z.object({
    id: z.string(),
    caseId: z.string(),
    noteId: z.string().nullable(),
    kind: z.enum(RECEIPT_KINDS),
    fileName: z.string(),
    mimeType: z.string(),
    size: z.int(),
    sha256: z.string(),
    uploadedAt: instant,
  }),
);

export const caseDetailSchema = named(
  "CaseDetail",
  caseSchema
    .extend({
      events: z.array(eventSchema),
      notes: z.array(noteSchema),
      receipts: z.array(receiptSchema),
      eventsNextCursor: text,
      notesNextCursor: text,
      receiptsNextCursor: text,
    })
    .meta({ description: "Each list holds the newest 100; the rest is paged." }),
);

export const transactionSchema = named(
  "Transaction",
  z.object({
    id: z.string(),
    importId: z.string(),
    account: z.string(),
    postedOn: date,
    description: z.string(),
    amount: z.int(),
    currency: z.string(),
    subscriptionId: z.string().nullable(),
    statementDate: date.nullable(),
    accountKind: z
      .enum(ACCOUNT_KINDS)
      .describe("The statement account's kind: it picks the law of a dispute."),
    kind: z.string().nullable(),
    flagged: z.boolean(),
    caseId: z.string().nullable(),
    disputeDeadlines: z
      .array(z.object({ rule: z.enum(DEADLINE_RULES), on: date }))
      .describe(
        "A flagged charge's deadlines, nearest first: fcba (credit card) or reg_e (debit card, bank account), statement date + 60 days; network (cards), posted date + 120 days. Empty for other lines.",
      ),
    disputeBy: date
      .nullable()
      .describe("The nearest of disputeDeadlines still ahead, else the last one (passed)."),
    importedAt: instant,
  }),
);

export const recurringChargeSchema = named(
  "RecurringCharge",
  z
    .object({
      merchantKey: z
        .string()
        .meta({ description: "The merchant part of the description, the same on every line." }),
      description: z.string().meta({ description: "The newest line's description." }),
      amount: z.int().meta({ description: "The newest line's amount, in minor units." }),
      currency: z.string(),
      cycle: z.enum(BILLING_CYCLES),
      occurrences: z.int(),
      firstPostedOn: date,
      lastPostedOn: date,
      playbookSlug: z.string().nullable(),
      playbookName: z.string().nullable(),
      subscriptionId: z
        .string()
        .nullable()
        .meta({ description: "The subscription most of its lines match; null: none covers it." }),
    })
    .meta({
      description:
        "Charges at one merchant, of similar amounts (within 25 %), at a weekly, monthly, quarterly or yearly rhythm: at least 4 weekly, 3 monthly, or 2 quarterly or yearly charges.",
    }),
);

export const notificationSchema = named(
  "Notification",
  z.object({
    id: z.string(),
    kind: z.enum(REMINDER_KINDS),
    channel: z.enum([...NOTIFICATION_CHANNELS, ...CHANNEL_KINDS]).meta({
      description:
        "email, push, or the kind of the user's channel it went to (GET /api/v1/me/channels).",
    }),
    channelId: z.string().nullable().meta({
      description: "The user's channel it went to; null for email and push.",
    }),
    channelName: z.string().nullable().meta({
      description: "That channel's name while it exists; null for email and push, or once removed.",
    }),
    status: z.enum(NOTIFICATION_STATUSES),
    dueOn: date,
    eventOn: date,
    provider: z.string(),
    caseId: z.string().nullable(),
    subscriptionId: z.string().nullable(),
    attempts: z.int(),
    createdAt: instant,
    sentAt: instant.nullable(),
    snoozedUntil: date.nullable().meta({
      description: "Nothing more about its event before this day (POST …/snooze).",
    }),
    acknowledgedAt: instant.nullable().meta({
      description: "When it was acknowledged (POST …/ack): no more reminders about its event.",
    }),
  }),
);

export const notificationSettingsSchema = named(
  "NotificationSettings",
  z.object({
    delivery: z.enum(DELIVERY_MODES),
    digestTime: z.string().meta({ description: "HH:MM in the user's zone." }),
    quietHours: z.object({ from: z.string(), to: z.string() }).nullable(),
    channels: z.object({ email: z.boolean(), push: z.boolean() }),
    reminders: z.object({
      followUps: z.boolean(),
      renewals: z.boolean(),
      renewalDays: z.array(z.int()),
      review: z.boolean(),
      reviewDays: z.int(),
      statement: z.boolean(),
    }),
    emailAvailable: z.boolean(),
    pushDevices: z.int(),
    pushPublicKey: z.string(),
  }),
);

export const searchHitSchema = named(
  "SearchHit",
  z.object({
    type: z.enum(["case", "note", "receipt"]),
    id: z.string(),
    caseId: z.string(),
    title: z.string(),
    snippet: z.string(),
  }),
);

export const meSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  locale: z.string(),
  timeZone: z.string(),
  emailVerifiedAt: z
    .string()
    .nullable()
    .describe("When the address's verification link was opened; null until then."),
});

/** `{items, nextCursor}`: every list, paged with `?limit=` (≤ 100) and `?cursor=`. */
export function pageOf(item: z.ZodType) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/** A shape the document names but does not spell out field by field. */
export function described(description: string) {
  return z.looseObject({}).meta({ description });
}
