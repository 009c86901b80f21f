import "server-only";
import { RateLimiterMemory, type RateLimiterRes } from "rate-limiter-flexible";
import { signupsPerHour } from "@/lib/config";
import { AppError } from "@/lib/errors/app-error";

// DESIGN.md "Auth": failed credential checks are counted per account and
// address together (so the owner can still sign in from elsewhere), per
// address, and per account from every address. One app process serves one
// database, so in-memory counters are the whole truth; they live on
// globalThis because Next.js may load this module once per route bundle.
const WINDOW_SECONDS = 15 * 60;

function createLimiters() {
  return {
    accountAddress: new RateLimiterMemory({
      keyPrefix: "aa",
      points: 10,
      duration: WINDOW_SECONDS,
    }),
    address: new RateLimiterMemory({ keyPrefix: "ad", points: 100, duration: WINDOW_SECONDS }),
    account: new RateLimiterMemory({ keyPrefix: "ac", points: 100, duration: WINDOW_SECONDS }),
    signup: new RateLimiterMemory({ keyPrefix: "su", points: signupsPerHour(), duration: 60 * 60 }),
  };
}

const store = globalThis as unknown as { cancelCaseLimiters?: ReturnType<typeof createLimiters> };
const limiters = (store.cancelCaseLimiters ??= createLimiters());

function keys(email: string, address: string) {
  return [
    [limiters.accountAddress, `${email}|${address}`],
    [limiters.address, address],
    [limiters.account, email],
  ] as const;
}

function rateLimited(msBeforeNext: number): AppError {
  return new AppError("rate_limited", "Too many attempts. Try again later.", {
    retryAfterSeconds: Math.max(1, Math.ceil(msBeforeNext / 1000)),
  });
}

/** Throws rate_limited when any counter for this email or address is spent. */
export async function assertLoginAllowed(email: string, address: string): Promise<void> {
  for (const [limiter, key] of keys(email, address)) {
    const res = await limiter.get(key);
    if (res && res.consumedPoints >= limiter.points) throw rateLimited(res.msBeforeNext);
  }
}

export async function recordLoginFailure(email: string, address: string): Promise<void> {
  await Promise.all(keys(email, address).map(([limiter, key]) => limiter.penalty(key, 1)));
}

export async function recordLoginSuccess(email: string, address: string): Promise<void> {
  await limiters.accountAddress.delete(`${email}|${address}`);
}

/** Counts one sign-up attempt from this address; throws rate_limited past the hourly limit. */
export async function consumeSignup(address: string): Promise<void> {
  try {
    await limiters.signup.consume(address);
  } catch (rejection) {
    if (rejection instanceof Error) throw rejection;
    throw rateLimited((rejection as RateLimiterRes).msBeforeNext);
  }
}
