import { describe, expect, it } from "vitest";
import { readConnectionPragmas } from "@/lib/data/health";

describe("the app's SQLite connection", () => {
  it("runs with WAL, synchronous=FULL, foreign keys and a busy timeout", async () => {
    expect(await readConnectionPragmas()).toEqual({
      journalMode: "wal",
      synchronous: 2, // FULL
      foreignKeys: 1,
      busyTimeout: 5000,
    });
  });
});
