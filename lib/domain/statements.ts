// A statement's lines as pure rules: the formats, what a line is, how a cell
// becomes a date or an amount in minor units, how an amount is signed by a
// column mapping, and the keys that keep an import idempotent. Which columns
// hold what, by the big US issuers' layouts, is ./statement-layouts.ts's.
// lib/documents/statement-csv.ts and statement-ofx.ts read files through
// these.

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
