// How a service that takes a file gets it, without knowing where it comes
// from: lib/http/multipart.ts streams a request's body into the sink the
// service names (receipt storage's pending file, or a scratch of its own),
// keeping the first bytes for sniffing. The service says how large the file
// may be, and asks only after the checks that need no bytes (a user at a
// limit is refused before the upload is read).

/** Where an upload's bytes go while they arrive; the receiver discards it when the upload fails. */
export interface UploadSink {
  write(chunk: Uint8Array): Promise<void>;
  /** Drops what was written; harmless after a commit or a second call. */
  discard(): Promise<void>;
}

export type UploadedFile<S extends UploadSink = UploadSink> = {
  file: S;
  fileName: string;
  size: number;
  sha256: string;
  /** The file's first bytes (up to the `headBytes` asked for): types are sniffed from these. */
  head: Uint8Array;
};

export type ReceivedUpload<S extends UploadSink = UploadSink> = {
  upload: UploadedFile<S>;
  fields: Record<string, string>;
};

export type UploadTarget<S extends UploadSink> = {
  /** Opened once the file's part begins. */
  into: () => Promise<S>;
  /** How many leading bytes to keep in memory for sniffing (0 by default). */
  headBytes?: number;
};

/** Receives the file (413 past `maxBytes`) and the small fields beside it; the service discards the file. */
export type ReceiveUpload = <S extends UploadSink>(
  maxBytes: number,
  target: UploadTarget<S>,
) => Promise<ReceivedUpload<S>>;

/**
 * A sink in memory, for files small enough to hold whole (the receiver's
 * `maxBytes` bounds it): the bytes, once received, are `bytes()`.
 */
export function memorySink(): UploadSink & { bytes(): Buffer } {
  let chunks: Uint8Array[] = [];
  return {
    async write(chunk) {
      chunks.push(chunk);
    },
    async discard() {
      chunks = [];
    },
    bytes: () => Buffer.concat(chunks),
  };
}
