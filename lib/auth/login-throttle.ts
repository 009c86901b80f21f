import "server-only";
import { signupsPerHour } from "@/lib/config";
import { AppError } from "@/lib/errors/app-error";
import { refusal, sharedLimiter, type SharedLimiter } from "@/lib/shared-counters/shared";

// docs/contract.md "Authentication": password checks are counted per account and address
// together (so the owner can still sign in from elsewhere), per address, and
// per account from every address. A point is taken *before* the password is
// verified and given back when it was right, so parallel guesses cannot all
// pass a check made before any of them is counted. A browser that signed in
// to the account before (a signed device cookie, OWASP's "device cookies")
// has a counter of its own instead of the account's: a stranger's guesses
// cannot lock the owner out of their own browser. The counters are shared by
// every process of every instance (lib/shared-counters/shared.ts); they live on globalThis
// because Next.js may load this module once per route bundle.
const WINDOW_SECONDS = 15 * 60;
export const GUESSES_PER_ACCOUNT_AND_ADDRESS = 10;
/** Reset-link uses per client address per 15 minutes: a person needs one; guessing needs millions. */
export const RESET_CONFIRMS_PER_ADDRESS = 20;

function createLimiters() {
  const window = (keyPrefix: string, points: number) =>
    sharedLimiter({ keyPrefix, points, duration: WINDOW_SECONDS });
  return {
    accountAddress: window("aa", GUESSES_PER_ACCOUNT_AND_ADDRESS),
    address: window("ad", 100),
    account: window("ac", 100),
    device: window("dv", GUESSES_PER_ACCOUNT_AND_ADDRESS),
    signup: sharedLimiter({ keyPrefix: "su", points: signupsPerHour(), duration: 60 * 60 }),
    // Password-reset mails: a few per account, more per address, per hour.
    resetAccount: sharedLimiter({ keyPrefix: "ra", points: 3, duration: 60 * 60 }),
    resetAddress: sharedLimiter({ keyPrefix: "rd", points: 20, duration: 60 * 60 }),
    resetConfirmAddress: sharedLimiter({
      keyPrefix: "rc",
      points: RESET_CONFIRMS_PER_ADDRESS,
      duration: WINDOW_SECONDS,
    }),
  };
}

const store = globalThis as unknown as { cancelCaseLimiters?: ReturnType<typeof createLimiters> };
const limiters = (store.cancelCaseLimiters ??= createLimiters());

/**
 * Who is checking a password: the account, the client address, a device the
 * account trusts, and whether it is a sign-in (anyone may try) or a signed-in
 * user confirming their current password (only a session can try).
 */
export type PasswordAttempt = {
  email: string;
  address: string;
  trustedDevice: string | null;
  kind: "sign-in" | "current-password";
};

type Counter = readonly [SharedLimiter, string];

function countersOf({ email, address, trustedDevice, kind }: PasswordAttempt): Counter[] {
  const perAccount: Counter[] = trustedDevice
    ? [[limiters.device, `${trustedDevice}|${email}`]]
    : [
        [limiters.accountAddress, `${email}|${address}`],
        [limiters.account, email],
      ];
  // The per-address counter stops one client guessing many accounts: a
  // sign-in's business. A current-password check can only guess the session's
  // own account, and must not spend the allowance of everyone behind one NAT.
  return kind === "sign-in" ? [...perAccount, [limiters.address, address]] : perAccount;
}

function rateLimited(msBeforeNext: number): AppError {
  return new AppError("rate_limited", "Too many attempts. Try again later.", {
    retryAfterSeconds: Math.max(1, Math.ceil(msBeforeNext / 1000)),
  });
}

/** Takes one point from every counter, or none: a refusal gives back what it took. */
async function takePoints(counters: Counter[]): Promise<void> {
  const taken: Counter[] = [];
  for (const counter of counters) {
    try {
      await counter[0].consume(counter[1]);
      taken.push(counter);
    } catch (rejection) {
      await Promise.all(taken.map(([limiter, key]) => limiter.reward(key, 1)));
      const spent = refusal(rejection);
      if (!spent) throw rejection;
      throw rateLimited(spent.msBeforeNext);
    }
  }
}

/**
 * Runs one password check under the throttle: a point from each counter is
 * taken before `check` runs, and kept only when `check` says the password was
 * wrong (`isWrongPassword`). A right password also clears the account and
 * address pair, as before.
 */
export async function throttlePasswordCheck<T>(
  attempt: PasswordAttempt,
  check: () => Promise<T>,
  isWrongPassword: (error: unknown) => boolean,
): Promise<T> {
  const counters = countersOf(attempt);
  await takePoints(counters);
  try {
    const result = await check();
    await Promise.all(counters.map(([limiter, key]) => limiter.reward(key, 1)));
    if (!attempt.trustedDevice) {
      await limiters.accountAddress.delete(`${attempt.email}|${attempt.address}`);
    }
    return result;
  } catch (error) {
    if (!isWrongPassword(error)) {
      await Promise.all(counters.map(([limiter, key]) => limiter.reward(key, 1)));
    }
    throw error;
  }
}

/** Counts one sign-up attempt from this address; throws rate_limited past the hourly limit. */
export async function consumeSignup(address: string): Promise<void> {
  await takePoints([[limiters.signup, address]]);
}

/**
 * Counts one password-reset request for this email from this address;
 * throws rate_limited past 3 per account or 20 per address per hour (the
 * same for an address that has no account, so the limit tells nothing).
 */
export async function consumePasswordReset(email: string, address: string): Promise<void> {
  await takePoints([
    [limiters.resetAccount, email],
    [limiters.resetAddress, address],
  ]);
}

/**
 * Counts one use of a reset link from this address, right or wrong (a
 * person uses one link once); throws rate_limited past
 * RESET_CONFIRMS_PER_ADDRESS in 15 minutes.
 */
export async function consumeResetConfirm(address: string): Promise<void> {
  await takePoints([[limiters.resetConfirmAddress, address]]);
}
