import "server-only";
import {
  importSubscriptions as storeSubscriptions,
  usualCurrency,
} from "@/lib/data/subscription-imports";
import type { Actor } from "@/lib/data/users";
import type { SubscriptionFile } from "@/lib/documents/subscription-file";
import type { Locale } from "@/lib/domain/locales";
import {
  AMBIGUOUS_SYMBOLS,
  suggestedCurrency,
  type ImportChoices,
  type SkipReason,
  type SourceFormat,
} from "@/lib/domain/subscription-import";
import type { BillingCycle } from "@/lib/domain/subscriptions";
import { parseInput } from "@/lib/validation/parse";
import { subscriptionImportFieldsSchema } from "@/lib/validation/subscription-import";
import { readUploadInPool } from "@/lib/workers/pool";
import { memorySink, type ReceiveUpload } from "./received-upload";

// Subscriptions from another tracker, for POST /api/v1/subscriptions/import
// (Wallos's JSON or CSV export, or a CSV with CancelCase's field names).
// `dryRun=true` answers what would be imported and what not, writing
// nothing; without it the good rows are stored and the others listed. The
// file is read by lib/documents/subscription-file.ts, in the worker pool.
// What the file leaves open (a "$" or "¥" several currencies share, a cycle
// like "Every 2 Weeks") is asked, never guessed: the answer lists each
// question, and `currencies` / `cycles` carry the user's answers.

/** Who imports; their language says which currency to offer when they keep none yet. */
type ImportActor = Actor & { locale?: Locale };

const FILE_MAX_BYTES = 2 * 1024 * 1024;

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

/** The questions a Wallos file leaves open, with what to offer and what was answered. */
async function choicesOf(
  user: ImportActor,
  { symbols, cycles }: SubscriptionFile["questions"],
  choices: ImportChoices,
): Promise<Pick<SubscriptionImportResult, "currencyChoices" | "cycleChoices">> {
  // The user's usual currency: the one most of their subscriptions are in,
  // else the one of their language's country (the app's users: the US, China).
  const usual =
    symbols.length > 0
      ? ((await usualCurrency(user)) ?? (user.locale === "zh-CN" ? "CNY" : "USD"))
      : null;
  return {
    currencyChoices: symbols.map(([symbol, count]) => ({
      symbol,
      rows: count,
      candidates: AMBIGUOUS_SYMBOLS[symbol] ?? [],
      suggested: suggestedCurrency(symbol, usual),
      chosen: choices.currencies[symbol] ?? null,
    })),
    cycleChoices: cycles.map(([cycle, count]) => ({
      cycle,
      rows: count,
      chosen: (choices.cycles[cycle] as BillingCycle | undefined) ?? null,
    })),
  };
}

export async function importSubscriptions(
  actor: ImportActor,
  receive: ReceiveUpload,
): Promise<SubscriptionImportResult> {
  // Held in memory: at most FILE_MAX_BYTES, and the reader takes it as text anyway.
  const { upload, fields } = await receive(FILE_MAX_BYTES, { into: async () => memorySink() });
  try {
    const { dryRun, currencies, cycles } = parseInput(subscriptionImportFieldsSchema, fields);
    const choices: ImportChoices = { currencies, cycles };
    const text = upload.file.bytes().toString("utf8");
    // Parsed and checked in the worker pool (lib/workers/pool.ts), off the serving thread.
    const { format, rows, good, skipped, questions } = await readUploadInPool({
      kind: "subscriptions",
      text,
      choices,
    });
    const { duplicates } = await storeSubscriptions(
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
      rows,
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
        ? await choicesOf(actor, questions, choices)
        : { currencyChoices: [], cycleChoices: [] }),
    };
  } finally {
    await upload.file.discard();
  }
}
