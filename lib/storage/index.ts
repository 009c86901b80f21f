import "server-only";
import type { Readable } from "node:stream";
import { localDiskStorage } from "./local-disk";

/** A file being received: written to a temporary place until it is committed. */
export interface PendingFile {
  /** Where the bytes are while they arrive (for type detection). */
  readonly tempPath: string;
  write(chunk: Uint8Array): Promise<void>;
  /** Flushes to disk (fsync), moves the file under a random key, and returns the key. */
  commit(): Promise<string>;
  /** Removes the temporary file; harmless after commit or a second call. */
  discard(): Promise<void>;
}

/** A received file, sniffed and hashed, waiting for its row to be committed. */
export type ReceivedFile = {
  pending: PendingFile;
  /** The plain display name (lib/domain/receipts cleanFileName). */
  fileName: string;
  size: number;
  sha256: string;
  /** Detected from the bytes, never from the name or the client. */
  mimeType: string;
};

/**
 * Receipt storage behind one narrow interface: local disk now; an object
 * store (S3-compatible) later is a second implementation, not a rewrite.
 */
export interface ReceiptStorage {
  createPending(): Promise<PendingFile>;
  /** The stored bytes; rejects with StoredFileMissing when the file is gone. */
  open(key: string): Promise<Readable>;
  remove(key: string): Promise<void>;
  /** Deletes temporary files and any stored file whose key is not in `keep`. */
  sweep(keep: ReadonlySet<string>): Promise<{ removed: number }>;
  /** Resolves when the store can be read and written (the health check). */
  check(): Promise<void>;
}

/** A row names a file that storage no longer has (deleted by hand, a restore gone wrong). */
export class StoredFileMissing extends Error {
  constructor(key: string) {
    super(`stored file ${key} is missing`);
    this.name = "StoredFileMissing";
  }
}

export function receiptStorage(): ReceiptStorage {
  return localDiskStorage();
}
