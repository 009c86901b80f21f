import { z } from "zod";
import { CHECK_ITEMS } from "@/lib/domain/checklist";
import { dateOnlyField, optionalText } from "./fields";

/** Ticks (or unticks) one item of a confirmed case's after-confirmation checklist. */
export const setCheckSchema = z.object({
  item: z.enum(CHECK_ITEMS, { error: "check_item_invalid" }),
  done: z.boolean({ error: "boolean_invalid" }),
  /** The day it was done, in the user's zone; default today. Never later than today. */
  doneOn: dateOnlyField.optional(),
  /** Who answered (the double-check call). */
  agent: optionalText(100).optional(),
});
export type SetCheckInput = z.infer<typeof setCheckSchema>;
