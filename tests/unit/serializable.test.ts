import { describe, expect, it, vi } from "vitest";
import { asAppError } from "@/lib/errors/app-error";
import {
  isSerializationConflict,
  LONE_CALL_RETRIES,
  SERIALIZATION_RETRIES,
  serializable,
} from "@/lib/db/serializable";

// PostgreSQL's transactions (lib/db/serializable.ts): SERIALIZABLE, and run
// again when PostgreSQL fails one to keep them serializable. The real races
// are tests/data (limits, proof rule, concurrency) on the postgres project.

function fakeClient(failures: unknown[]) {
  const calls: unknown[] = [];
  const client = {
    async $transaction(work: () => Promise<unknown>, options: unknown) {
      calls.push(options);
      const failure = failures.shift();
      if (failure) throw failure;
      return work();
    },
    other: "kept",
  };
  return { client: serializable(client as unknown as Parameters<typeof serializable>[0]), calls };
}

const conflict = Object.assign(new Error("write conflict"), { code: "P2034" });
const deadlock = Object.assign(new Error("deadlock"), {
  meta: { driverAdapterError: { cause: { originalCode: "40P01" } } },
});

describe("serializable transactions", () => {
  it("runs a transaction again after a conflict or a deadlock, SERIALIZABLE each time", async () => {
    const { client, calls } = fakeClient([conflict, deadlock]);
    await expect(client.$transaction(async () => "done")).resolves.toBe("done");
    expect(calls).toEqual(
      Array(3).fill({ maxWait: 10_000, timeout: 15_000, isolationLevel: "Serializable" }),
    );
  });

  it("gives up after its retries with the conflict, and never retries another error", async () => {
    const many = fakeClient(Array(SERIALIZATION_RETRIES + 1).fill(conflict));
    // The pauses between retries (seconds in all) on a fake clock.
    vi.useFakeTimers();
    try {
      const gaveUp = expect(many.client.$transaction(async () => "done")).rejects.toBe(conflict);
      await vi.runAllTimersAsync();
      await gaveUp;
    } finally {
      vi.useRealTimers();
    }
    expect(many.calls).toHaveLength(SERIALIZATION_RETRIES + 1);
    const other = new Error("unique violation");
    const once = fakeClient([other]);
    await expect(once.client.$transaction(async () => "done")).rejects.toBe(other);
    expect(once.calls).toHaveLength(1);
  });

  it("tells a conflict from other errors, however deep the driver put it", () => {
    expect(isSerializationConflict(conflict)).toBe(true);
    expect(isSerializationConflict(deadlock)).toBe(true);
    expect(isSerializationConflict({ cause: { originalCode: "40001" } })).toBe(true);
    expect(isSerializationConflict(new Error("P2002"))).toBe(false);
    expect(isSerializationConflict(null)).toBe(false);
  });

  it("answers a conflict that outlived its retries as busy (503), one lost at COMMIT too", () => {
    // What the transaction manager throws when the COMMIT itself is refused: the adapter's error, no Prisma code.
    const atCommit = Object.assign(new Error("TransactionWriteConflict"), {
      name: "DriverAdapterError",
      cause: { kind: "TransactionWriteConflict" },
    });
    for (const error of [conflict, deadlock, atCommit]) {
      expect(asAppError(error)).toMatchObject({ code: "busy", status: 503 });
    }
    expect(asAppError(new Error("P2002"))).toBeNull();
  });

  it("leaves the rest of the client as it is", () => {
    expect((fakeClient([]).client as unknown as { other: string }).other).toBe("kept");
  });
});

describe("lone calls (no transaction around them)", () => {
  /** A client whose note.updateMany and $executeRaw fail with these errors first. */
  function loneClient(failures: unknown[]) {
    const calls: string[] = [];
    const fail = (name: string) => {
      calls.push(name);
      const failure = failures.shift();
      if (failure) throw failure;
    };
    const client = {
      $transaction: async () => undefined,
      note: {
        findMany: async () => [],
        async updateMany(this: unknown, args: unknown) {
          fail("note.updateMany");
          return { args, count: 1, self: this === client.note };
        },
      },
      async $executeRaw(this: unknown) {
        fail("$executeRaw");
        return this === client ? 1 : -1;
      },
    };
    const wrapped = serializable(client as unknown as Parameters<typeof serializable>[0]);
    return { client: wrapped as unknown as typeof client, calls };
  }

  it("run again after a deadlock, as the model's or the client's own calls", async () => {
    const { client, calls } = loneClient([deadlock, undefined, deadlock]);
    await expect(client.note.updateMany({ where: {} })).resolves.toEqual({
      args: { where: {} },
      count: 1,
      self: true,
    });
    await expect(client.$executeRaw()).resolves.toBe(1);
    expect(calls).toEqual(["note.updateMany", "note.updateMany", "$executeRaw", "$executeRaw"]);
  });

  it("give up after their retries, and never retry another error", async () => {
    vi.useFakeTimers();
    try {
      const many = loneClient(Array(LONE_CALL_RETRIES + 1).fill(deadlock));
      const gaveUp = expect(many.client.note.updateMany({})).rejects.toBe(deadlock);
      await vi.runAllTimersAsync();
      await gaveUp;
      expect(many.calls).toHaveLength(LONE_CALL_RETRIES + 1);
    } finally {
      vi.useRealTimers();
    }
    const other = new Error("unique violation");
    const once = loneClient([other]);
    await expect(once.client.note.updateMany({})).rejects.toBe(other);
    expect(once.calls).toHaveLength(1);
  });
});
