import { snoozeSchema } from "@/lib/validation/reminder-rules";
import { type Operation, json, ok } from "./operation";
import { notificationSchema } from "./responses";

/** Snooze and acknowledge a reminder (issue 36): it holds for its event on every channel. */
export const REMINDER_RULE_OPERATIONS: Operation[] = [
  {
    method: "POST",
    path: "/api/v1/notifications/{id}/snooze",
    tag: "notifications",
    summary: "Snooze a reminder until a day",
    description:
      "Nothing more about the reminder's event (its kind, case or subscription, and day) before `until`, a day after today in the user's zone and at most a year away; on that day it is reminded once, and a follow-up or dispute deadline repeats from there until acknowledged.",
    auth: "user",
    body: json(snoozeSchema),
    success: ok("The notification, with snoozedUntil.", notificationSchema),
  },
  {
    method: "POST",
    path: "/api/v1/notifications/{id}/ack",
    tag: "notifications",
    summary: "Acknowledge a reminder",
    description:
      "No more reminders about its event: a follow-up or a dispute deadline stops repeating, a snooze ends. Acknowledging again changes nothing.",
    auth: "user",
    success: ok("The notification, with acknowledgedAt.", notificationSchema),
  },
];
