// The browser's one way to send a file to the API (receipts, statements,
// subscription files): a multipart POST through XMLHttpRequest, because
// fetch cannot report an upload's progress; its JSON answer read once; no
// answer told apart as offline or a failed network; and a refusal read as
// codes, never as its English text (the catalogs say it in the user's
// language). Each form keeps its own choice of message for each code.

export type UploadAnswer = { status: number; body: unknown };

/**
 * Posts `form` to `url`, reporting progress in whole percent when asked.
 * Resolves with any answer the server gave; rejects when none came.
 */
export function postForm(
  url: string,
  form: FormData,
  onProgress?: (percent: number) => void,
): Promise<UploadAnswer> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    if (onProgress) {
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
      };
    }
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // not JSON: the generic message will do
      }
      resolve({ status: xhr.status, body });
    };
    xhr.onerror = () => reject(new Error("network"));
    xhr.send(form);
  });
}

export { noAnswerReason } from "./no-answer";

/** A refusal in codes: the error's code, its first field's code, and its details. */
export type Refusal = { code?: string; fieldCode?: string; limit?: number; row?: number };

export function refusalOf(body: unknown): Refusal {
  const error = (body as { error?: Record<string, unknown> } | null)?.error;
  if (!error || typeof error !== "object") return {};
  const fieldCodes = (error.fieldCodes ?? {}) as Record<string, string[] | undefined>;
  return {
    code: typeof error.code === "string" ? error.code : undefined,
    fieldCode: Object.values(fieldCodes).find((codes) => codes?.length)?.[0],
    limit: typeof error.limit === "number" ? error.limit : undefined,
    row: typeof error.row === "number" ? error.row : undefined,
  };
}
