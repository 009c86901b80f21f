import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import v8 from "node:v8";
import vm from "node:vm";
import { ListObjectsV2Command, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dataDir } from "@/lib/config";
import { RECEIPT_KEY, receiptsDir } from "@/lib/config/paths.mjs";
import { setting } from "@/lib/config/settings.mjs";
import { StoredFileMissing, type ReceiptStorage } from "@/lib/storage";
import { localDiskStorage } from "@/lib/storage/local-disk";
import { s3Storage } from "@/lib/storage/s3";
import { startS3Server } from "../support/s3-server";

// One contract, both receipt stores (issue 32): the local disk, and an
// S3-compatible bucket on a real server (s3rver) started here on a free port.

const MiB = 1024 * 1024;

type Harness = {
  storage: () => ReceiptStorage;
  /** The keys of complete stored files, looked at from outside the interface. */
  storedKeys: () => Promise<string[]>;
};

let s3: Awaited<ReturnType<typeof startS3Server>>;
let raw: S3Client;

beforeAll(async () => {
  s3 = await startS3Server();
  raw = new S3Client({
    endpoint: s3.endpoint,
    region: "us-east-1",
    forcePathStyle: true,
    requestChecksumCalculation: "WHEN_REQUIRED",
  });
});

afterAll(async () => {
  raw?.destroy();
  await s3?.stop();
});

const disk: Harness = {
  storage: () => localDiskStorage(),
  async storedKeys() {
    const base = receiptsDir(dataDir());
    const shards = await fs.promises.readdir(base).catch(() => []);
    const keys = await Promise.all(
      shards.filter((s) => s !== "tmp").map((s) => fs.promises.readdir(path.join(base, s))),
    );
    return keys.flat().sort();
  },
};

const PREFIX = "tenant-a/receipts";

const bucket: Harness = {
  storage: () => s3Storage(s3.location(PREFIX)),
  async storedKeys() {
    const page = await raw.send(
      new ListObjectsV2Command({ Bucket: "receipts", Prefix: `${PREFIX}/` }),
    );
    return (page.Contents ?? [])
      .map((object) => object.Key!.slice(PREFIX.length + 1))
      .filter((key) => RECEIPT_KEY.test(key))
      .sort();
  },
};

// The collector on demand, so a memory test measures what is held, not garbage.
v8.setFlagsFromString("--expose-gc");
const collect = vm.runInNewContext("gc") as () => void;

function liveBufferBytes(): number {
  collect();
  return process.memoryUsage().arrayBuffers;
}

/** Writes `size` random bytes in uneven chunks; returns the pending file and their SHA-256. */
async function pendingOf(storage: ReceiptStorage, size: number) {
  const pending = await storage.createPending();
  const hash = createHash("sha256");
  for (let written = 0; written < size;) {
    const chunk = randomBytes(Math.min(size - written, 100_000 + (written % 37_000)));
    hash.update(chunk);
    await pending.write(chunk);
    written += chunk.length;
  }
  return { pending, sha256: hash.digest("hex") };
}

async function stored(storage: ReceiptStorage, size: number) {
  const { pending, sha256 } = await pendingOf(storage, size);
  return { key: await pending.commit(), sha256 };
}

