import "server-only";
import fs from "node:fs";
import { parse } from "csv-parse/sync";
import { importSubscriptions, usualCurrency } from "@/lib/data/subscription-imports";
import type { Actor } from "@/lib/data/users";
import type { Locale } from "@/lib/domain/locales";
import {
  AMBIGUOUS_SYMBOLS,
  fromCancelCase,
  fromWallos,
  sourceFormat,
  suggestedCurrency,
  SUBSCRIPTION_ROWS_MAX,
  wallosQuestions,
  type ImportChoices,
  type ImportedSubscription,
  type RowResult,
  type SkipReason,
  type SourceFormat,
} from "@/lib/domain/subscription-import";
import type { BillingCycle } from "@/lib/domain/subscriptions";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/validation/parse";
import { subscriptionImportFieldsSchema } from "@/lib/validation/subscription-import";
import { createSubscriptionSchema } from "@/lib/validation/subscriptions";
import { receiveMultipart } from "./multipart";

// POST /api/v1/subscriptions/import: subscriptions from another tracker
// (Wallos's JSON or CSV export, or a CSV with CancelCase's field names).
// `dryRun=true` answers what would be imported and what not, writing
// nothing; without it the good rows are stored and the others listed.
// What the file leaves open (a "$" or "¥" several currencies share, a cycle
// like "Every 2 Weeks") is asked, never guessed: the answer lists each
// question, and `currencies` / `cycles` carry the user's answers.

/** Who imports; their language says which currency to offer when they keep none yet. */
type ImportActor = Actor & { locale?: Locale };

const FILE_MAX_BYTES = 2 * 1024 * 1024;

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

export type SubscriptionImportResult = {
  format: SourceFormat;
  dryRun: boolean;
  rows: number;
  imported: {
    row: number;
    provider: string;
    amount: number;
    currency: string;
    billingCycle: string;
  }[];
  skipped: { row: number; name: string | null; reason: SkipReason }[];
  /** Each shared symbol in the file: who it may be, what to offer first, what was chosen. */
  currencyChoices: {
    symbol: string;
    rows: number;
    candidates: readonly string[];
    suggested: string | null;
    chosen: string | null;
  }[];
  /** Each of Wallos's cycles CancelCase has no word for, and the cycle chosen to keep (null: left out). */
  cycleChoices: { cycle: string; rows: number; chosen: BillingCycle | null }[];
};

/** The questions a Wallos file leaves open, in the order they first appear. */
async function choicesOf(
  user: ImportActor,
  rows: Record<string, unknown>[],
  choices: ImportChoices,
): Promise<Pick<SubscriptionImportResult, "currencyChoices" | "cycleChoices">> {
  const symbols = new Map<string, number>();
  const cycles = new Map<string, number>();
  for (const row of rows) {
    const { symbol, cycle } = wallosQuestions(row);
    if (symbol) symbols.set(symbol, (symbols.get(symbol) ?? 0) + 1);
    if (cycle) cycles.set(cycle, (cycles.get(cycle) ?? 0) + 1);
  }
  // The user's usual currency: the one most of their subscriptions are in,
  // else the one of their language's country (the app's users: the US, China).
  const usual =
    symbols.size > 0
      ? ((await usualCurrency(user)) ?? (user.locale === "zh-CN" ? "CNY" : "USD"))
      : null;
  return {
    currencyChoices: [...symbols].map(([symbol, count]) => ({
      symbol,
      rows: count,
      candidates: AMBIGUOUS_SYMBOLS[symbol] ?? [],
      suggested: suggestedCurrency(symbol, usual),
      chosen: choices.currencies[symbol] ?? null,
    })),
    cycleChoices: [...cycles].map(([cycle, count]) => ({
      cycle,
      rows: count,
      chosen: choices.cycles[cycle] ?? null,
    })),
  };
}

export async function importSubscriptionFile(
  actor: ImportActor,
  request: Request,
): Promise<SubscriptionImportResult> {
  const { upload, fields } = await receiveMultipart(request, FILE_MAX_BYTES);
  try {
    const { dryRun, currencies, cycles } = parseInput(subscriptionImportFieldsSchema, fields);
    const choices: ImportChoices = { currencies, cycles };
    const text = await fs.promises.readFile(upload.file.tempPath, "utf8");
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
    const good: { row: number; subscription: ImportedSubscription }[] = [];
    const skipped: SubscriptionImportResult["skipped"] = [];
    rows.forEach((row, index) => {
      // Row numbers as a person counts them: a CSV's header is row 1.
      const number =
        format === "wallos" && text.trimStart().startsWith("[") ? index + 1 : index + 2;
      const result = checked(read(row));
      const name =
        typeof row["Name"] === "string"
          ? row["Name"]
          : typeof row["provider"] === "string"
            ? row["provider"]
            : null;
      if (result.ok) good.push({ row: number, subscription: result.subscription });
      else skipped.push({ row: number, name: name?.slice(0, 100) ?? null, reason: result.reason });
    });
    const { duplicates } = await importSubscriptions(
      actor,
      good.map((g) => g.subscription),
      { dryRun },
    );
    const duplicate = new Set(duplicates);
    for (const index of duplicates) {
      skipped.push({
        row: good[index]!.row,
        name: good[index]!.subscription.provider,
        reason: "already_kept",
      });
    }
    skipped.sort((a, b) => a.row - b.row);
    return {
      format,
      dryRun,
      rows: rows.length,
      imported: good
        .filter((_, index) => !duplicate.has(index))
        .map(({ row, subscription: s }) => ({
          row,
          provider: s.provider,
          amount: s.amount,
          currency: s.currency,
          billingCycle: s.billingCycle,
        })),
      skipped,
      ...(format === "wallos"
        ? await choicesOf(actor, rows, choices)
        : { currencyChoices: [], cycleChoices: [] }),
    };
  } finally {
    await upload.file.discard();
  }
}
