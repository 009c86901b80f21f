import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { openCsvStatement } from "@/lib/documents/statement-csv";
import type { StatementLine } from "@/lib/domain/statements";
import { detectMapping } from "@/lib/domain/statement-layouts";
import { parseAmount, parseStatementDate } from "@/lib/domain/statements";

const fixture = (name: string) => fs.createReadStream(path.join("tests/fixtures/statements", name));

async function readAll(name: string) {
  const statement = await openCsvStatement(fixture(name));
  const lines: StatementLine[] = [];
  for await (const batch of statement.batches) lines.push(...batch);
  return { issuer: statement.issuer, lines };
}

const brief = (lines: StatementLine[]) =>
  lines.map((l) => `${l.postedOn} ${l.amount} ${l.description}`);

describe("statement CSVs in the shapes of US issuers' exports", () => {
  it("Chase: charges negative, payments positive", async () => {
    const { issuer, lines } = await readAll("chase.csv");
    expect(issuer).toBe("Chase");
    expect(brief(lines)).toEqual([
      "2026-11-28 3000 MINT MOBILE 800-683-7392 CA",
      "2026-11-25 1899 HULU 877-8244858 CA",
      "2026-11-20 -25000 Payment Thank You-Mobile",
      "2026-11-15 8412 WHOLE FOODS MARKET, #10234",
    ]);
  });

  it("American Express: charges positive, thousands separators", async () => {
    const { issuer, lines } = await readAll("amex.csv");
    expect(issuer).toBe("American Express");
    expect(lines.map((l) => l.amount)).toEqual([1549, 104500, -50000]);
  });

  it("Capital One and Citi: a debit and a credit column", async () => {
    expect((await readAll("capital-one.csv")).lines.map((l) => [l.postedOn, l.amount])).toEqual([
      ["2026-11-28", 2499],
      ["2026-11-24", -30000],
      ["2026-11-18", 1199],
    ]);
    const citi = await readAll("citi.csv");
    expect(citi.issuer).toBe("Citi");
    expect(citi.lines.map((l) => l.amount)).toEqual([4500, -12000, 2500]);
  });

  it("Discover, Bank of America and Wells Fargo (no header at all)", async () => {
    expect((await readAll("discover.csv")).lines.map((l) => l.amount)).toEqual([
      1399, -21045, 8500,
    ]);
    const bofa = await readAll("bank-of-america.csv");
    expect(bofa.issuer).toBe("Bank of America");
    expect(brief(bofa.lines)[0]).toBe("2026-11-29 6500 VERIZON WRLS P2222-01 800-922-0204 FL");
    const wells = await readAll("wells-fargo.csv");
    expect(wells.issuer).toBe("Wells Fargo");
    expect(brief(wells.lines)).toEqual([
      "2026-11-28 3000 MINT MOBILE 800-683-7392 CA",
      "2026-11-20 -120000 PAYROLL ACME CORP",
      "2026-11-14 999 APPLE.COM/BILL 866-712-7753 CA",
    ]);
  });

  it("an unknown header asks for the mapping; a given mapping reads it", async () => {
    await expect(openCsvStatement(fixture("unknown-header.csv"))).rejects.toMatchObject({
      fields: { file: ["statement_columns_unknown"] },
    });
    const statement = await openCsvStatement(fixture("unknown-header.csv"), {
      date: 0,
      description: 1,
      amount: 2,
      charges: "positive",
      header: true,
    });
    const lines: StatementLine[] = [];
    for await (const batch of statement.batches) lines.push(...batch);
    expect(brief(lines)).toEqual(["2026-11-28 3000 MINT MOBILE"]);
  });

  it("a malformed file or a bad row is refused with where it went wrong", async () => {
    await expect(readAll("malformed.csv")).rejects.toMatchObject({
      fields: { file: ["statement_malformed"] },
    });
    await expect(readAll("bad-date.csv")).rejects.toMatchObject({
      fields: { file: ["statement_bad_date"] },
      details: { row: 3 },
    });
    await expect(openCsvStatement(Readable.from([""]))).rejects.toMatchObject({
      fields: { file: ["statement_empty"] },
    });
  });

  it("streams 50,000 rows in batches without holding them", async () => {
    const rows = 50_000;
    function* csv() {
      yield "Transaction Date,Post Date,Description,Category,Type,Amount,Memo\n";
      for (let i = 0; i < rows; i++) {
        const day = String((i % 28) + 1).padStart(2, "0");
        yield `11/${day}/2026,11/${day}/2026,MERCHANT NUMBER ${i} SOMEWHERE CA,Shopping,Sale,-${(i % 500) + 1}.99,\n`;
      }
    }
    global.gc?.();
    const before = process.memoryUsage().heapUsed;
    let peak = 0;
    let count = 0;
    let largestBatch = 0;
    const statement = await openCsvStatement(Readable.from(csv()));
    for await (const batch of statement.batches) {
      count += batch.length;
      largestBatch = Math.max(largestBatch, batch.length);
      peak = Math.max(peak, process.memoryUsage().heapUsed - before);
    }
    expect(count).toBe(rows);
    expect(largestBatch).toBeLessThanOrEqual(500);
    // The whole file as objects would be tens of MB; streamed, the heap barely moves.
    expect(peak).toBeLessThan(40 * 1024 * 1024);
  });
});

