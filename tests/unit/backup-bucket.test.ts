import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";

// With the receipts in a bucket (STORAGE_URL), npm run backup and restore
// refuse before touching anything and name the tools to use: never a ZIP of
// the database alone that looks like a whole backup (issue 32).

type Scripts = {
  backup: (options: { output?: string }) => Promise<unknown>;
  restore: (file: string) => Promise<unknown>;
};

const scripts = async (): Promise<Scripts> => ({
  ...((await import("../../scripts/backup.mjs" as string)) as Pick<Scripts, "backup">),
  ...((await import("../../scripts/restore.mjs" as string)) as Pick<Scripts, "restore">),
});

const saved = { ...process.env };
afterEach(() => {
  for (const name of ["STORAGE_URL", "DATA_DIR", "DATABASE_URL"]) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

describe("backups with the receipts in a bucket", () => {
  it("refuses to back up or restore, writes nothing, and names the tools", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cancelcase-bucket-backup-"));
    try {
      process.env.DATA_DIR = dir;
      process.env.DATABASE_URL = `file:${path.join(dir, "cancelcase.db")}`;
      fs.writeFileSync(path.join(dir, "cancelcase.db"), "");
      fs.writeFileSync(path.join(dir, "old.zip"), "a backup");
      process.env.STORAGE_URL = "s3://receipts/cc?endpoint=http://127.0.0.1:9&region=x";
      const { backup, restore } = await scripts();

      const output = path.join(dir, "backup.zip");
      await expect(backup({ output })).rejects.toThrow(
        /s3:\/\/receipts\/cc\/.*half backup.*pg_dump.*aws s3 sync/s,
      );
      await expect(restore(path.join(dir, "old.zip"))).rejects.toThrow(
        /npm run restore.*pg_restore.*aws s3 sync/s,
      );
      expect(fs.readdirSync(dir).sort()).toEqual(["cancelcase.db", "old.zip"]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
