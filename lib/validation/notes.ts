import { z } from "zod";
import { FAILURE_REASONS } from "@/lib/domain/attempts";
import { NOTE_CHANNELS } from "@/lib/domain/notes";
import { dateOnlyField, optionalText, pageQuerySchema } from "./fields";

const noteFields = {
  channel: z.enum(NOTE_CHANNELS, { error: "channel_invalid" }),
  occurredAt: z.iso
    .datetime({ offset: true, error: "instant_invalid" })
    .transform((value) => new Date(value)),
  agent: optionalText(100),
  reference: optionalText(100),
  durationMinutes: z
    .number({ error: "duration_invalid" })
    .int({ error: "duration_invalid" })
    .min(0, { error: "duration_invalid" })
    .max(24 * 60, { error: "duration_invalid" })
    .nullable()
    .optional(),
  summary: z
    .string({ error: "summary_required" })
    .trim()
    .min(1, { error: "summary_required" })
    .max(5000, { error: "text_too_long_5000" }),
  outcome: optionalText(2000),
  followUpOn: dateOnlyField.nullable().optional(),
  /** Set when the contact got nowhere; null: it did not fail. */
  failureReason: z.enum(FAILURE_REASONS, { error: "failure_reason_invalid" }).nullable().optional(),
};

export const createNoteSchema = z.object(noteFields);
export type CreateNoteInput = z.infer<typeof createNoteSchema>;

export const updateNoteSchema = z.object(noteFields).partial();
export type UpdateNoteInput = z.infer<typeof updateNoteSchema>;

export const noteSearchSchema = pageQuerySchema.extend({
  q: z
    .string({ error: "query_required" })
    .trim()
    .min(1, { error: "query_required" })
    .max(100, { error: "text_too_long_100" }),
});
export type NoteSearchQuery = z.infer<typeof noteSearchSchema>;
