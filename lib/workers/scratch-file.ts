import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { dataDir } from "@/lib/config";

// A file on this machine's disk for a reader in the worker pool that takes a
// path (a statement: up to 20 MiB, read by the file reader process rather
// than sent over IPC). A local concern of that caller, not receipt storage's:
// with receipts in a bucket, a statement still never leaves the instance.
// DATA_DIR/scratch is this instance's own; what a crash leaves there is
// removed by the next scratch file made after an hour.

/** Older than this, a scratch file is a crash's leftover (a statement read takes seconds). */
const STALE_MS = 60 * 60 * 1000;

/** An upload's sink (lib/services/received-upload.ts) with a path the reader opens. */
export type ScratchFile = {
  readonly path: string;
  write(chunk: Uint8Array): Promise<void>;
  discard(): Promise<void>;
};

function scratchDir(): string {
  return path.join(dataDir(), "scratch");
}

async function removeStale(dir: string): Promise<void> {
  const cutoff = Date.now() - STALE_MS;
  for (const name of await fs.promises.readdir(dir).catch(() => [])) {
    const file = path.join(dir, name);
    const stat = await fs.promises.stat(file).catch(() => null);
    if (stat && stat.mtimeMs < cutoff) await fs.promises.rm(file, { force: true });
  }
}

export async function createScratchFile(): Promise<ScratchFile> {
  const dir = scratchDir();
  await fs.promises.mkdir(dir, { recursive: true, mode: 0o700 });
  await removeStale(dir);
  const file = path.join(dir, `${randomBytes(16).toString("hex")}.part`);
  const handle = await fs.promises.open(file, "wx", 0o600);
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await handle.close().catch(() => undefined);
  };
  return {
    path: file,
    async write(chunk) {
      await handle.write(chunk);
    },
    async discard() {
      await close();
      await fs.promises.rm(file, { force: true });
    },
  };
}
