import type { PendingFile } from "@/lib/storage";

// How a service that takes a file gets it, without knowing where it comes
// from: lib/http/multipart.ts streams a request's body into a temporary file.
// The service says how large the file may be, and asks only after the checks
// that need no bytes (a user at a limit is refused before the upload is read).

export type UploadedFile = {
  file: PendingFile;
  fileName: string;
  size: number;
  sha256: string;
};

export type ReceivedUpload = { upload: UploadedFile; fields: Record<string, string> };

/** Receives the file (413 past `maxBytes`) and the small fields beside it; the service discards the file. */
export type ReceiveUpload = (maxBytes: number) => Promise<ReceivedUpload>;
