// After the confirmation (issue 33, point 5): what a careful person still
// checks once the provider has confirmed. Not workflow states: a confirmed
// case stays confirmed; each item, once ticked, is dated in its record.

export const CHECK_ITEMS = [
  /** A call to make sure the cancellation is really in (the day, who answered). */
  "double_check_call",
  "final_bill_checked",
  /** The eSIM profile deleted, only once the number's port-out had completed. */
  "esim_removed_after_port",
  "device_returned",
] as const;
export type CheckItem = (typeof CHECK_ITEMS)[number];

/** Only a confirmed case has the checklist; a reopened one keeps what was ticked. */
export function canTick(state: string): boolean {
  return state === "confirmation_received";
}

/** Whether a ticked item's day is acceptable: any past day, not a future one. */
export function checkDayAllowed(doneOn: string, today: string): boolean {
  return doneOn <= today;
}
