import { z } from "zod";
import { dateOnlyField } from "./fields";

/** POST /api/v1/notifications/:id/snooze: the day it may come back (after today, within a year). */
export const snoozeSchema = z.strictObject({
  until: dateOnlyField,
});
