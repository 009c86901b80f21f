import "server-only";
import { Cron } from "croner";
import { reminderTickSeconds } from "@/lib/config";
import { runReminders } from "./run";
import { tickPattern } from "./tick-pattern";
import { defaultSenders } from "./senders";

// The in-process scheduler (croner): every minute (REMINDER_TICK_SECONDS),
// in the first worker process only (instrumentation.ts),
// one pass of the reminder machine. `protect` skips a tick while the last
// one still runs; several processes may tick at once, which the claims in
// lib/data/system/reminders.ts make harmless.
const holder = globalThis as unknown as { cancelCaseReminders?: Cron };

export function startReminderScheduler(): void {
  if (holder.cancelCaseReminders) return;
  const pattern = tickPattern(reminderTickSeconds());
  holder.cancelCaseReminders = new Cron(pattern, { protect: true, unref: true }, async () => {
    try {
      const summary = await runReminders(new Date(), defaultSenders());
      if (summary.sent || summary.failed) {
        console.log(
          `[cancelcase] reminders: ${summary.sent} sent, ${summary.failed} failed, ${summary.skipped} skipped`,
        );
      }
    } catch (error) {
      console.error(
        "[cancelcase] the reminder pass failed:",
        error instanceof Error ? error.message : error,
      );
    }
  });
}

export function stopReminderScheduler(): void {
  holder.cancelCaseReminders?.stop();
  holder.cancelCaseReminders = undefined;
}
