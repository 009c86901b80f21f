import type { OfxAccountType } from "@/lib/domain/account-kinds";
import { isCurrencyCode, minorUnitDigits } from "@/lib/domain/money";
import { losesMinorUnits, parseAmount, type StatementLine } from "@/lib/domain/statements";
import {
  decodeOfx,
  OFX_MAX_DEPTH,
  OFX_MAX_TAGS,
  readOfx,
  unreadable,
  type OfxLimits,
  type OfxMeter,
} from "./ofx-reader";
import { STATEMENT_ROWS_MAX } from "./statement-csv";

// An OFX or QFX statement: the few facts a statement needs (the account,
// the currency, the period, each transaction as a line) taken from the
// elements ./ofx-reader.ts reads, as they come, in the same single pass.

export type OfxStatement = {
  /** The account's last four characters (ACCTID), when the file names one. */
  accountLast4: string | null;
  /** Which statement the file answers with: a credit card's (CCSTMTRS) or a bank account's (STMTRS). */
  accountType: OfxAccountType | null;
  currency: string | null;
  /** The statement's date: the end of its period (DTEND), else the ledger balance's date. */
  statementDate: string | null;
  period: { start: string; end: string } | null;
  lines: (StatementLine & { fitId: string | null })[];
};

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

/** TRNAMT: "-30.00", "-30,00" (a decimal comma), "+1200", "-0000000000080.69". */
function ofxAmount(value: string, digits: number): number | null {
  const text = value.trim();
  return parseAmount(/^[-+]?\d+,\d+$/.test(text) ? text.replace(",", ".") : text, digits);
}

export function parseOfxStatement(
  input: string | Uint8Array,
  meter?: OfxMeter,
  limits: OfxLimits = { depth: OFX_MAX_DEPTH, tags: OFX_MAX_TAGS },
): OfxStatement {
  const text = typeof input === "string" ? input : decodeOfx(input);
  const found: OfxStatement = {
    accountLast4: null,
    accountType: null,
    currency: null,
    statementDate: null,
    period: null,
    lines: [],
  };
  let periodStart: string | null = null;
  let periodEnd: string | null = null;
  let ledgerDate: string | null = null;

  // The STMTTRN being read, opened at depth `transactionDepth`.
  let transaction: Record<string, string> | null = null;
  let transactionDepth = 0;
  let payeeName: string | null = null;
  // Minor units of the statement's currency, looked up once per currency.
  let digitsOf: { currency: string | null; digits: number } | null = null;

  const finishTransaction = () => {
    const row = found.lines.length + 1;
    const t = transaction!;
    transaction = null;
    const postedOn = ofxDate(t.DTPOSTED);
    if (!postedOn) throw unreadable("the date is not a date.", "statement_bad_date", row);
    if (digitsOf?.currency !== found.currency) {
      digitsOf = { currency: found.currency, digits: minorUnitDigits(found.currency ?? "USD") };
    }
    const digits = digitsOf.digits;
    const amount = ofxAmount(t.TRNAMT ?? "", digits);
    if (amount === null) {
      throw losesMinorUnits((t.TRNAMT ?? "").replace(",", "."), digits)
        ? unreadable(
            "the amount has more decimals than the currency has minor units.",
            "statement_amount_inexact",
            row,
          )
        : unreadable("the amount is not an amount.", "statement_bad_amount", row);
    }
    if (found.lines.length >= STATEMENT_ROWS_MAX) {
      throw unreadable(
        `A statement can hold at most ${STATEMENT_ROWS_MAX} lines.`,
        "statement_too_many_rows",
      );
    }
    const description = [t.NAME ?? payeeName, t.MEMO]
      .filter(Boolean)
      .join(" ")
      .replace(/\s+/g, " ")
      .trim()
      .slice(0, 200);
    // OFX signs money out of the account negative: a charge.
    found.lines.push({
      postedOn,
      amount: amount === 0 ? 0 : -amount,
      description,
      fitId: t.FITID ?? null,
    });
  };

  readOfx(
    text,
    {
      value(name, value, open) {
        const parent = open.at(-1);
        if (transaction) {
          if (open.length === transactionDepth) transaction[name] = value;
          else if (parent === "PAYEE" && name === "NAME") payeeName = value;
          return;
        }
        if (name === "ACCTID") found.accountLast4 = value.slice(-4);
        else if (name === "CURDEF") {
          const code = value.toUpperCase();
          found.currency = isCurrencyCode(code) ? code : null;
        } else if (parent === "BANKTRANLIST" && name === "DTSTART") periodStart = ofxDate(value);
        else if (parent === "BANKTRANLIST" && name === "DTEND") periodEnd = ofxDate(value);
        else if (parent === "LEDGERBAL" && name === "DTASOF") ledgerDate = ofxDate(value);
      },
      opened(name, open) {
        if (name === "CCSTMTRS") found.accountType ??= "credit_card";
        else if (name === "STMTRS") found.accountType ??= "bank";
        if (name !== "STMTTRN") return;
        transaction = {};
        transactionDepth = open.length;
        payeeName = null;
      },
      closed(name, open) {
        if (name === "STMTTRN" && transaction && open.length < transactionDepth) {
          finishTransaction();
        }
      },
    },
    limits,
    meter,
  );
  // A transaction still open at the end of the file (SGML need not close it) ends there.
  if (transaction) finishTransaction();

  if (found.lines.length === 0 && !periodEnd) {
    throw unreadable("The file holds no statement transactions.");
  }
  found.statementDate = periodEnd ?? ledgerDate;
  found.period = periodStart && periodEnd ? { start: periodStart, end: periodEnd } : null;
  return found;
}