describe("signs: an issuer's layout only when the header is that issuer's, and the lines agree", () => {
  const rows = (csv: string) =>
    csv
      .trim()
      .split("\n")
      .map((line) => line.split(","));

  it("a checking account's Date/Description/Amount/Balance is not American Express: the sign is asked", async () => {
    await expect(openCsvStatement(fixture("checking-parens.csv"))).rejects.toMatchObject({
      code: "unprocessable",
      fields: { charges: ["statement_sign_unknown"] },
    });
    const statement = await openCsvStatement(fixture("checking-parens.csv"), undefined, "negative");
    expect(statement.issuer).toBeNull();
    const lines: StatementLine[] = [];
    for await (const batch of statement.batches) lines.push(...batch);
    // The ACH payment to Verizon is a charge of $89.99, not money back.
    expect(brief(lines)).toEqual([
      "2026-11-28 8999 ACH PAYMENT VERIZON WIRELESS",
      "2026-11-25 5200 CHECK 1043",
      "2026-11-20 -120000 DIRECT DEPOSIT ACME PAYROLL",
      "2026-11-18 1549 NETFLIX.COM",
    ]);
  });

  it("American Express's own header, with and without its optional columns, keeps its convention", () => {
    const amex = detectMapping(
      rows(
        "Date,Description,Amount\n11/28/2026,HULU,18.99\n11/20/2026,PAYMENT,-100.00\n11/02/2026,SPOTIFY,10.99",
      ),
    );
    expect(amex).toMatchObject({
      issuer: "American Express",
      signKnown: true,
      mapping: { charges: "positive" },
    });
    const extended = detectMapping(
      rows("Date,Description,Card Member,Account #,Amount\n11/28/2026,HULU,J DOE,-71000,18.99"),
    );
    expect(extended).toMatchObject({ issuer: "American Express", signKnown: true });
    expect(
      detectMapping(rows("Date,Description,Amount,Balance\n11/28/2026,HULU,18.99,1.00")),
    ).toMatchObject({ issuer: null, signKnown: false });
  });

  it("a known issuer whose lines contradict its convention is asked, not trusted", () => {
    const chase = detectMapping(
      rows(
        "Transaction Date,Post Date,Description,Category,Type,Amount,Memo\n" +
          "11/28/2026,11/28/2026,MINT MOBILE,Bills,Sale,30.00,\n11/25/2026,11/25/2026,HULU,Bills,Sale,18.99,\n11/20/2026,11/20/2026,PAYMENT,,Payment,-250.00,",
      ),
    );
    expect(chase).toMatchObject({ issuer: "Chase", signKnown: false });
    const amexNegative = detectMapping(
      rows("Date,Description,Amount\n11/28/2026,HULU,-18.99\n11/02/2026,SPOTIFY,-10.99"),
    );
    expect(amexNegative).toMatchObject({ issuer: "American Express", signKnown: false });
  });

  it("no known issuer: positive income is never guessed into money back; the sign is asked", () => {
    const found = detectMapping(
      rows(
        "Date,Payee,Amount\n11/01/2026,PAYROLL,2500.00\n11/15/2026,PAYROLL,2500.00\n11/20/2026,HULU,-18.99",
      ),
    );
    expect(found).toMatchObject({ issuer: null, signKnown: false });
    // A debit and a credit column say it themselves.
    expect(
      detectMapping(rows("Date,Description,Withdrawals,Deposits\n11/20/2026,HULU,18.99,")),
    ).toMatchObject({ signKnown: true, mapping: { debit: 2, credit: 3 } });
  });
});

describe("headers below a title line", () => {
  it("the header is found among the first rows", async () => {
    const { issuer, lines } = await readAll("title-line.csv");
    expect(issuer).toBe("Chase");
    expect(brief(lines)).toEqual(["2026-07-02 3000 MINT MOBILE", "2026-07-01 1899 HULU"]);
  });
});

