// Sending one receipt, with its progress, and reading the server's refusal.
// Loaded by the uploader when the user first goes to add a file, so the
// case page's first-load JavaScript does not carry it (BENCHMARKS.md).

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

type ErrorBody = {
  error?: { code?: string; limit?: number; fieldCodes?: Record<string, string[] | undefined> };
} | null;

/**
 * Which message explains a refused upload: the server's codes (a field's
 * error code, else the error's code), which the catalog translates; never
 * its English text.
 */
export function failureOf(status: number, body: ErrorBody): UploadFailure {
  const error = body?.error;
  if (error?.code === "limit_reached")
    return { reason: "limit_reached_receipts", values: { limit: error.limit ?? 0 } };
  const fieldCode = Object.values(error?.fieldCodes ?? {}).find((codes) => codes?.length)?.[0];
  return {
    reason: fieldCode ?? BY_CODE[error?.code ?? ""] ?? BY_STATUS[status] ?? "upload_failed",
  };
}

export type SendResult =
  | { ok: true }
  /** `retry`: the server failed (5xx), so sending it again may work. */
  | { ok: false; failure: UploadFailure; retry: boolean };

/**
 * Posts one file to the case's receipts, reporting progress in whole percent.
 * Rejects when no answer came (offline, or the network failed).
 */
export function sendReceipt(
  caseId: string,
  file: File,
  as: { kind: string; noteId: string },
  onProgress: (percent: number) => void,
): Promise<SendResult> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    form.append("kind", as.kind);
    if (as.noteId) form.append("noteId", as.noteId);
    form.append("file", file);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/v1/cases/${caseId}/receipts`);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onload = () => {
      if (xhr.status === 201) return resolve({ ok: true });
      let body = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // not JSON: the generic message will do
      }
      resolve({ ok: false, failure: failureOf(xhr.status, body), retry: xhr.status >= 500 });
    };
    xhr.onerror = () => reject(new Error("network"));
    xhr.send(form);
  });
}
