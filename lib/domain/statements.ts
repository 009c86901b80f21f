// Reading a card or bank statement's CSV, as pure rules: which columns hold
// the date, the description and the amount (from the header, by the layouts
// of the big US issuers' exports), how the amount is signed, and how one
// cell becomes a date or an amount. lib/documents/statement-csv.ts streams
// the file through these.

export const STATEMENT_FORMATS = ["csv", "ofx"] as const;
export type StatementFormat = (typeof STATEMENT_FORMATS)[number];

/** Where a statement's facts are, by column index, and how a charge is signed. */
export type ColumnMapping = {
  date: number;
  description: number;
  /** One signed amount column… */
  amount?: number;
  /** …or a debit column and a credit column (charges are debits). */
  debit?: number;
  credit?: number;
  /** In the amount column, is a charge a negative or a positive number? */
  charges: "negative" | "positive";
  /** The first row read is a header (Wells Fargo's export has none). */
  header: boolean;
  /** Rows above the header (or the first line) to pass over: a title, an account line. */
  skipRows?: number;
};

/** One statement line: a charge is a positive amount in cents, money back is negative. */
export type StatementLine = { postedOn: string; description: string; amount: number };

type Layout = {
  issuer: string;
  columns: string[];
  /** Columns the issuer's export may add; any other column means it is not this issuer's file. */
  optional?: string[];
  charges: "negative" | "positive";
};

/**
 * Header rows of the big US issuers' CSV exports (the column names as they
 * ship; the order may differ). Issuers whose amount column counts a charge
 * as positive say so; the others sign it negative. A header is an issuer's
 * only when it has every one of its columns and no column the issuer does
 * not write: a checking account's "Date,Description,Amount,Balance" is not
 * American Express's "Date,Description,Amount", and its signs are the
 * opposite.
 */
const LAYOUTS: Layout[] = [
  {
    issuer: "Chase",
    columns: ["transaction date", "post date", "description", "category", "type", "amount"],
    optional: ["memo"],
    charges: "negative",
  },
  {
    issuer: "Chase checking",
    columns: ["details", "posting date", "description", "amount", "type", "balance"],
    optional: ["check or slip #"],
    charges: "negative",
  },
  {
    issuer: "American Express",
    columns: ["date", "description", "amount"],
    optional: [
      "card member",
      "account #",
      "extended details",
      "appears on your statement as",
      "address",
      "city/state",
      "zip code",
      "country",
      "reference",
      "category",
    ],
    charges: "positive",
  },
  {
    issuer: "Capital One",
    columns: [
      "transaction date",
      "posted date",
      "card no.",
      "description",
      "category",
      "debit",
      "credit",
    ],
    charges: "positive",
  },
  {
    issuer: "Citi",
    columns: ["status", "date", "description", "debit", "credit"],
    optional: ["member name"],
    charges: "positive",
  },
  {
    issuer: "Discover",
    columns: ["trans. date", "post date", "description", "amount", "category"],
    charges: "positive",
  },
  {
    issuer: "Bank of America",
    columns: ["posted date", "reference number", "payee", "address", "amount"],
    charges: "negative",
  },
  {
    issuer: "U.S. Bank",
    columns: ["date", "transaction", "name", "memo", "amount"],
    charges: "negative",
  },
];

const DATE_HEADERS = [
  "transaction date",
  "trans. date",
  "trans date",
  "date",
  "posted date",
  "post date",
  "posting date",
];
const DESCRIPTION_HEADERS = [
  "description",
  "payee",
  "name",
  "merchant",
  "merchant name",
  "original description",
];
const DEBIT_HEADERS = ["debit", "debit amount", "withdrawal", "withdrawals", "withdrawal amount"];
const CREDIT_HEADERS = ["credit", "credit amount", "deposit", "deposits", "deposit amount"];

/** How many rows from the top may sit above the header (a title, the account, a blank). */
export const HEADER_SEARCH_ROWS = 10;

const clean = (cell: string) => cell.trim().toLowerCase().replace(/\s+/g, " ");

function firstOf(header: string[], names: string[]): number | undefined {
  for (const name of names) {
    const index = header.indexOf(name);
    if (index >= 0) return index;
  }
  return undefined;
}

export type DetectedMapping = {
  mapping: ColumnMapping;
  issuer: string | null;
  /**
   * Whether the sign of a charge is known: from a split debit/credit layout,
   * or from an issuer's convention that the file's own lines agree with.
   * When false, `mapping.charges` is only a placeholder and the user (or the
   * API's `charges` field) must say it.
   */
  signKnown: boolean;
};

