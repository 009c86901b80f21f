import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { parseOfxStatement } from "@/lib/documents/statement-ofx";

const read = (name: string) => fs.readFileSync(`tests/fixtures/statements/${name}`, "latin1");

describe("OFX and QFX statements", () => {
  it("OFX 1.x SGML (a Chase QFX): lines, the card's last four, the period and statement date", () => {
    const statement = parseOfxStatement(read("chase.qfx"));
    expect(statement).toMatchObject({
      accountLast4: "4242",
      // A credit card's statement (CREDITCARDMSGSRSV1 / CCSTMTRS): its kind needs no asking.
      accountType: "credit_card",
      currency: "USD",
      statementDate: "2026-12-04",
      period: { start: "2026-11-05", end: "2026-12-04" },
    });
    expect(statement.lines).toEqual([
      {
        postedOn: "2026-11-28",
        amount: 3000,
        description: "MINT MOBILE 800-683-7392 CA",
        fitId: "2026112824692160001",
      },
      {
        postedOn: "2026-11-20",
        amount: -25000,
        description: "PAYMENT THANK YOU",
        fitId: "2026112024692160002",
      },
      {
        postedOn: "2026-11-15",
        amount: 1899,
        description: "HULU & LIVE TV",
        fitId: "2026111524692160003",
      },
    ]);
  });

  it("OFX 2.x XML, with a decimal comma", () => {
    const statement = parseOfxStatement(read("bank-v2.ofx"));
    expect(statement.accountLast4).toBe("6543");
    expect(statement.accountType).toBe("bank");
    expect(statement.lines.map((l) => [l.postedOn, l.amount, l.description])).toEqual([
      ["2026-11-28", 4500, "XFINITY MOBILE"],
      ["2026-11-03", 999, "APPLE.COM/BILL iCloud+"],
    ]);
  });

  it("refuses what is not a statement, and a crafted tag costs nothing", () => {
    expect(() => parseOfxStatement("Date,Description,Amount\n")).toThrow();
    expect(() =>
      parseOfxStatement("<OFX><STMTTRN><DTPOSTED>nope<TRNAMT>x</STMTTRN></OFX>"),
    ).toThrow();
    // The input that stalls the regex of the npm OFX parsers for minutes (26
    // characters take seconds there; 200,000 here must not reach the test's timeout).
    const crafted = `<OFX><${"A".repeat(200_000)}!<STMTTRN>`;
    expect(() => parseOfxStatement(crafted)).toThrow();
  });
});
