import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { dataDir } from "@/lib/config";
import { registerUser } from "@/lib/data/users";
import { uploadFrom } from "@/lib/http/multipart";
import { importStatement } from "@/lib/services/import-statement";
import { createScratchFile } from "@/lib/workers/scratch-file";

// A statement waits for the file reader in a scratch file of this instance
// (never in receipt storage, which may be a bucket): it is private, and
// gone once the import is answered, whether it succeeded or not.

const scratch = () => path.join(dataDir(), "scratch");
const left = () => (fs.existsSync(scratch()) ? fs.readdirSync(scratch()) : []);

function upload(csv: string) {
  const form = new FormData();
  form.append("account", "Chase ••4242");
  form.append("file", new File([csv], "statement.csv", { type: "text/csv" }));
  return uploadFrom(new Request("http://localhost/api/v1/imports", { method: "POST", body: form }));
}

describe("scratch files for the file reader", () => {
  it("are private to the server's user, and discarding one removes it", async () => {
    const file = await createScratchFile();
    await file.write(Buffer.from("Date,Description,Amount\n"));
    expect(fs.statSync(file.path).mode & 0o777).toBe(0o600);
    expect(fs.statSync(scratch()).mode & 0o777).toBe(0o700);
    await file.discard();
    await file.discard();
    expect(fs.existsSync(file.path)).toBe(false);
  });

  it("remove what a crash left over an hour ago, and nothing younger", async () => {
    fs.mkdirSync(scratch(), { recursive: true });
    const stale = path.join(scratch(), "stale.part");
    const recent = path.join(scratch(), "recent.part");
    fs.writeFileSync(stale, "a crash's leftover");
    fs.writeFileSync(recent, "another import, still running");
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    fs.utimesSync(stale, twoHoursAgo, twoHoursAgo);
    const file = await createScratchFile();
    expect(fs.existsSync(stale)).toBe(false);
    expect(fs.existsSync(recent)).toBe(true);
    await file.discard();
    fs.rmSync(recent);
  });

  it("are gone after a statement import, stored or refused", async () => {
    const user = await registerUser({
      email: `s${Math.random().toString(36).slice(2)}@example.com`,
      password: "statements come in",
    });
    const csv =
      "Transaction Date,Post Date,Description,Category,Type,Amount,Memo\n" +
      "11/02/2026,11/02/2026,MINT MOBILE,Bills,Sale,-30.00,\n";
    await expect(importStatement(user, upload(csv))).resolves.toMatchObject({ added: 1 });
    expect(left()).toEqual([]);
    await expect(importStatement(user, upload("no columns here\n"))).rejects.toThrow();
    expect(left()).toEqual([]);
  });
});
