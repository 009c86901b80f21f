// What can leave a case's record, and what is kept of it when it does
// (docs/contract.md: the record a user shows must be honest about changes).

export const CASE_CHANGE_KINDS = ["note_deleted", "receipt_deleted"] as const;
export type CaseChangeKind = (typeof CASE_CHANGE_KINDS)[number];

/** What a deleted note was: enough to say which call it was and what it said. */
export type DeletedNote = {
  channel: string;
  occurredAt: string; // ISO instant
  agent: string | null;
  reference: string | null;
  summary: string; // the first SUMMARY_KEPT characters
};

/** What a deleted receipt was: its name, kind, size and fingerprint. */
export type DeletedReceipt = {
  fileName: string;
  kind: string;
  size: number;
  sha256: string;
  uploadedAt: string; // ISO instant
};

export type CaseChangeDetail =
  | { kind: "note_deleted"; note: DeletedNote }
  | { kind: "receipt_deleted"; receipt: DeletedReceipt };

/** How much of a deleted note's summary the history keeps. */
export const SUMMARY_KEPT = 300;

export function keptSummary(summary: string): string {
  const chars = [...summary];
  return chars.length > SUMMARY_KEPT ? `${chars.slice(0, SUMMARY_KEPT).join("")}…` : summary;
}

const text = (value: unknown): string | null => (typeof value === "string" ? value : null);

/**
 * A stored detail read back; a row that does not parse (it never should)
 * still shows as a change of its kind, with what is known.
 */
export function parseChangeDetail(kind: CaseChangeKind, json: string): CaseChangeDetail {
  let raw: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(json);
    if (parsed && typeof parsed === "object") raw = parsed as Record<string, unknown>;
  } catch {
    // keep the empty detail
  }
  if (kind === "note_deleted") {
    return {
      kind,
      note: {
        channel: text(raw.channel) ?? "other",
        occurredAt: text(raw.occurredAt) ?? "",
        agent: text(raw.agent),
        reference: text(raw.reference),
        summary: text(raw.summary) ?? "",
      },
    };
  }
  return {
    kind,
    receipt: {
      fileName: text(raw.fileName) ?? "",
      kind: text(raw.kind) ?? "other",
      size: typeof raw.size === "number" ? raw.size : 0,
      sha256: text(raw.sha256) ?? "",
      uploadedAt: text(raw.uploadedAt) ?? "",
    },
  };
}
