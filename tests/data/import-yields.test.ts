import { describe, expect, it, vi } from "vitest";
import { importStatement } from "@/lib/services/import-statement";
import { bigStatementCsv } from "../support/hostile-files";
import { newUser } from "../support/fixtures";
import { statementUpload } from "../support/uploads";

// Issue 30, point 14: a 20,000-line import held a server process for 8.7 s.
// Prisma's calls on better-sqlite3 resolve as microtasks, so storing batch
// after batch never lets the event loop turn: every other request waits for
// the last batch. Here each batch's store notes how many turns the loop has
// made so far; between two batches it must have turned at least once.

const turnsAtBatch: number[] = [];
let turns = 0;
vi.mock("@/lib/data/statement-imports", async (original) => {
  const real = await original<typeof import("@/lib/data/statement-imports")>();
  return {
    ...real,
    insertLines: (...args: Parameters<typeof real.insertLines>) => {
      turnsAtBatch.push(turns);
      return real.insertLines(...args);
    },
  };
});

describe("a statement import", () => {
  it("lets the event loop turn (other users' requests) between its batches", async () => {
    const user = await newUser();
    let turning = true;
    const turn = () => {
      turns += 1;
      if (turning) setImmediate(turn);
    };
    setImmediate(turn);
    const result = await importStatement(
      user,
      // The file's sign cannot be told from it (no issuer's header): the user says.
      statementUpload(bigStatementCsv(3_000), { account: "Chase ••4242", charges: "negative" }),
    );
    turning = false;
    expect(result.added).toBe(3_000);
    expect(turnsAtBatch.length).toBeGreaterThan(1);
    for (let i = 1; i < turnsAtBatch.length; i++) {
      expect(turnsAtBatch[i]).toBeGreaterThan(turnsAtBatch[i - 1]!);
    }
  });
});
