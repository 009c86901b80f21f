// How a support contact happened (docs/contract.md "Domain").
export const NOTE_CHANNELS = [
  "phone",
  "chat",
  "email",
  "store",
  "social",
  "mail",
  "other",
] as const;
export type NoteChannel = (typeof NOTE_CHANNELS)[number];
