// Sending one receipt, with its progress, and reading the server's refusal.
// Loaded by the uploader when the user first goes to add a file, so the
// case page's first-load JavaScript does not carry it (BENCHMARKS.md).

import { postForm, refusalOf } from "@/components/uploads/upload-client";

export type UploadFailure = { reason: string; values?: Record<string, number | string> };

// When the answer carries no field code: by the error's code, then by status.
const BY_CODE: Record<string, string> = {
  conflict: "file_duplicate",
  unsupported_media_type: "file_type_refused",
  not_found: "not_found",
  email_unreadable: "email_unreadable",
  payload_too_large: "file_too_large",
  // The Origin rule (lib/http/write-origin.mjs): say so, not "check your connection".
  forbidden: "origin_refused",
};
const BY_STATUS: Record<number, string> = {
  409: "file_duplicate",
  413: "file_too_large",
  415: "file_type_refused",
  404: "not_found",
  422: "email_unreadable",
  403: "origin_refused",
};

/**
 * Which message explains a refused upload: the server's codes (a field's
 * error code, else the error's code), which the catalog translates; never
 * its English text.
 */
export function failureOf(status: number, body: unknown): UploadFailure {
  const { code, fieldCode, limit } = refusalOf(body);
  if (code === "limit_reached")
    return { reason: "limit_reached_receipts", values: { limit: limit ?? 0 } };
  return { reason: fieldCode ?? BY_CODE[code ?? ""] ?? BY_STATUS[status] ?? "upload_failed" };
}

export type SendResult =
  | { ok: true }
  /** `retry`: the server failed (5xx), so sending it again may work. */
  | { ok: false; failure: UploadFailure; retry: boolean };

/**
 * Posts one file to the case's receipts, reporting progress in whole percent.
 * Rejects when no answer came (offline, or the network failed).
 */
export async function sendReceipt(
  caseId: string,
  file: File,
  as: { kind: string; noteId: string },
  onProgress: (percent: number) => void,
): Promise<SendResult> {
  const form = new FormData();
  form.append("kind", as.kind);
  if (as.noteId) form.append("noteId", as.noteId);
  form.append("file", file);
  const { status, body } = await postForm(`/api/v1/cases/${caseId}/receipts`, form, onProgress);
  if (status === 201) return { ok: true };
  return { ok: false, failure: failureOf(status, body), retry: status >= 500 };
}
