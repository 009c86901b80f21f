"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { acknowledgeNotification, snoozeNotification } from "@/lib/data/reminder-states";
import { todayIn } from "@/lib/domain/dates";
import { idField } from "@/lib/validation/fields";
import { snoozeSchema } from "@/lib/validation/reminder-rules";
import { userAction } from "./user-action";

// The notifications list's controls: snooze a reminder (a day, a week, a
// date) and acknowledge it. The same calls as the API's.

export const snoozeReminderAction = userAction(
  snoozeSchema.extend({ id: idField }),
  async (user, { id, until }) => {
    await snoozeNotification(user, id, until, todayIn(user.timeZone));
    revalidatePath("/notifications");
    return { status: "ok" };
  },
  { input: ([id, until]: [string, string]) => ({ id, until }) },
);

export const acknowledgeReminderAction = userAction(
  z.object({ id: idField }),
  async (user, { id }) => {
    await acknowledgeNotification(user, id);
    revalidatePath("/notifications");
    return { status: "ok" };
  },
  { input: ([id]: [string]) => ({ id }) },
);
