import "server-only";
import { AppError } from "@/lib/errors/app-error";

// The errors every data function raises the same way. Someone else's id is
// "not found" too (docs/contract.md: never 403, never a hint that it exists).

/** "Case not found.": a missing row, or one the actor does not own. */
export function notFoundError(what: string): AppError {
  return new AppError("not_found", `${what} not found.`);
}

/** A write whose expected version is no longer the row's (optimistic lock); a form says "reload". */
export function staleVersionError(): AppError {
  return new AppError(
    "conflict",
    "The case changed since you loaded it. Reload it and try again.",
    {
      formMessage: { key: "errors.stale" },
    },
  );
}

/** Prisma's P2002: an insert or update hit a unique index. */
export function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002"
  );
}

/**
 * A per-user limit (lib/config) is spent: 422 `limit_reached`, with the limit
 * in the English message and in the error's details.
 */
export function limitReachedError(
  what:
    | "notes"
    | "cases"
    | "subscriptions"
    | "events"
    | "receipts"
    | "changes"
    | "devices"
    | "transactions"
    | "imports"
    | "corrections",
  limit: number,
  english: string,
): AppError {
  return new AppError("limit_reached", english, {
    formMessage: { key: `errors.limit_reached_${what}` },
    details: { limit },
  });
}