describe("encodings: the bytes decide, never a guess of Latin-1", () => {
  const descriptions = async (name: string) =>
    (await readAll(name)).lines.map((l) => l.description);
  const chinese = ["爱奇艺会员 连续包月", "腾讯视频 VIP"];

  it("UTF-8 with and without a byte-order mark, UTF-16LE with one, GB18030 by its bytes", async () => {
    expect(await descriptions("utf8.csv")).toEqual(chinese);
    expect(await descriptions("utf8-bom.csv")).toEqual(chinese);
    expect(await descriptions("utf16le-bom.csv")).toEqual(chinese);
    expect(await descriptions("gb18030.csv")).toEqual(chinese);
    expect((await readAll("utf16le-bom.csv")).issuer).toBe("Chase");
  });

  it("windows-1252 otherwise: É, Ü, — and € survive", async () => {
    expect(await descriptions("windows-1252.csv")).toEqual([
      "CAFÉ MÜLLER — BERLIN",
      "SPOTIFY € PREMIUM",
    ]);
  });

  it("decodes as it streams: a character cut between chunks, and ASCII for longer than the sample", async () => {
    const bytes = fs.readFileSync("tests/fixtures/statements/utf8.csv");
    const chunks = Array.from(bytes, (byte) => Buffer.from([byte]));
    const statement = await openCsvStatement(Readable.from(chunks));
    const lines: StatementLine[] = [];
    for await (const batch of statement.batches) lines.push(...batch);
    expect(lines.map((l) => l.description)).toEqual(chinese);

    const header = "Transaction Date,Post Date,Description,Category,Type,Amount,Memo\n";
    const ascii = "11/01/2026,11/01/2026,COFFEE,Dining,Sale,-1.00,\n".repeat(3000);
    const late = Buffer.concat([
      Buffer.from(header + ascii, "latin1"),
      Buffer.from("11/02/2026,11/02/2026,CAF\xc9 \x80,Dining,Sale,-2.00,\n", "latin1"),
    ]);
    const tail = await openCsvStatement(Readable.from([late]));
    const all: StatementLine[] = [];
    for await (const batch of tail.batches) all.push(...batch);
    expect(all.at(-1)!.description).toBe("CAFÉ €");
  });
});

describe("cells", () => {
  it("padded amounts are exact when the digits past the currency's are zeros (Fidelity, Bank of America OFX)", () => {
    expect(
      ["+00000000000000.2400", "-30.000", "-3.77000", "-0000000000080.69", "1.", "-0.00"].map(
        (cell) => parseAmount(cell),
      ),
    ).toEqual([24, -3000, -377, -8069, 100, 0]);
    // JPY has no minor unit, KWD three.
    expect(parseAmount("1200.00", 0)).toBe(1200);
    expect(parseAmount("1200.5", 0)).toBeNull();
    expect(parseAmount("-12.3450", 3)).toBe(-12345);
    // A digit that would be lost refuses the cell, and the row says why.
    expect(parseAmount("12.345")).toBeNull();
    expect(parseAmount("0000000000000000001.00")).toBe(100);
    expect(parseAmount("1234567890123.00")).toBeNull();
  });

  it("a row whose amount would lose a cent is refused naming the row", async () => {
    const csv =
      "Transaction Date,Post Date,Description,Category,Type,Amount,Memo\n" +
      "11/28/2026,11/28/2026,MINT MOBILE,Bills,Sale,-30.000,\n" +
      "11/29/2026,11/29/2026,HULU,Bills,Sale,-18.991,\n";
    const statement = await openCsvStatement(Readable.from([csv]));
    await expect(
      (async () => {
        for await (const batch of statement.batches) void batch;
      })(),
    ).rejects.toMatchObject({
      fields: { file: ["statement_amount_inexact"] },
      details: { row: 3 },
    });
  });

  it("year-first dotted dates", () => {
    expect(
      ["2026.12.01", "2024.02.29", "2026.02.30", "2026.12-01"].map(parseStatementDate),
    ).toEqual(["2026-12-01", "2024-02-29", null, null]);
  });

  it("amounts and dates as US statements write them", () => {
    expect(
      ["$1,234.56", "(12.00)", "-12.5", "+3", "", "12.345", "1e5", "--1"].map((cell) =>
        parseAmount(cell),
      ),
    ).toEqual([123456, -1200, -1250, 300, null, null, null, null]);
    expect(
      ["12/01/2026", "2/29/24", "2026-12-01", "02/30/2026", "2026/12/01", "1.12.2026"].map(
        parseStatementDate,
      ),
    ).toEqual(["2026-12-01", "2024-02-29", "2026-12-01", null, null, null]);
  });
});
