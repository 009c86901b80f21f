import { parseAmount, type StatementLine } from "@/lib/domain/statements";
import { AppError } from "@/lib/errors/app-error";
import { STATEMENT_ROWS_MAX } from "./statement-csv";

// An OFX or QFX statement (OFX 1.x SGML, where a value's tag is never closed,
// and OFX 2.x XML). Not a library: the npm OFX parsers (ofx-js,
// node-ofx-parser) turn SGML into XML with a regular expression that
// backtracks exponentially on crafted input (measured here: a 26-character
// tag took 3.4 s, each more character doubles it), which would let one
// uploaded file stall the server. This reads the few facts a statement
// needs in one linear pass over the tags.

export type OfxStatement = {
  /** The account's last four characters (ACCTID), when the file names one. */
  accountLast4: string | null;
  currency: string | null;
  /** The statement's date: the end of its period (DTEND), else the ledger balance's date. */
  statementDate: string | null;
  period: { start: string; end: string } | null;
  lines: (StatementLine & { fitId: string | null })[];
};

function unreadable(english: string): AppError {
  return new AppError("validation_failed", english, { fields: { file: ["statement_malformed"] } });
}

/** "20261128120000.000[-8:PST]" → "2026-11-28"; null when it is no date. */
function ofxDate(value: string | undefined): string | null {
  const match = /^(\d{4})(\d{2})(\d{2})/.exec(value ?? "");
  if (!match) return null;
  const [, y, m, d] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return date.getUTCDate() === Number(d) && date.getUTCMonth() === Number(m) - 1
    ? date.toISOString().slice(0, 10)
    : null;
}

/** TRNAMT: "-30.00", "-30,00" (a decimal comma), "+1200". */
function ofxAmount(value: string | undefined): number | null {
  const text = (value ?? "").trim();
  return parseAmount(/^[-+]?\d+,\d{1,2}$/.test(text) ? text.replace(",", ".") : text);
}

const decode = (text: string) =>
  text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&")
    .trim();

export function parseOfxStatement(text: string): OfxStatement {
  const start = text.search(/<OFX>/i);
  if (start < 0) throw unreadable("The file is not an OFX statement (no <OFX> element).");
  const tag = /<(\/?)([A-Za-z0-9._]+)(?:\s[^<>]*)?>([^<]*)/g;
  tag.lastIndex = start;

  const open: string[] = [];
  let transaction: Record<string, string> | null = null;
  const found: OfxStatement = {
    accountLast4: null,
    currency: null,
    statementDate: null,
    period: null,
    lines: [],
  };
  let periodStart: string | null = null;
  let periodEnd: string | null = null;
  let ledgerDate: string | null = null;

  for (let match = tag.exec(text); match; match = tag.exec(text)) {
    const [, closing, rawName, rawValue] = match as unknown as [string, string, string, string];
    const name = rawName.toUpperCase();
    const value = decode(rawValue);
    if (closing) {
      if (name === "STMTTRN" && transaction) {
        const postedOn = ofxDate(transaction.DTPOSTED);
        const amount = ofxAmount(transaction.TRNAMT);
        if (!postedOn || amount === null) {
          throw unreadable("A transaction in the file has no readable date or amount.");
        }
        if (found.lines.length >= STATEMENT_ROWS_MAX) {
          throw new AppError(
            "validation_failed",
            `A statement can hold at most ${STATEMENT_ROWS_MAX} lines.`,
            { fields: { file: ["statement_too_many_rows"] } },
          );
        }
        const description = [transaction.NAME, transaction.MEMO]
          .filter(Boolean)
          .join(" ")
          .replace(/\s+/g, " ")
          .slice(0, 200);
        // OFX signs money out of the account negative: a charge.
        found.lines.push({
          postedOn,
          amount: -amount,
          description,
          fitId: transaction.FITID ?? null,
        });
        transaction = null;
      }
      const at = open.lastIndexOf(name);
      if (at >= 0) open.length = at;
      continue;
    }
    if (value === "") {
      // An aggregate opens.
      open.push(name);
      if (name === "STMTTRN") transaction = {};
      continue;
    }
    // A value (its closing tag, in XML, is skipped above as an unknown close).
    const parent = open.at(-1);
    if (transaction && parent === "STMTTRN") transaction[name] = value;
    else if (name === "ACCTID") found.accountLast4 = value.slice(-4);
    else if (name === "CURDEF") found.currency = value.toUpperCase().slice(0, 3);
    else if (parent === "BANKTRANLIST" && name === "DTSTART") periodStart = ofxDate(value);
    else if (parent === "BANKTRANLIST" && name === "DTEND") periodEnd = ofxDate(value);
    else if (parent === "LEDGERBAL" && name === "DTASOF") ledgerDate = ofxDate(value);
  }
  if (found.lines.length === 0 && !periodEnd) {
    throw unreadable("The file holds no statement transactions.");
  }
  found.statementDate = periodEnd ?? ledgerDate;
  found.period = periodStart && periodEnd ? { start: periodStart, end: periodEnd } : null;
  return found;
}
