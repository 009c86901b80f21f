import "server-only";
import type { IRateLimiterOptions, RateLimiterAbstract } from "rate-limiter-flexible";
// Their own files, not the package's index (./rate-limiter-flexible.d.ts says why).
import RateLimiterRes from "rate-limiter-flexible/lib/RateLimiterRes.js";
import RateLimiterStoreAbstract from "rate-limiter-flexible/lib/RateLimiterStoreAbstract.js";
import {
  addToCounter,
  deleteCounter,
  deleteExpiredCounters,
  readCounter,
  setCounter,
  type CounterRow,
} from "@/lib/data/system/counters";
import { AppError, type ErrorMessage } from "@/lib/errors/app-error";

// Counters every server process shares, and every instance too (issue 32:
// nothing shared lives in one process). `npm start` runs one worker process
// per core, and a big set-up runs several instances behind a load balancer:
// a limit counted in one process's memory would be a limit per process, so
// the counters live in the database every process already shares
// (SharedCounter, lib/data/system/counters.ts). rate-limiter-flexible keeps
// the arithmetic (consume, reward, the RateLimiterRes callers read); this
// store gives it one atomic statement per change. Its own Prisma store
// (RateLimiterPrisma) was not used: it deletes an expired row and then
// upserts, two statements a concurrent call can fall between, and its
// clean-up deletes every expired row at once.

export type SharedLimiter = RateLimiterAbstract;

/** Expired windows deleted per pass, and the passes at most in one go (bounded work). */
const CLEAN_BATCH = 1000;
const CLEAN_BATCHES = 10;
const CLEAN_EVERY_MS = 60_000;

const cleaner = globalThis as unknown as { cancelCaseCounterCleaner?: NodeJS.Timeout };

/** Deletes ended windows now and then, in bounded batches, once per process. */
function cleanExpiredNowAndThen(): void {
  if (cleaner.cancelCaseCounterCleaner) return;
  cleaner.cancelCaseCounterCleaner = setInterval(async () => {
    try {
      for (let pass = 0; pass < CLEAN_BATCHES; pass++) {
        if ((await deleteExpiredCounters(Date.now(), CLEAN_BATCH)) < CLEAN_BATCH) break;
      }
    } catch {
      // The next pass tries again; a window that ended counts for nothing meanwhile.
    }
  }, CLEAN_EVERY_MS);
  cleaner.cancelCaseCounterCleaner.unref();
}

/** rate-limiter-flexible's store contract, on the SharedCounter table. */
class DatabaseLimiter extends RateLimiterStoreAbstract {
  constructor(options: IRateLimiterOptions) {
    super({ ...options, storeClient: "database" });
  }

  _getRateLimiterRes(_key: string, changedPoints: number, row: CounterRow): RateLimiterRes {
    return new RateLimiterRes(
      Math.max(this.points - row.points, 0),
      Math.max(row.expiresAt - Date.now(), 0),
      row.points,
      row.points === changedPoints,
    );
  }

  _upsert(key: string, points: number, msDuration: number, forceExpire = false) {
    cleanExpiredNowAndThen();
    // Every limiter here has a window; "0 = for ever" is rate-limiter-flexible's, not ours.
    if (!(msDuration > 0))
      return Promise.reject(new Error(`${key}: a shared counter needs a window`));
    return (forceExpire ? setCounter : addToCounter)(key, points, msDuration, Date.now());
  }

  _get(key: string) {
    return readCounter(key, Date.now());
  }

  _delete(key: string) {
    return deleteCounter(key);
  }
}

/** A counter shared by every process of every instance (keyPrefix must be unique). */
export function sharedLimiter(options: IRateLimiterOptions & { keyPrefix: string }): SharedLimiter {
  return new DatabaseLimiter(options);
}

/**
 * A refused `consume` rejects with a RateLimiterRes (not an Error;
 * instanceof is unreliable across Next's bundles); a failure of the store
 * (the database did not answer) is a real Error, and callers refuse the
 * request (fail closed).
 */
export function refusal(rejection: unknown): RateLimiterRes | null {
  if (rejection instanceof Error) return null;
  return rejection as RateLimiterRes;
}

/**
 * Counts one use of `key` before the work it limits; past the limit, 429
 * `rate_limited` with Retry-After and `english` (a form says `formMessage`).
 * The store failing is thrown as it is: the request is refused (fail closed).
 */
export async function consumeOrRefuse(
  limiter: SharedLimiter,
  key: string,
  english: string,
  formMessage?: ErrorMessage,
): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (rejection) {
    const spent = refusal(rejection);
    if (!spent) throw rejection;
    throw new AppError("rate_limited", english, {
      retryAfterSeconds: Math.max(1, Math.ceil(spent.msBeforeNext / 1000)),
      ...(formMessage ? { formMessage } : {}),
    });
  }
}

/**
 * A limited number of slots held at once, across processes and instances (a
 * semaphore): one taken when the work starts, given back when it ends. Each
 * slot is a counter of one point whose window starts when it is taken, so a
 * slot whose holder never gives it back (a process that died) is free again
 * after `holdSeconds`; a release later than that is skipped, so it never
 * frees a slot someone else has taken since.
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

/**
 * One slot of the user's and one of the server's, for heavy work (a PDF):
 * the user's own one at a time (`rate_limited`, 429), the server's few at
 * once for everyone (`busy`, 503). The release frees both, once.
 */
export class UserAndServerSlots {
  private readonly perUser: SharedSlots;
  private readonly server: SharedSlots;

  constructor(
    name: string,
    serverSlots: number,
    holdSeconds: number,
    private readonly refusals: { mine: string; others: string },
  ) {
    this.perUser = new SharedSlots(`${name}-user`, 1, holdSeconds);
    this.server = new SharedSlots(`${name}-server`, serverSlots, holdSeconds);
  }

  async claim(userId: string): Promise<() => void> {
    const mine = await this.perUser.take(userId);
    if (!mine) {
      throw new AppError("rate_limited", this.refusals.mine, { retryAfterSeconds: 5 });
    }
    const shared = await this.server.take("all").catch(async (error: unknown) => {
      await mine();
      throw error;
    });
    if (!shared) {
      await mine();
      throw new AppError("busy", this.refusals.others, { retryAfterSeconds: 5 });
    }
    return () => void Promise.all([mine(), shared()]);
  }
}