/**
 * Which sign most of the lines' amounts have: a statement is mostly charges
 * (a card's purchases, a checking account's withdrawals). Null when the
 * lines do not say (as many of each, or no amounts).
 */
function usualSign(amounts: (number | null)[]): "negative" | "positive" | null {
  let negative = 0;
  let positive = 0;
  for (const n of amounts) {
    if (n === null || n === 0) continue;
    if (n < 0) negative += 1;
    else positive += 1;
  }
  if (negative === positive) return null;
  return negative > positive ? "negative" : "positive";
}

/** A header row's mapping, or null when it is not a header. */
function mappingFor(first: string[], sample: string[][], skipRows: number): DetectedMapping | null {
  const header = first.map(clean);
  // No header at all (Wells Fargo): "12/01/2026","-30.00","*","","MINT MOBILE".
  if (
    parseStatementDate(first[0] ?? "") &&
    parseAmount(first[1] ?? "") !== null &&
    first.length >= 5
  ) {
    const lines = [first, ...sample].map((row) => parseAmount(row[1] ?? ""));
    const agrees = usualSign(lines) !== "positive";
    return {
      mapping: { date: 0, amount: 1, description: 4, charges: "negative", header: false, skipRows },
      issuer: "Wells Fargo",
      signKnown: agrees,
    };
  }
  const date = firstOf(header, DATE_HEADERS);
  const description = firstOf(header, DESCRIPTION_HEADERS);
  if (date === undefined || description === undefined) return null;
  const named = header.filter(Boolean);
  const known = LAYOUTS.find(
    (layout) =>
      layout.columns.every((column) => header.includes(column)) &&
      named.every((column) => layout.columns.includes(column) || layout.optional?.includes(column)),
  );
  const amount = header.indexOf("amount");
  const debit = firstOf(header, DEBIT_HEADERS);
  const credit = firstOf(header, CREDIT_HEADERS);
  if (debit !== undefined && credit !== undefined) {
    return {
      mapping: { date, description, debit, credit, charges: "positive", header: true, skipRows },
      issuer: known?.issuer ?? null,
      signKnown: true,
    };
  }
  if (amount < 0) return null;
  const usual = usualSign(sample.map((row) => parseAmount(row[amount] ?? "")));
  // A known issuer's convention holds unless the file's own lines say otherwise.
  const signKnown = known !== undefined && (usual === null || usual === known.charges);
  return {
    mapping: {
      date,
      description,
      amount,
      charges: known?.charges ?? usual ?? "negative",
      header: true,
      skipRows,
    },
    issuer: known?.issuer ?? null,
    signKnown,
  };
}

/**
 * The mapping for a file, from its first rows: the header is looked for
 * among the first HEADER_SEARCH_ROWS (a title line such as "Transactions
 * For All Accounts from Jan 2026 to Jul 2026" may come first). A known
 * issuer's header gives the sign when the lines agree with it; otherwise
 * the sign is not known and is asked for. Null when no date, description
 * and amount columns can be told apart: the user then says which they are.
 */
export function detectMapping(rows: string[][]): DetectedMapping | null {
  const last = Math.min(HEADER_SEARCH_ROWS, rows.length);
  for (let skip = 0; skip < last; skip++) {
    const found = mappingFor(rows[skip]!, rows.slice(skip + 1), skip);
    if (found) return found;
  }
  return null;
}

/** The rows a mapping reads past before the first line: those above the header, and the header. */
export const rowsBeforeLines = (mapping: ColumnMapping) =>
  (mapping.skipRows ?? 0) + (mapping.header ? 1 : 0);

/**
 * "$1,234.56" → 123456, "(12.00)" and "-12.00" → -1200, "" → null: minor
 * units of a currency with `digits` of them (USD 2, JPY 0, KWD 3). Banks pad
 * amounts ("+00000000000000.2400", "-3.77000"): zeros beyond the currency's
 * digits are exact and kept; a non-zero digit there would lose money and
 * the cell is refused (null), as is anything that is not a plain number.
 */
export function parseAmount(cell: string, digits = 2): number | null {
  let text = cell.trim().replace(/[$\s]/g, "").replace(/,/g, "");
  if (!text) return null;
  let negative = false;
  if (/^\(.*\)$/.test(text)) {
    negative = true;
    text = text.slice(1, -1);
  }
  if (text.startsWith("-")) {
    negative = !negative;
    text = text.slice(1);
  } else if (text.startsWith("+")) text = text.slice(1);
  const match = /^(\d+)(?:\.(\d*))?$/.exec(text);
  if (!match) return null;
  const whole = match[1]!.replace(/^0+(?=\d)/, "");
  const fraction = match[2] ?? "";
  // 12 significant whole digits keep every amount a safe integer in minor units.
  if (whole.length > 12) return null;
  if (/[^0]/.test(fraction.slice(digits))) return null;
  const minor =
    Number(whole) * 10 ** digits + Number(fraction.slice(0, digits).padEnd(digits, "0") || 0);
  return negative && minor !== 0 ? -minor : minor;
}

