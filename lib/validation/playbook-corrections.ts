import { z } from "zod";
import { PLAYBOOK_SLUG } from "@/lib/playbooks/schema";
import { dateOnlyField } from "./fields";

// "This is out of date" on a playbook's fact (issue 33, point 3), and the
// JSON a community shares corrections in. The fact's path is checked against
// the playbook by the data layer; here only its shape.

export const FACT_PATH = /^[a-zA-Z]+(\.[a-z0-9_]+)?$/;

const httpsUrlField = z
  .string({ error: "url_invalid" })
  .trim()
  .max(500, { error: "url_invalid" })
  .refine(
    (value) => {
      try {
        return new URL(value).protocol === "https:";
      } catch {
        return false;
      }
    },
    { error: "url_invalid" },
  );

const correctionFields = {
  factPath: z
    .string({ error: "fact_unknown" })
    .max(60, { error: "fact_unknown" })
    .regex(FACT_PATH, { error: "fact_unknown" }),
  note: z
    .string({ error: "correction_note_required" })
    .trim()
    .min(1, { error: "correction_note_required" })
    .max(2000, { error: "text_too_long_2000" }),
  sourceUrl: httpsUrlField
    .nullable()
    .optional()
    .transform((value) => value ?? null),
  /** The day the user checked; default today, never later. */
  checkedOn: dateOnlyField.optional(),
};

export const createCorrectionSchema = z.object({
  ...correctionFields,
  /** For everyone on the server: only its operators (OPERATOR_EMAILS). */
  everyone: z.boolean({ error: "boolean_invalid" }).optional().default(false),
});
export type CreateCorrectionInput = z.infer<typeof createCorrectionSchema>;

/** At most this many corrections in one shared file. */
export const CORRECTIONS_PER_IMPORT_MAX = 500;

export const CORRECTIONS_FORMAT = "cancelcase-playbook-corrections";

/** A shared corrections file: what GET /api/v1/playbook-corrections writes and POST reads. */
export const correctionsFileSchema = z.object({
  format: z.literal(CORRECTIONS_FORMAT, { error: "corrections_file_invalid" }),
  version: z.literal(1, { error: "corrections_file_invalid" }),
  corrections: z
    .array(
      z.object({
        playbookSlug: z
          .string({ error: "playbook_unknown" })
          .max(60, { error: "playbook_unknown" })
          .regex(PLAYBOOK_SLUG, { error: "playbook_unknown" }),
        ...correctionFields,
        checkedOn: dateOnlyField,
      }),
      { error: "corrections_file_invalid" },
    )
    .max(CORRECTIONS_PER_IMPORT_MAX, { error: "corrections_too_many" }),
  /** Playbook files as the library keeps them: compared with this server's, never applied. */
  playbooks: z.array(z.unknown()).max(200, { error: "corrections_file_invalid" }).optional(),
});
export type CorrectionsFile = z.infer<typeof correctionsFileSchema>;

export const importCorrectionsQuerySchema = z.object({
  everyone: z.enum(["true", "false"], { error: "boolean_invalid" }).optional(),
});

export const exportCorrectionsQuerySchema = z.object({
  playbooks: z.enum(["true", "false"], { error: "boolean_invalid" }).optional(),
});
