import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { dataDir } from "@/lib/config";
import { receiptFile, receiptsDir } from "@/lib/config/paths.mjs";
import { StoredFileMissing, type PendingFile, type ReceiptStorage } from "./index";

// DATA_DIR/receipts/<2-char shard>/<32 hex chars>, outside public/ (the
// layout is lib/config/paths.mjs's, which backup and restore share); uploads
// arrive in DATA_DIR/receipts/tmp/ and are renamed into place only once they
// are fully on disk.
function root(): string {
  return receiptsDir(dataDir());
}

function fileOf(key: string): string {
  return receiptFile(dataDir(), key);
}

async function fsyncDir(dir: string): Promise<void> {
  const handle = await fs.promises.open(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** When a file was last written (ms); 0 when it is already gone. */
async function lastWritten(file: string): Promise<number> {
  return (await fs.promises.stat(file).catch(() => null))?.mtimeMs ?? 0;
}

async function createPending(): Promise<PendingFile> {
  const tmpDir = path.join(root(), "tmp");
  await fs.promises.mkdir(tmpDir, { recursive: true, mode: 0o700 });
  const key = randomBytes(16).toString("hex");
  const tempPath = path.join(tmpDir, `${key}.part`);
  const handle = await fs.promises.open(tempPath, "wx", 0o600);
  let state: "open" | "committed" | "discarded" = "open";

  return {
    async write(chunk) {
      await handle.write(chunk);
    },
    async commit() {
      if (state !== "open") throw new Error(`cannot commit a ${state} upload`);
      await handle.sync();
      await handle.close();
      const target = fileOf(key);
      await fs.promises.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
      await fs.promises.rename(tempPath, target);
      await fsyncDir(path.dirname(target));
      state = "committed";
      return key;
    },
    async discard() {
      if (state !== "open") return;
      state = "discarded";
      await handle.close().catch(() => undefined);
      await fs.promises.rm(tempPath, { force: true });
    },
  };
}

export function localDiskStorage(): ReceiptStorage {
  return {
    createPending,
    async open(key) {
      // Opened before anything is sent, so a missing file is an answer, not a cut-off download.
      const handle = await fs.promises
        .open(fileOf(key), "r")
        .catch((error: NodeJS.ErrnoException) => {
          throw error.code === "ENOENT" ? new StoredFileMissing(key) : error;
        });
      return handle.createReadStream();
    },
    async remove(key) {
      await fs.promises.rm(fileOf(key), { force: true });
    },
    async check() {
      await fs.promises.mkdir(root(), { recursive: true, mode: 0o700 });
      await fs.promises.access(root(), fs.constants.R_OK | fs.constants.W_OK);
    },
    async sweep(keep, before) {
      let removed = 0;
      const base = root();
      const shards = await fs.promises.readdir(base, { withFileTypes: true }).catch(() => []);
      for (const shard of shards) {
        if (!shard.isDirectory()) continue;
        const dir = path.join(base, shard.name);
        for (const name of await fs.promises.readdir(dir)) {
          if (shard.name !== "tmp" && keep.has(name)) continue;
          const file = path.join(dir, name);
          // The mtime: a .part file's last write (a live upload keeps it
          // fresh), a committed file's too, as rename keeps it.
          if ((await lastWritten(file)) >= before.getTime()) continue;
          await fs.promises.rm(file, { force: true, recursive: true });
          removed++;
        }
      }
      return { removed };
    },
  };
}
