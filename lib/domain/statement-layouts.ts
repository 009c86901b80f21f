import { parseAmount, parseStatementDate, type ColumnMapping } from "./statements";

// Which columns of a statement CSV hold the date, the description and the
// amount, found from the header by the layouts of the big US issuers'
// exports, and whether the sign of a charge is known from them or must be
// asked. How a cell is read and signed is ./statements.ts's.

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
