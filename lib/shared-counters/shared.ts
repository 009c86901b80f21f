import "server-only";
import cluster from "node:cluster";
import type {
  IRateLimiterOptions,
  RateLimiterAbstract,
  RateLimiterRes,
} from "rate-limiter-flexible";
// Their own files, not the package's index (./rate-limiter-flexible.d.ts says why).
import { RateLimiterCluster } from "rate-limiter-flexible/lib/RateLimiterCluster.js";
import RateLimiterMemory from "rate-limiter-flexible/lib/RateLimiterMemory.js";

// Counters every server process shares. `npm start` runs one worker per core
// (server/start.mjs); a limit counted in one worker's memory alone would be
// a limit per worker, so in a worker the counters live in the primary
// process (rate-limiter-flexible's cluster mode: each call is one IPC round
// trip, answered from the primary's RateLimiterClusterMaster). A process
// that is not a cluster worker (`npm run dev`, the tests) is the whole
// server, and keeps them in its own memory.

export type SharedLimiter = RateLimiterAbstract;

/** A counter shared by every worker of this server (keyPrefix must be unique). */
export function sharedLimiter(options: IRateLimiterOptions & { keyPrefix: string }): SharedLimiter {
  return cluster.isWorker
    ? new RateLimiterCluster({ ...options, timeoutMs: 5000 })
    : new RateLimiterMemory(options);
}

/**
 * A refused `consume` rejects with a RateLimiterRes (not an Error;
 * instanceof is unreliable across Next's bundles); a failure of the store
 * (the primary did not answer) is a real Error.
 */
export function refusal(rejection: unknown): RateLimiterRes | null {
  if (rejection instanceof Error) return null;
  return rejection as RateLimiterRes;
}

/**
 * A limited number of slots held at once, across workers (a semaphore): one
 * taken when the work starts, given back when it ends. Each slot is a
 * counter of one point whose window starts when it is taken, so a slot whose
 * holder never gives it back (a process that died) is free again after
 * `holdSeconds`; a release later than that is skipped, so it never frees a
 * slot someone else has taken since.
 */
export class SharedSlots {
  private readonly limiter: SharedLimiter;

  constructor(
    keyPrefix: string,
    private readonly slots: number,
    holdSeconds: number,
  ) {
    this.limiter = sharedLimiter({ keyPrefix, points: 1, duration: holdSeconds });
  }

  /** A release function, or null when every slot of `key` is held. */
  async take(key: string): Promise<(() => Promise<void>) | null> {
    for (let slot = 0; slot < this.slots; slot++) {
      const id = `${key}#${slot}`;
      let res: RateLimiterRes;
      try {
        res = await this.limiter.consume(id);
      } catch (rejection) {
        if (refusal(rejection)) continue;
        throw rejection;
      }
      const expires = Date.now() + res.msBeforeNext;
      let released = false;
      return async () => {
        if (released) return;
        released = true;
        if (Date.now() < expires) await this.limiter.delete(id).catch(() => undefined);
      };
    }
    return null;
  }
}