/** Why parseAmount refused a cell that is a number: it has a cent (or smaller unit) too many. */
export function losesMinorUnits(cell: string, digits = 2): boolean {
  const text = cell.trim().replace(/[$\s(),+-]/g, "");
  const match = /^\d+\.(\d+)$/.exec(text);
  return match !== null && /[^0]/.test(match[1]!.slice(digits));
}

/** "12/01/2026", "12/1/26", "2026-12-01", "2026.12.01" → "2026-12-01"; anything else null. */
export function parseStatementDate(cell: string): string | null {
  const text = cell.trim();
  let y: number, m: number, d: number;
  // ISO, and the dotted year-first form some banks' exports use (2026.12.01).
  const iso = /^(\d{4})([-.])(\d{2})\2(\d{2})$/.exec(text);
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(text);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[3]), Number(iso[4])];
  else if (us) {
    [m, d, y] = [Number(us[1]), Number(us[2]), Number(us[3])];
    if (y < 100) y += 2000;
  } else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return null;
  }
  return date.toISOString().slice(0, 10);
}

/**
 * One row as a statement line by the mapping, or why it is not one. A row
 * with no amount at all (a pending or memo line some banks add) is skipped.
 */
export function toStatementLine(
  row: string[],
  mapping: ColumnMapping,
): StatementLine | "skip" | "bad_date" | "bad_amount" | "inexact_amount" {
  const postedOn = parseStatementDate(row[mapping.date] ?? "");
  let amount: number | null;
  if (mapping.amount !== undefined) {
    const raw = parseAmount(row[mapping.amount] ?? "");
    amount = raw === null ? null : mapping.charges === "negative" ? -raw : raw;
    if (raw === null && (row[mapping.amount] ?? "").trim() === "") return "skip";
  } else {
    const debit = parseAmount(row[mapping.debit ?? -1] ?? "");
    const credit = parseAmount(row[mapping.credit ?? -1] ?? "");
    const debitText = (row[mapping.debit ?? -1] ?? "").trim();
    const creditText = (row[mapping.credit ?? -1] ?? "").trim();
    if (!debitText && !creditText) return "skip";
    if ((debitText && debit === null) || (creditText && credit === null)) return "bad_amount";
    amount = Math.abs(debit ?? 0) - Math.abs(credit ?? 0);
  }
  if (!postedOn) return "bad_date";
  if (amount === null) {
    const cells = [mapping.amount, mapping.debit, mapping.credit].map((i) => row[i ?? -1] ?? "");
    return cells.some((cell) => losesMinorUnits(cell)) ? "inexact_amount" : "bad_amount";
  }
  const description = (row[mapping.description] ?? "").trim().replace(/\s+/g, " ").slice(0, 200);
  return { postedOn, description, amount };
}

/**
 * Dedupe keys for one file's lines: the line's account, date, amount and
 * the bank's own transaction id (FITID) when there is one, else its
 * description, with how many equal lines came before it in this file (two
 * $5 coffees on one day stay two; importing the same file again adds
 * neither). The FITID alone is not enough: some banks reuse short ones
 * ("1") for different charges, and a line that differs in date or amount is
 * never dropped.
 */
export class DedupeKeys {
  private seen = new Map<string, number>();
  constructor(private account: string) {}

  keyOf(line: StatementLine & { fitId?: string | null }): string {
    const facts = line.fitId
      ? `ofx|${this.account}|${line.fitId}|${line.postedOn}|${line.amount}`
      : `csv|${this.account}|${line.postedOn}|${line.amount}|${line.description.toUpperCase()}`;
    const count = this.seen.get(facts) ?? 0;
    this.seen.set(facts, count + 1);
    return `${facts}|${count}`;
  }

  /**
   * The key an OFX line was stored under before dates and amounts joined it
   * (the FITID alone): a line stored that way with the same date and amount
   * is the same line, so re-importing an old file stays idempotent.
   */
  legacyKeyOf(line: StatementLine & { fitId?: string | null }): string | undefined {
    return line.fitId ? `ofx|${this.account}|${line.fitId}` : undefined;
  }
}
