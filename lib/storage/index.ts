import "server-only";
import type { Readable } from "node:stream";
import { storageUrl } from "@/lib/config";
import type { S3Location } from "@/lib/config/storage-url.mjs";
import { localDiskStorage } from "./local-disk";

/**
 * A file being received, streamed in with bounded memory: invisible under
 * its key until it is committed. Callers see bytes in, a key out, never
 * where the bytes wait (a temporary file, an object store's multipart upload).
 */
export interface PendingFile {
  /** Resolves once the chunk is accepted (backpressure: a slow store slows the upload). */
  write(chunk: Uint8Array): Promise<void>;
  /** Resolves with the new key once the whole file is durably stored (fsynced, or the object complete). */
  commit(): Promise<string>;
  /** Drops what was written; harmless after commit or a second call. */
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
 * Receipt storage behind one narrow interface, chosen by STORAGE_URL: the
 * local disk (./local-disk.ts, the default) or an S3-compatible bucket
 * (./s3.ts). tests/data/storage-contract.test.ts holds both to the same rules.
 */
export interface ReceiptStorage {
  createPending(): Promise<PendingFile>;
  /** The stored bytes; rejects with StoredFileMissing when the file is gone. */
  open(key: string): Promise<Readable>;
  /** Removes the stored file; harmless when it is already gone. */
  remove(key: string): Promise<void>;
  /**
   * Deletes leftovers: unfinished uploads and stored files whose key is not
   * in `keep`, last written before `before`. The caller picks the cut-off
   * (lib/data/system/receipt-files.ts: an hour ago), the same for every
   * store: on a bucket or a disk that several instances share, a younger
   * file may be one whose row is still on its way.
   */
  sweep(keep: ReadonlySet<string>, before: Date): Promise<{ removed: number }>;
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

/**
 * The bucket's store, its AWS SDK loaded by the first call. Every page that
 * lists receipts imports this module; loaded with it, the SDK cost each
 * serving worker about 4.5 MiB of heap on a server that keeps its receipts
 * on disk (issue 37, bench/memory.mjs).
 */
function bucketStorage(location: S3Location): ReceiptStorage {
  const store = async () => (await import("./s3")).s3Storage(location);
  return {
    createPending: async () => (await store()).createPending(),
    open: async (key) => (await store()).open(key),
    remove: async (key) => (await store()).remove(key),
    sweep: async (keep, before) => (await store()).sweep(keep, before),
    check: async () => (await store()).check(),
  };
}

export function receiptStorage(): ReceiptStorage {
  const url = storageUrl();
  return url ? bucketStorage(url) : localDiskStorage();
}
