import fs from "node:fs";
import { afterAll, describe, expect, it } from "vitest";

// The file reader's limits that end more than a job: a thread past its heap,
// and the reader process itself killed. A small heap (its own test file, so
// its own process) makes a 9 MB JSON enough to break it. Such a file may also end
// the whole reader (V8 aborts a process that runs out of memory outside a thread's
// heap): either way the job fails as over the memory limit, and the server lives on.
process.env.FILE_WORKER_HEAP_MB = "24";
const { isFileLimitError, runFileJob, stopFileReader } = await import("@/lib/workers/pool");

const NO_CHOICES = { currencies: {}, cycles: {} };
const small = () =>
  runFileJob({ kind: "subscriptions", text: "provider,amount\nHulu,7.99\n", choices: NO_CHOICES });

/** This process's file reader (lib/workers/file-host.ts), from /proc. */
function readerPids(): number[] {
  return fs
    .readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
        const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
        return (
          parent === process.pid &&
          fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("file-host.cjs")
        );
      } catch {
        return false;
      }
    })
    .map(Number);
}

describe("the file reader's hard limits", () => {
  afterAll(stopFileReader);

  it(
    "a job past its heap fails as over the memory limit, and the next job is read",
    { timeout: 180_000 },
    async () => {
      // 3,000,000 empty objects: 9 MB of JSON, far more than 24 MB of heap once parsed.
      const text = "[" + "{},".repeat(3_000_000) + "{}]";
      // Near its heap limit a thread spends long in garbage collection before V8 gives up: on
      // a loaded machine, past the job's usual 30 s. The time limit is not what this is about.
      const error = await runFileJob(
        { kind: "subscriptions", text, choices: NO_CHOICES },
        { timeoutMs: 150_000 },
      ).catch((e: unknown) => e);
      expect(isFileLimitError(error)).toBe(true);
      expect((error as { limit: string }).limit).toBe("memory");
      const next = await small();
      expect(next.rows).toBe(1);
    },
  );

  it("a reader killed while it reads: its job fails as a limit, and the next job starts a new one", async () => {
    await small();
    const [pid] = readerPids();
    expect(pid).toBeDefined();
    const text = "provider,amount\n" + "Hulu,7.99\n".repeat(4000);
    const pending = runFileJob({ kind: "subscriptions", text, choices: NO_CHOICES }).catch(
      (e: unknown) => e,
    );
    process.kill(pid!, "SIGKILL");
    const error = await pending;
    // Killed before or after it answered: either the answer, or a clean limit error.
    if (error instanceof Error) expect(isFileLimitError(error)).toBe(true);
    expect((await small()).rows).toBe(1);
    expect(readerPids()).not.toContain(pid);
  });
});
