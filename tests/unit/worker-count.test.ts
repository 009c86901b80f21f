import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  cgroupLimit,
  memoryOf,
  RESERVE_BYTES,
  WORKER_BUDGET_BYTES,
  workerCountFor,
} from "@/lib/config/worker-count.mjs";

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

describe("WEB_CONCURRENCY's default (lib/config/worker-count.mjs)", () => {
  it("is min(cores, (memory − reserve) / budget), at least 1", () => {
    const cases: [cores: number, memory: number | null, workers: number][] = [
      [2, 512 * MiB, 1], // a small container: one worker, not one per core
      [8, 512 * MiB, 1],
      [2, 768 * MiB, 2],
      [8, 1 * GiB, 3],
      [2, 24 * GiB, 2], // a big machine: one per core
      [16, 2 * GiB, 7],
      [1, 4 * GiB, 1],
      [4, 128 * MiB, 1], // too small for even one: one anyway
      [4, null, 4], // memory unknown: one per core
    ];
    for (const [cores, memoryBytes, workers] of cases) {
      expect(workerCountFor({ cores, memoryBytes }), `${cores} cores, ${memoryBytes} B`).toBe(
        workers,
      );
    }
  });

  it("uses the budget and reserve it is given", () => {
    expect(
      workerCountFor({
        cores: 8,
        memoryBytes: 1000,
        reserveBytes: 100,
        workerBudgetBytes: 300,
      }),
    ).toBe(3);
    expect(RESERVE_BYTES + WORKER_BUDGET_BYTES).toBeLessThanOrEqual(512 * MiB);
  });

  it("takes the smallest limit that is one: a container's under the machine's", () => {
    expect(memoryOf([24 * GiB, 512 * MiB, null])).toBe(512 * MiB);
    // Node 20's "no cgroup limit" is 2^64; 0 and a missing file are none either.
    expect(memoryOf([24 * GiB, 2 ** 64, 0, undefined])).toBe(24 * GiB);
    expect(memoryOf([null, undefined])).toBeNull();
  });

  it("reads a cgroup limit file: bytes are a limit, max and v1's huge number are none", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cancelcase-cgroup-"));
    try {
      const file = path.join(dir, "memory.max");
      fs.writeFileSync(file, "536870912\n");
      expect(cgroupLimit(file)).toBe(512 * MiB);
      fs.writeFileSync(file, "max\n");
      expect(cgroupLimit(file)).toBeNull();
      fs.writeFileSync(file, "9223372036854771712\n");
      expect(cgroupLimit(file)).toBeNull();
      expect(cgroupLimit(path.join(dir, "missing"))).toBeNull();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
