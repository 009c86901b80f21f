// The words of a dispute (issue 34, point 2): its channels, statuses and
// laws. A module of its own, with no imports, so the dispute forms in the
// browser do not bring the date and deadline rules of ./disputes.ts with them.

export const DISPUTE_CHANNELS = ["online", "phone", "mail", "branch", "chat"] as const;
export type DisputeChannel = (typeof DISPUTE_CHANNELS)[number];

export const DISPUTE_STATUSES = [
  "filed",
  "provisional_credit",
  "credited",
  "denied",
  "withdrawn",
] as const;
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];

export const CLOSED_DISPUTE_STATUSES = ["credited", "denied", "withdrawn"] as const;
export type ClosedDisputeStatus = (typeof CLOSED_DISPUTE_STATUSES)[number];

export const DISPUTE_LAWS = ["fcba", "reg_e"] as const;
export type DisputeLaw = (typeof DISPUTE_LAWS)[number];
