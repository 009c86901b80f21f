import "server-only";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { PassThrough, Readable } from "node:stream";
import {
  AbortMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  S3Client,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { RECEIPT_KEY } from "@/lib/config/paths.mjs";
import type { S3Location } from "@/lib/config/storage-url.mjs";
import { StoredFileMissing, type PendingFile, type ReceiptStorage } from "./index";

// Receipts in an S3-compatible bucket (STORAGE_URL), one object per receipt
// at <prefix><key>, through the AWS SDK v3 (docs/decisions/ names why). The
// disk's guarantees, translated: an upload streams through lib-storage's
// multipart Upload, so at most (QUEUE + 1) parts are in memory whatever the
// size, and the object appears under its key only when the upload completes
// (a multipart upload is invisible until CompleteMultipartUpload), which is
// what commit() waits for before the caller writes the row.

/** S3's smallest part: the memory an upload holds is a few of these. */
const PART_BYTES = 5 * 1024 * 1024;
/** Parts in flight at once (lib-storage buffers at most queueSize × partSize). */
const QUEUE = 2;
/** How long discard() waits for an aborted upload to wind down. */
const ABORT_WAIT_MS = 10_000;

const cache = globalThis as { s3Clients?: Map<string, S3Client> };

function clientOf(location: S3Location): S3Client {
  const id = JSON.stringify([location.endpoint, location.region, location.forcePathStyle]);
  const clients = (cache.s3Clients ??= new Map());
  let client = clients.get(id);
  if (!client) {
    client = new S3Client({
      endpoint: location.endpoint ?? undefined,
      // A self-hosted store mostly ignores the region, but the SDK signs with one.
      region: location.region ?? (location.endpoint ? "us-east-1" : undefined),
      forcePathStyle: location.forcePathStyle,
      // Checksums only where S3 requires them. With the SDK's default, a streamed
      // body goes aws-chunked with a trailing checksum, and S3-compatible servers
      // such as s3rver keep the framing as data (measured: 1243 bytes stored for
      // 1200). lib-storage sends buffers, but nothing here may depend on that;
      // each receipt's row carries its own SHA-256.
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
    });
    clients.set(id, client);
  }
  return client;
}

function isMissing(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === "NoSuchKey" || e?.name === "NotFound" || e?.$metadata?.httpStatusCode === 404;
}

function createPending(client: S3Client, location: S3Location): PendingFile {
  const key = randomBytes(16).toString("hex");
  // Small: a write waits for lib-storage to take the last chunk (backpressure).
  const body = new PassThrough({ highWaterMark: 64 * 1024 });
  const upload = new Upload({
    client,
    params: { Bucket: location.bucket, Key: location.prefix + key, Body: body },
    partSize: PART_BYTES,
    queueSize: QUEUE,
    leavePartsOnError: false,
  });
  const finished = upload.done();
  // Observed by write/commit/discard; never an unhandled rejection meanwhile.
  finished.catch(() => undefined);
  let state: "open" | "committing" | "committed" | "discarded" = "open";

  return {
    async write(chunk) {
      if (state !== "open") throw new Error(`cannot write to a ${state} upload`);
      if (!body.write(chunk)) await Promise.race([once(body, "drain"), finished]);
    },
    async commit() {
      if (state !== "open") throw new Error(`cannot commit a ${state} upload`);
      state = "committing";
      body.end();
      await finished;
      state = "committed";
      return key;
    },
    async discard() {
      if (state === "committed" || state === "discarded") return;
      const wasCommitting = state === "committing";
      state = "discarded";
      // Aborted first, then the body broken: a body that merely ended would be
      // uploaded as a short object under the final key.
      const aborted = upload.abort().catch(() => undefined);
      body.destroy(new Error("upload discarded"));
      await Promise.race([
        Promise.all([aborted, finished.catch(() => undefined)]),
        new Promise((resolve) => setTimeout(resolve, ABORT_WAIT_MS).unref()),
      ]);
      // A commit that failed late may have completed the object anyway; the
      // sweep would take it in an hour, this takes it now.
      if (wasCommitting) {
        await client
          .send(new DeleteObjectCommand({ Bucket: location.bucket, Key: location.prefix + key }))
          .catch(() => undefined);
      }
    },
  };
}

/** Completed objects under the prefix that are receipts (foreign keys are left alone). */
async function* listReceipts(
  client: S3Client,
  location: S3Location,
): AsyncGenerator<{ key: string; lastModified: Date }> {
  let token: string | undefined;
  do {
    const page = await client.send(
      new ListObjectsV2Command({
        Bucket: location.bucket,
        Prefix: location.prefix,
        ContinuationToken: token,
      }),
    );
    for (const object of page.Contents ?? []) {
      const key = object.Key?.slice(location.prefix.length) ?? "";
      if (!RECEIPT_KEY.test(key)) continue;
      yield { key, lastModified: object.LastModified ?? new Date(0) };
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
}

/** Multipart uploads a crashed instance left open, started before `before`: aborted. */
async function abortStaleUploads(
  client: S3Client,
  location: S3Location,
  before: Date,
): Promise<number> {
  let aborted = 0;
  let keyMarker: string | undefined;
  let uploadIdMarker: string | undefined;
  do {
    const page = await client
      .send(
        new ListMultipartUploadsCommand({
          Bucket: location.bucket,
          Prefix: location.prefix,
          KeyMarker: keyMarker,
          UploadIdMarker: uploadIdMarker,
        }),
      )
      // Some S3-compatible servers (s3rver) do not list uploads: a bucket
      // lifecycle rule (AbortIncompleteMultipartUpload) does it there.
      .catch(() => null);
    if (!page) return aborted;
    for (const open of page.Uploads ?? []) {
      if (!open.Key || !open.UploadId || (open.Initiated ?? new Date(0)) >= before) continue;
      await client.send(
        new AbortMultipartUploadCommand({
          Bucket: location.bucket,
          Key: open.Key,
          UploadId: open.UploadId,
        }),
      );
      aborted++;
    }
    const more = page.IsTruncated === true;
    keyMarker = more ? page.NextKeyMarker : undefined;
    uploadIdMarker = more ? page.NextUploadIdMarker : undefined;
  } while (keyMarker);
  return aborted;
}

export function s3Storage(location: S3Location): ReceiptStorage {
  const client = clientOf(location);
  const objectKey = (key: string) => {
    if (!RECEIPT_KEY.test(key)) throw new Error(`invalid storage key ${JSON.stringify(key)}`);
    return location.prefix + key;
  };
  return {
    async createPending() {
      return createPending(client, location);
    },
    async open(key) {
      // The GET is answered before anything is sent, so a missing object is an answer, not a cut-off download.
      const object = await client
        .send(new GetObjectCommand({ Bucket: location.bucket, Key: objectKey(key) }))
        .catch((error: unknown) => {
          throw isMissing(error) ? new StoredFileMissing(key) : error;
        });
      if (!(object.Body instanceof Readable)) throw new Error(`object ${key} has no stream`);
      return object.Body;
    },
    async remove(key) {
      // Deleting an object that is not there succeeds, as rm --force does.
      await client.send(new DeleteObjectCommand({ Bucket: location.bucket, Key: objectKey(key) }));
    },
    async check() {
      await client.send(new HeadBucketCommand({ Bucket: location.bucket }));
    },
    async sweep(keep, before) {
      let removed = await abortStaleUploads(client, location, before);
      for await (const { key, lastModified } of listReceipts(client, location)) {
        if (keep.has(key) || lastModified >= before) continue;
        await client.send(
          new DeleteObjectCommand({ Bucket: location.bucket, Key: objectKey(key) }),
        );
        removed++;
      }
      return { removed };
    },
  };
}
