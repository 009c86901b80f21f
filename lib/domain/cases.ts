// A case's own vocabulary; its states and moves are ./case-workflow.ts's.
export const CASE_REASONS = [
  "charges",
  "privacy",
  "switching",
  "trip_ended",
  "cost",
  "device_change",
  "security",
  "other",
] as const;
export type CaseReason = (typeof CASE_REASONS)[number];

export const CASE_METHODS = ["online", "phone", "chat", "store", "email", "mail"] as const;
export type CaseMethod = (typeof CASE_METHODS)[number];
