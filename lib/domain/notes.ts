// How a support contact happened (docs/contract.md "Domain").
export const NOTE_CHANNELS = [
  /** The provider's own site or app: looking for the cancel option counts as a contact. */
  "website",
  "phone",
  "chat",
  "email",
  "store",
  "social",
  "mail",
  "other",
] as const;
export type NoteChannel = (typeof NOTE_CHANNELS)[number];
