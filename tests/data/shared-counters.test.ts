import { describe, expect, it } from "vitest";
import { addToCounter, deleteExpiredCounters, readCounter } from "@/lib/data/system/counters";
import { refusal, sharedLimiter, SharedSlots } from "@/lib/shared-counters/shared";

// Issue 32: counters live in the database every process and instance shares.
// Two limiters with one keyPrefix stand for the same limiter in two processes
// (each process builds its own object); in memory they would count apart.

describe("shared counters (SharedCounter)", () => {
  it("counts a key once across two limiters, as two processes would", async () => {
    const here = sharedLimiter({ keyPrefix: "two-processes", points: 10, duration: 900 });
    const there = sharedLimiter({ keyPrefix: "two-processes", points: 10, duration: 900 });
    for (let i = 0; i < 5; i++) await here.consume("guess");
    for (let i = 0; i < 5; i++) await there.consume("guess");
    const eleventh = await here.consume("guess").catch((rejection: unknown) => rejection);
    expect(refusal(eleventh)?.consumedPoints).toBe(11);
    expect(refusal(eleventh)?.msBeforeNext).toBeGreaterThan(0);
  });

  it("loses no count when 40 consumes of one key arrive at once", async () => {
    const limiter = sharedLimiter({ keyPrefix: "at-once", points: 10, duration: 900 });
    const results = await Promise.allSettled(
      Array.from({ length: 40 }, () => limiter.consume("key")),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(10);
    expect((await readCounter("at-once:key", Date.now()))?.points).toBe(40);
  });

  it("starts a window again once it has ended", async () => {
    const past = Date.now() - 60_000;
    expect(await addToCounter("ended", 7, 1000, past)).toEqual({
      points: 7,
      expiresAt: past + 1000,
    });
    expect(await readCounter("ended", Date.now())).toBeNull();
    const now = Date.now();
    expect(await addToCounter("ended", 1, 5000, now)).toEqual({ points: 1, expiresAt: now + 5000 });
    expect(await addToCounter("ended", 2, 5000, now + 1)).toEqual({
      points: 3,
      expiresAt: now + 5000,
    });
  });

  it("deletes ended windows in bounded batches, and none that still run", async () => {
    const now = Date.now();
    for (let i = 0; i < 5; i++) await addToCounter(`old${i}`, 1, 1000 + i, now - 10_000);
    await addToCounter("running", 1, 60_000, now);
    expect(await deleteExpiredCounters(now, 2)).toBe(2);
    expect(await deleteExpiredCounters(now, 100)).toBe(3);
    expect(await readCounter("running", now)).toMatchObject({ points: 1 });
  });

  it("shares dispute-pack slots across processes: a slot held by one is held for the other", async () => {
    const here = new SharedSlots("slots-test", 1, 60);
    const there = new SharedSlots("slots-test", 1, 60);
    const release = await here.take("user");
    expect(release).not.toBeNull();
    expect(await there.take("user")).toBeNull();
    await release!();
    const again = await there.take("user");
    expect(again).not.toBeNull();
    await again!();
  });
});
