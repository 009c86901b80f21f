import "server-only";
import {
  REGISTRATIONS_PER_USER_PER_HOUR,
  SIGN_IN_OPTIONS_PER_ADDRESS,
  SIGN_IN_OPTIONS_PER_SERVER,
  SIGN_IN_OPTIONS_WINDOW_SECONDS,
} from "@/lib/domain/passkeys";
import { AppError } from "@/lib/errors/app-error";
import { refusal, sharedLimiter, type SharedLimiter } from "@/lib/shared-counters/shared";

// Every WebAuthn ceremony writes a challenge row, and the sign-in options
// are public: these counters are taken BEFORE the row is written, so a flood
// is refused at the cost of a counter update, not a row. The counters are
// the shared ones (lib/shared-counters/shared.ts: every process and
// instance), on globalThis because Next.js may load this module once per
// route bundle. The row ceiling (lib/data/webauthn-challenges.ts) stands
// behind them whatever the counts allow.

function createLimiters() {
  const window = SIGN_IN_OPTIONS_WINDOW_SECONDS;
  return {
    address: sharedLimiter({
      keyPrefix: "pka",
      points: SIGN_IN_OPTIONS_PER_ADDRESS,
      duration: window,
    }),
    server: sharedLimiter({
      keyPrefix: "pks",
      points: SIGN_IN_OPTIONS_PER_SERVER,
      duration: window,
    }),
    register: sharedLimiter({
      keyPrefix: "pkr",
      points: REGISTRATIONS_PER_USER_PER_HOUR,
      duration: 60 * 60,
    }),
  };
}

const store = globalThis as unknown as {
  cancelCasePasskeyLimiters?: ReturnType<typeof createLimiters>;
};
const limiters = (store.cancelCasePasskeyLimiters ??= createLimiters());

/** One point of `key`, or the refusal as `code` (a store failure is thrown as it is: fail closed). */
async function take(limiter: SharedLimiter, key: string, code: "rate_limited" | "busy") {
  try {
    await limiter.consume(key);
  } catch (rejection) {
    const spent = refusal(rejection);
    if (!spent) throw rejection;
    const message =
      code === "busy"
        ? "Too many passkey sign-ins at once. Try again in a moment."
        : "Too many attempts. Try again later.";
    throw new AppError(code, message, {
      retryAfterSeconds: Math.max(1, Math.ceil(spent.msBeforeNext / 1000)),
    });
  }
}

/**
 * Counts one passkey sign-in ceremony (alone or as a second factor) from
 * `address`: 429 past the address's allowance; 503 `busy` past the server's,
 * which is not this client's fault. An address already refused takes nothing
 * from the server's count, so one client cannot spend everyone's.
 */
export async function consumeSignInOptions(address: string): Promise<void> {
  await take(limiters.address, address, "rate_limited");
  await take(limiters.server, "all", "busy");
}

/** Counts one registration ceremony of a signed-in user: 429 past the hourly allowance. */
export async function consumeRegistrationOptions(userId: string): Promise<void> {
  await take(limiters.register, userId, "rate_limited");
}