async function sha256Of(storage: ReceiptStorage, key: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of await storage.open(key)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

describe.each([
  ["the local disk", disk],
  ["an S3-compatible bucket", bucket],
])("receipt storage on %s", (_, h) => {
  it("gives back the same bytes it took, under a fresh key", async () => {
    const storage = h.storage();
    // Past one 5 MiB part, so the bucket takes it as a multipart upload.
    for (const size of [0, 1, 70_000, 7 * MiB + 3]) {
      const { key, sha256 } = await stored(storage, size);
      expect(key).toMatch(RECEIPT_KEY);
      expect(await sha256Of(storage, key)).toBe(sha256);
    }
  });

  it("streams a large file with bounded memory", async () => {
    const storage = h.storage();
    const template = randomBytes(256 * 1024);
    const size = 128 * MiB;
    const before = liveBufferBytes();
    let peak = before;
    const pending = await storage.createPending();
    const hash = createHash("sha256");
    for (let written = 0; written < size; written += template.length) {
      // A fresh buffer each time, as a request's body gives: a store that kept
      // them (no backpressure) grows, where one reused buffer would hide it.
      const chunk = Buffer.from(template);
      hash.update(chunk);
      await pending.write(chunk);
      // What is still held, not garbage waiting for the collector.
      if (written % (4 * MiB) === 0) peak = Math.max(peak, liveBufferBytes());
    }
    const key = await pending.commit();
    // Measured: 0.1 MiB on disk, 35 MiB for the bucket (three 5 MiB parts, the SDK's
    // and s3rver's buffers, in this process); 80 MiB of 96 when write() ignored backpressure.
    expect(peak - before).toBeLessThan(56 * MiB);
    expect(await sha256Of(storage, key)).toBe(hash.digest("hex"));
    await storage.remove(key);
  }, 120_000);

  it("shows nothing under a key until the file is complete", async () => {
    const storage = h.storage();
    const keysBefore = await h.storedKeys();
    const { pending, sha256 } = await pendingOf(storage, 6 * MiB);
    expect(await h.storedKeys()).toEqual(keysBefore);
    const key = await pending.commit();
    expect(await h.storedKeys()).toEqual([...keysBefore, key].sort());
    expect(await sha256Of(storage, key)).toBe(sha256);
    // A committed file cannot be committed again, and discarding it keeps it.
    await expect(pending.commit()).rejects.toThrow();
    await pending.discard();
    expect(await sha256Of(storage, key)).toBe(sha256);
  });

  it("keeps nothing of a discarded upload, small or multipart", async () => {
    const storage = h.storage();
    const keysBefore = await h.storedKeys();
    for (const size of [10, 6 * MiB]) {
      const { pending } = await pendingOf(storage, size);
      await pending.discard();
      await pending.discard();
      await expect(pending.commit()).rejects.toThrow();
    }
    expect(await h.storedKeys()).toEqual(keysBefore);
    if (h === disk) expect(fs.readdirSync(path.join(receiptsDir(dataDir()), "tmp"))).toEqual([]);
  });

  it("removes a file, and removing it again is harmless", async () => {
    const storage = h.storage();
    const { key } = await stored(storage, 1000);
    await storage.remove(key);
    await storage.remove(key);
    expect(await h.storedKeys()).not.toContain(key);
    await expect(storage.open(key)).rejects.toBeInstanceOf(StoredFileMissing);
  });

  it("answers a key it never had with StoredFileMissing", async () => {
    await expect(h.storage().open(randomBytes(16).toString("hex"))).rejects.toBeInstanceOf(
      StoredFileMissing,
    );
  });

  it("sweeps only files without a row that are older than the cut-off", async () => {
    const storage = h.storage();
    const kept = await stored(storage, 100);
    const orphan = await stored(storage, 100);
    const keep = new Set([kept.key]);
    const anHourAgo = new Date(Date.now() - 60 * 60 * 1000);

    expect(await storage.sweep(keep, anHourAgo)).toEqual({ removed: 0 });
    expect(await h.storedKeys()).toContain(orphan.key);

    await storage.sweep(keep, new Date(Date.now() + 1000));
    const left = await h.storedKeys();
    expect(left).toContain(kept.key);
    expect(left).not.toContain(orphan.key);
    expect(await sha256Of(storage, kept.key)).toBe(kept.sha256);
  });

  it("passes its health check", async () => {
    await expect(h.storage().check()).resolves.toBeUndefined();
  });
});

describe("receipt storage in a bucket", () => {
  it("fails its health check when the bucket is not there", async () => {
    await expect(
      s3Storage({ ...s3.location(), bucket: "no-such-bucket" }).check(),
    ).rejects.toThrow();
  });

  it("never sweeps objects under its prefix that are not receipts", async () => {
    await raw.send(
      new PutObjectCommand({ Bucket: "receipts", Key: `${PREFIX}/notes.txt`, Body: "mine" }),
    );
    const other = randomBytes(16).toString("hex");
    await raw.send(new PutObjectCommand({ Bucket: "receipts", Key: other, Body: "elsewhere" }));
    await s3Storage(s3.location(PREFIX)).sweep(new Set(), new Date(Date.now() + 1000));
    const page = await raw.send(new ListObjectsV2Command({ Bucket: "receipts" }));
    const keys = (page.Contents ?? []).map((object) => object.Key);
    expect(keys).toContain(`${PREFIX}/notes.txt`);
    expect(keys).toContain(other);
  });

  it("is what STORAGE_URL selects, with its prefix, endpoint and region", () => {
    expect(setting("STORAGE_URL", { STORAGE_URL: s3.storageUrl(PREFIX) })).toEqual(
      s3.location(PREFIX),
    );
    expect(setting("STORAGE_URL", {})).toBeNull();
    for (const bad of [
      "https://bucket/x",
      "s3:///prefix",
      "s3://key:secret@bucket/",
      "s3://bucket/?endpoint=ftp://x",
      "s3://bucket/?forcePathStyle=maybe",
      "s3://bucket/?acl=public",
    ]) {
      expect(() => setting("STORAGE_URL", { STORAGE_URL: bad }), bad).toThrow(/STORAGE_URL/);
    }
  });
});
