import { parse } from "csv-parse/sync";
import {
  fromCancelCase,
  fromWallos,
  sourceFormat,
  SUBSCRIPTION_ROWS_MAX,
  wallosQuestions,
  type ImportChoices,
  type ImportedSubscription,
  type RowResult,
  type SkipReason,
  type SourceFormat,
} from "@/lib/domain/subscription-import";
import { AppError } from "@/lib/errors/app-error";
import { createSubscriptionSchema } from "@/lib/validation/subscriptions";

// A subscriptions file (Wallos's JSON or CSV export, or a CSV with
// CancelCase's field names) read to rows that can be stored and rows that
// cannot, with why. Runs in the worker pool (lib/workers/hostile-jobs.ts),
// off the thread that serves requests; lib/services/import-subscriptions.ts
// stores what it returns.

function unreadable(code: string, english: string): AppError {
  return new AppError("validation_failed", english, { fields: { file: [code] } });
}

/** The file's rows as objects keyed by column name. */
function rowsOf(text: string): Record<string, unknown>[] {
  const trimmed = text.replace(/^\uFEFF/, "").trim();
  if (trimmed.startsWith("[") || trimmed.startsWith("{")) {
    let json: unknown;
    try {
      json = JSON.parse(trimmed);
    } catch {
      throw unreadable("subscriptions_file_unreadable", "The file is not valid JSON.");
    }
    // Wallos's export is the array; its API answer wraps it in {subscriptions}.
    const list = Array.isArray(json) ? json : (json as { subscriptions?: unknown })?.subscriptions;
    if (!Array.isArray(list) || !list.every((r) => r && typeof r === "object" && !Array.isArray(r)))
      throw unreadable("subscriptions_file_unreadable", "The JSON holds no list of subscriptions.");
    return list as Record<string, unknown>[];
  }
  try {
    return parse(trimmed, {
      columns: (header: string[]) => header.map((h) => h.trim()),
      skip_empty_lines: true,
      relax_column_count: true,
      relax_quotes: true,
      trim: true,
      to: SUBSCRIPTION_ROWS_MAX + 1,
    }) as Record<string, unknown>[];
  } catch {
    throw unreadable("subscriptions_file_unreadable", "The file is not a readable CSV file.");
  }
}

/** A row as the API would take it (the same schema): lengths, currency code, the URL's scheme. */
function checked(result: RowResult): RowResult {
  if (!result.ok) return result;
  let parsed = createSubscriptionSchema.safeParse(result.subscription);
  // A tracker's "URL" is the service's site, not always a page to cancel on: dropped when unusable.
  if (!parsed.success && parsed.error.issues.every((i) => i.path[0] === "cancelUrl")) {
    parsed = createSubscriptionSchema.safeParse({ ...result.subscription, cancelUrl: null });
  }
  if (parsed.success) {
    return {
      ok: true,
      subscription: { ...result.subscription, ...parsed.data } as ImportedSubscription,
    };
  }
  const field = String(parsed.error.issues[0]?.path[0] ?? "");
  return {
    ok: false,
    reason:
      field === "amount" || field === "currency"
        ? "price_unreadable"
        : field === "nextRenewalOn"
          ? "date_invalid"
          : "invalid",
  };
}

export type SubscriptionFile = {
  format: SourceFormat;
  rows: number;
  good: { row: number; subscription: ImportedSubscription }[];
  skipped: { row: number; name: string | null; reason: SkipReason }[];
  /** What a Wallos file leaves open, with how many rows ask it, in the order first met. */
  questions: { symbols: [string, number][]; cycles: [string, number][] };
};

export function readSubscriptionFile(text: string, choices: ImportChoices): SubscriptionFile {
  const rows = rowsOf(text);
  if (rows.length === 0) throw unreadable("subscriptions_file_empty", "The file has no rows.");
  if (rows.length > SUBSCRIPTION_ROWS_MAX) {
    throw unreadable(
      "subscriptions_file_too_many",
      `A file can hold at most ${SUBSCRIPTION_ROWS_MAX} subscriptions.`,
    );
  }
  const format = sourceFormat(Object.keys(rows[0]!));
  if (!format) {
    throw unreadable(
      "subscriptions_file_unknown",
      "This is neither a Wallos export nor a CSV with provider and amount columns.",
    );
  }
  const read =
    format === "wallos"
      ? (row: Record<string, unknown>) => fromWallos(row, choices)
      : fromCancelCase;
  const symbols = new Map<string, number>();
  const cycles = new Map<string, number>();
  const good: SubscriptionFile["good"] = [];
  const skipped: SubscriptionFile["skipped"] = [];
  rows.forEach((row, index) => {
    // Row numbers as a person counts them: a CSV's header is row 1.
    const number = format === "wallos" && text.trimStart().startsWith("[") ? index + 1 : index + 2;
    const result = checked(read(row));
    if (format === "wallos") {
      const { symbol, cycle } = wallosQuestions(row);
      if (symbol) symbols.set(symbol, (symbols.get(symbol) ?? 0) + 1);
      if (cycle) cycles.set(cycle, (cycles.get(cycle) ?? 0) + 1);
    }
    const name =
      typeof row["Name"] === "string"
        ? row["Name"]
        : typeof row["provider"] === "string"
          ? row["provider"]
          : null;
    if (result.ok) good.push({ row: number, subscription: result.subscription });
    else skipped.push({ row: number, name: name?.slice(0, 100) ?? null, reason: result.reason });
  });
  return {
    format,
    rows: rows.length,
    good,
    skipped,
    questions: { symbols: [...symbols], cycles: [...cycles] },
  };
}
