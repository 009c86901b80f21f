import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { newestFirst, recentHistory, stepMoment } from "@/lib/domain/timeline";

const at = (iso: string) => new Date(iso);

describe("the order of a case's history", () => {
  it("puts a call logged in the same second after the step before it", () => {
    const opened = {
      id: "opened",
      at: at("2026-12-01T10:30:00Z"),
      recordedAt: at("2026-12-01T10:30:00.100Z"),
    };
    const call = {
      id: "call",
      at: at("2026-12-01T10:30:00Z"),
      recordedAt: at("2026-12-01T10:31:10Z"),
    };
    expect(newestFirst([call, opened]).map((e) => e.id)).toEqual(["call", "opened"]);
    expect(newestFirst([opened, call]).map((e) => e.id)).toEqual(["call", "opened"]);
  });

  it("compares times to the second: a note typed as 10:30:00 is not before a step at 10:30:00.700", () => {
    const step = {
      id: "step",
      at: at("2026-12-01T10:30:00.700Z"),
      recordedAt: at("2026-12-01T10:30:00.700Z"),
    };
    const call = {
      id: "call",
      at: at("2026-12-01T10:30:00Z"),
      recordedAt: at("2026-12-01T10:30:05Z"),
    };
    expect(newestFirst([step, call]).map((e) => e.id)).toEqual(["call", "step"]);
  });

  it("orders by when it happened first, whatever was written down when", () => {
    const lateNote = {
      id: "earlier call, logged later",
      at: at("2026-12-01T09:00:00Z"),
      recordedAt: at("2026-12-01T12:00:00Z"),
    };
    const step = {
      id: "step",
      at: at("2026-12-01T10:00:00Z"),
      recordedAt: at("2026-12-01T10:00:00Z"),
    };
    expect(newestFirst([lateNote, step]).map((e) => e.id)).toEqual([
      "step",
      "earlier call, logged later",
    ]);
  });

  it("keeps the given order of entries recorded together (the events of one move)", () => {
    const same = at("2026-12-01T10:00:00Z");
    const events = ["skipped a", "skipped b", "reached c"].map((id) => ({
      id,
      at: same,
      recordedAt: same,
    }));
    expect(newestFirst(events).map((e) => e.id)).toEqual(["reached c", "skipped b", "skipped a"]);
  });

  it("is a total order: each entry is no older than the next, on any input", () => {
    const entry = fc.record({
      at: fc.integer({ min: 0, max: 50 }),
      recordedAt: fc.integer({ min: 0, max: 50 }),
    });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 30 }), (raw) => {
        const entries = raw.map((e, i) => ({
          i,
          at: new Date(e.at * 1000),
          recordedAt: new Date(e.recordedAt * 1000),
        }));
        const sorted = newestFirst(entries);
        expect(sorted).toHaveLength(entries.length);
        for (let k = 1; k < sorted.length; k++) {
          const [a, b] = [sorted[k - 1]!, sorted[k]!];
          const key = (e: typeof a) => [
            Math.floor(e.at.getTime() / 1000),
            e.recordedAt.getTime(),
            e.i,
          ];
          const [x, y] = [key(a), key(b)];
          expect(
            x[0]! > y[0]! || (x[0] === y[0] && (x[1]! > y[1]! || (x[1] === y[1] && x[2]! > y[2]!))),
          ).toBe(true);
        }
      }),
    );
  });
});

describe("where a step dated in the past sits (issue 30, point 10)", () => {
  it("stays at the moment it was recorded when that was on the day it happened, in the user's zone", () => {
    // 03:00 UTC on Dec 10 is still Dec 9 in Los Angeles.
    const step = { at: at("2026-12-10T03:00:00Z"), occurredOn: "2026-12-09" };
    expect(stepMoment(step, "America/Los_Angeles")).toEqual({ at: step.at, recordedLater: false });
    expect(stepMoment(step, "UTC").recordedLater).toBe(true);
  });

  it("goes to the end of the day it happened when written down later, among that day's notes", () => {
    const step = { at: at("2026-12-12T18:00:00Z"), occurredOn: "2026-12-09" };
    const placed = stepMoment(step, "Asia/Shanghai");
    expect(placed).toEqual({ at: at("2026-12-09T15:59:59Z"), recordedLater: true });
    const callThatDay = { id: "call", at: at("2026-12-09T02:00:00Z"), recordedAt: step.at };
    const callAfter = { id: "later", at: at("2026-12-10T02:00:00Z"), recordedAt: step.at };
    const entry = { id: "step", at: placed.at, recordedAt: step.at };
    expect(newestFirst([entry, callThatDay, callAfter]).map((e) => e.id)).toEqual([
      "later",
      "step",
      "call",
    ]);
  });
});

describe("the stretch of history the case page shows", () => {
  const event = (iso: string) => ({ at: at(iso) });
  const note = (iso: string) => ({ occurredAt: at(iso) });
  const events = [event("2026-12-01T10:00:00Z"), event("2026-12-05T10:00:00Z")];
  const notes = [note("2026-12-03T09:00:00Z"), note("2026-12-06T09:00:00Z")];
  const changes = [event("2026-12-02T08:00:00Z"), event("2026-12-04T08:00:00Z")];

  it("shows everything when neither list goes further back", () => {
    const kase = { events, notes, eventsNextCursor: null, notesNextCursor: null };
    expect(recentHistory(kase, changes)).toEqual({ events, notes, changes, truncated: false });
  });

  it("starts at the oldest event held when the events go further back", () => {
    const kase = { events, notes, eventsNextCursor: "e", notesNextCursor: null };
    expect(recentHistory(kase, changes)).toEqual({
      events,
      notes,
      changes,
      truncated: true,
    });
  });

  it("starts at the later of the two cut-offs when both lists go further back", () => {
    const kase = { events, notes, eventsNextCursor: "e", notesNextCursor: "n" };
    // The oldest note held (Dec 3) is later than the oldest event held (Dec 1).
    expect(recentHistory(kase, changes)).toEqual({
      events: [events[1]],
      notes,
      changes: [changes[1]],
      truncated: true,
    });
  });

  it("keeps an entry at the very moment of the cut-off", () => {
    const kase = { events, notes, eventsNextCursor: null, notesNextCursor: "n" };
    const sameMoment = [event("2026-12-03T09:00:00Z")];
    expect(recentHistory(kase, sameMoment).changes).toEqual(sameMoment);
    expect(recentHistory(kase, sameMoment).events).toEqual([events[1]]);
  });
});
