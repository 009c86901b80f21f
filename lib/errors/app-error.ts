// Errors the data layer raises on purpose. Actions turn them into messages,
// route handlers into the JSON error shape of docs/contract.md; anything else is a
// bug and reaches the user only as a generic 500.
export const APP_ERROR_STATUS = {
  validation_failed: 400,
  invalid_json: 400,
  unauthorized: 401,
  // Two-factor at POST /api/v1/auth/token: the code is missing, or wrong or used already.
  totp_required: 401,
  totp_invalid: 401,
  forbidden: 403,
  registration_closed: 403,
  // PASSWORD_LOGIN=false: the password paths are off (lib/auth/password-login.ts).
  password_login_off: 403,
  not_found: 404,
  conflict: 409,
  email_taken: 409,
  gone: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  limit_reached: 422,
  date_in_future: 422,
  date_out_of_order: 422,
  // A channel's target the outbound guard refuses (decision 026).
  target_not_allowed: 422,
  rate_limited: 429,
  busy: 503,
} as const;

export type AppErrorCode = keyof typeof APP_ERROR_STATUS;

export type FieldErrors = Record<string, string[]>;

/** What a form shows for an error that belongs to no field: a message key (its values are the details). */
export type ErrorMessage = { key: string };

/**
 * The facts of an error a client needs to say it in its own language: which
 * limit was reached, which row of a file is wrong. A form's message and the
 * English field messages take them as values; the JSON error carries them
 * as `limit` and `row`.
 */
export type AppErrorDetails = { limit?: number; row?: number };

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly fields?: FieldErrors;
  readonly retryAfterSeconds?: number;
  readonly formMessage?: ErrorMessage;
  readonly details?: AppErrorDetails;

  constructor(
    code: AppErrorCode,
    message: string,
    extra: {
      fields?: FieldErrors;
      retryAfterSeconds?: number;
      formMessage?: ErrorMessage;
      details?: AppErrorDetails;
    } = {},
  ) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.fields = extra.fields;
    this.retryAfterSeconds = extra.retryAfterSeconds;
    this.formMessage = extra.formMessage;
    this.details = extra.details;
  }

  get status(): number {
    return APP_ERROR_STATUS[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/**
 * SQLITE_BUSY: another process (a backup, the CLI) held the write lock for
 * longer than the busy timeout; on PostgreSQL, a transaction still in
 * conflict after its retries. Nothing was written; the request can simply
 * be retried, so it is a 503 with Retry-After, never a 500.
 */
export function isDatabaseBusy(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    const { originalCode, code, kind } = current as Record<string, unknown>;
    if (originalCode === "SQLITE_BUSY" || code === "SQLITE_BUSY" || code === "P1008") return true;
    // PostgreSQL: a transaction that kept losing serialization conflicts
    // (lib/db/serializable.ts); one lost at its COMMIT has only the adapter's kind.
    if (code === "P2034" || originalCode === "40001" || originalCode === "40P01") return true;
    if (kind === "TransactionWriteConflict") return true;
    const next = current as { cause?: unknown; meta?: { driverAdapterError?: unknown } };
    current = next.meta?.driverAdapterError ?? next.cause;
  }
  return false;
}

/** An AppError as it is, a busy database as "busy"; anything else is not the user's to see. */
export function asAppError(error: unknown): AppError | null {
  if (isAppError(error)) return error;
  if (isDatabaseBusy(error)) {
    return new AppError("busy", "The database is busy. Try again in a moment.", {
      retryAfterSeconds: 2,
    });
  }
  return null;
}
