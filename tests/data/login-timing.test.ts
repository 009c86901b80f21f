import { performance } from "node:perf_hooks";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { registerUser, verifyCredentials } from "@/lib/data/users";
import { prepareDummyHash } from "@/lib/crypto/passwords";

// No user enumeration by timing: an unknown email and a wrong password do the
// same argon2 work (one verify against a hash with the same parameters, no
// hashing). The work is counted, not timed, so the test cannot flake on a
// busy machine; the wall-clock medians are printed for the record.
const calls = vi.hoisted(() => ({ verify: [] as string[], hash: 0 }));
vi.mock("@node-rs/argon2", async (importOriginal) => {
  const real = await importOriginal<typeof import("@node-rs/argon2")>();
  return {
    ...real,
    hash: (...args: Parameters<typeof real.hash>) => {
      calls.hash++;
      return real.hash(...args);
    },
    verify: (...args: Parameters<typeof real.verify>) => {
      calls.verify.push(String(args[0]));
      return real.verify(...args);
    },
  };
});

const params = (encoded: string) => encoded.split("$").slice(1, 4).join("$"); // argon2id$v=19$m=…,t=…,p=…

beforeEach(() => {
  calls.verify.length = 0;
  calls.hash = 0;
});

describe("unknown email vs wrong password", () => {
  it("costs one argon2 verify with the same parameters either way, and no hashing", async () => {
    const { email } = await registerUser({
      email: "timing@example.com",
      password: "the right passphrase",
    });
    await prepareDummyHash(); // done at server start by instrumentation.ts
    calls.verify.length = 0;
    calls.hash = 0;

    expect(await verifyCredentials("nobody@example.com", "a wrong passphrase")).toBeNull();
    const unknown = [...calls.verify];
    const unknownHashes = calls.hash;
    calls.verify.length = 0;
    calls.hash = 0;
    expect(await verifyCredentials(email, "a wrong passphrase")).toBeNull();
    const wrong = [...calls.verify];

    expect(unknown).toHaveLength(1);
    expect(wrong).toHaveLength(1);
    expect(unknownHashes + calls.hash).toBe(0);
    expect(params(unknown[0]!)).toBe(params(wrong[0]!));
    expect(params(wrong[0]!)).toBe("argon2id$v=19$m=19456,t=2,p=1");

    // For the record only (printed, never asserted: shared machines are noisy).
    const median = async (fn: () => Promise<unknown>) => {
      const times: number[] = [];
      for (let i = 0; i < 15; i++) {
        const start = performance.now();
        await fn();
        times.push(performance.now() - start);
      }
      return times.sort((a, b) => a - b)[7]!.toFixed(1);
    };
    const unknownMs = await median(() =>
      verifyCredentials("nobody@example.com", "a wrong passphrase"),
    );
    const wrongMs = await median(() => verifyCredentials(email, "a wrong passphrase"));
    console.log(
      `login timing medians of 15: unknown email ${unknownMs} ms, wrong password ${wrongMs} ms`,
    );
  });
});
