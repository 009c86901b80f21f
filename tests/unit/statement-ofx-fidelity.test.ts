import fs from "node:fs";
import { describe, expect, it } from "vitest";
import {
  OFX_MAX_DEPTH,
  OFX_MAX_TAGS,
  ofxEncoding,
  type OfxMeter,
} from "@/lib/documents/ofx-reader";
import { parseOfxStatement } from "@/lib/documents/statement-ofx";

// OFX as banks really write it: real files from ofxparse's test suite
// (tests/fixtures/README.md), checked against what ofxparse's own tests
// assert; the encodings their headers declare; CDATA; and a parser whose
// work grows with the file and no faster, whatever the file's shape.

const real = (name: string) => fs.readFileSync(`tests/fixtures/statements/real/${name}`);

const SGML_HEADER = (encoding: string, charset: string) =>
  `OFXHEADER:100\r\nDATA:OFXSGML\r\nVERSION:102\r\nSECURITY:NONE\r\nENCODING:${encoding}\r\nCHARSET:${charset}\r\nCOMPRESSION:NONE\r\nOLDFILEUID:NONE\r\nNEWFILEUID:NONE\r\n\r\n`;

const sgml = (name: string, amount = "-30.00", fitId = "1", date = "20261128") =>
  `<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>USD<BANKTRANLIST><DTSTART>20261101<DTEND>20261130` +
  `<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>${date}<TRNAMT>${amount}<FITID>${fitId}<NAME>${name}</STMTTRN>` +
  `</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>`;

const xml = (declaration: string, name: string) =>
  `${declaration}\n<?OFX OFXHEADER="200" VERSION="220" SECURITY="NONE" OLDFILEUID="NONE" NEWFILEUID="NONE"?>\n` +
  `<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>USD</CURDEF><BANKTRANLIST><DTSTART>20261101</DTSTART><DTEND>20261130</DTEND>` +
  `<STMTTRN><TRNTYPE>DEBIT</TRNTYPE><DTPOSTED>20261128</DTPOSTED><TRNAMT>-30.00</TRNAMT><FITID>1</FITID><NAME>${name}</NAME></STMTTRN>` +
  `</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>\n`;

const only = (bytes: Uint8Array) => parseOfxStatement(bytes).lines.map((l) => l.description);

describe("real OFX files from ofxparse's test suite", () => {
  it("bank_medium.ofx: three lines, McDonald's for $6.60 (ofxparse: payee, amount -6.60)", () => {
    const statement = parseOfxStatement(real("ofxparse-bank_medium.ofx"));
    expect(statement.lines).toHaveLength(3);
    expect(statement.lines[0]).toMatchObject({
      postedOn: "2009-04-01",
      amount: 660,
      description: "MCDONALD'S #112 POS MERCHANDISE;MCDONALD'S #112",
    });
    expect(statement.period).toEqual({ start: "2009-04-01", end: "2009-05-23" });
    expect(statement.currency).toBe("CAD");
  });

  it("suncorp.ofx: a CDATA payee is read, not stored empty (ofxparse: payee, memo, -16.85)", () => {
    const [line] = parseOfxStatement(real("ofxparse-suncorp.ofx")).lines;
    expect(line).toMatchObject({
      postedOn: "2013-12-15",
      amount: 1685,
      description:
        "EFTPOS WDL HANDYWAY ALDI STORE EFTPOS WDL HANDYWAY ALDI STORE GEELONG WEST VICAU",
      fitId: "1",
    });
  });

  it("fidelity.ofx: zero-padded four-decimal amounts that are exact in cents (ofxparse: 0.24)", () => {
    const statement = parseOfxStatement(real("ofxparse-fidelity.ofx"));
    expect(statement.lines.map((l) => [l.postedOn, l.amount])).toEqual([
      ["2012-07-31", -24],
      ["2012-08-20", 97],
      ["2012-08-31", -16],
    ]);
  });

  it("fidelity-savings.ofx: -1500.0000 is exact, +115.8331 would lose money and is refused naming its transaction", () => {
    expect(() => parseOfxStatement(real("ofxparse-fidelity-savings.ofx"))).toThrow(
      expect.objectContaining({
        fields: { file: ["statement_amount_inexact"] },
        details: { row: 2 },
      }),
    );
  });

  it("checking.ofx, anzcc.ofx and ofx-v102-empty-tags.ofx (an empty CURDEF is no currency)", () => {
    expect(
      parseOfxStatement(real("ofxparse-checking.ofx")).lines.map((l) => [l.postedOn, l.amount]),
    ).toEqual([
      ["2011-03-31", -1],
      ["2011-04-05", 3451],
      ["2011-04-07", 2500],
    ]);
    const anz = parseOfxStatement(real("ofxparse-anzcc.ofx"));
    expect(anz.accountLast4).toBe("1234");
    expect(anz.currency).toBe("AUD");
    const empty = parseOfxStatement(real("ofxparse-ofx-v102-empty-tags.ofx"));
    expect(empty.currency).toBeNull();
    expect(empty.lines).toEqual([
      { postedOn: "2018-05-07", amount: -1234, description: "CBA:Transfer", fitId: "" },
    ]);
  });
});

describe("encodings: the header is honoured", () => {
  it("OFX 1.x ENCODING:UTF-8: a Chinese merchant name comes out whole", () => {
    const bytes = Buffer.from(SGML_HEADER("UTF-8", "NONE") + sgml("爱奇艺会员 连续包月"), "utf8");
    expect(only(bytes)).toEqual(["爱奇艺会员 连续包月"]);
  });

  it("OFX 2.x XML is UTF-8 unless its declaration says otherwise", () => {
    expect(only(Buffer.from(xml('<?xml version="1.0"?>', "Café Müller — 爱奇艺"), "utf8"))).toEqual(
      ["Café Müller — 爱奇艺"],
    );
    expect(
      only(
        Buffer.from(xml('<?xml version="1.0" encoding="UTF-8" standalone="no"?>', "Ñandú"), "utf8"),
      ),
    ).toEqual(["Ñandú"]);
    const cp1252 = Buffer.from(
      xml('<?xml version="1.0" encoding="windows-1252"?>', "Caf\u00e9 \u0080 5"),
      "latin1",
    );
    expect(only(cp1252)).toEqual(["Café € 5"]);
    expect(ofxEncoding('<?xml version="1.0" encoding="ISO-8859-1"?>')).toBe("windows-1252");
  });

  it("CHARSET:1252 keeps € and — (bytes 0x80 and 0x97)", () => {
    const head = Buffer.from(SGML_HEADER("USASCII", "1252") + sgml("SPOTIFY X"), "latin1");
    const at = head.indexOf("SPOTIFY X") + 8;
    head[at] = 0x80; // €
    const bytes = Buffer.concat([
      head.subarray(0, at),
      Buffer.from([0x80, 0x20, 0x97, 0x20]),
      head.subarray(at + 1),
    ]);
    expect(only(bytes)).toEqual(["SPOTIFY € —"]);
  });

  it("a UTF-8 byte-order mark means UTF-8 whatever else is said", () => {
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(SGML_HEADER("USASCII", "1252") + sgml("腾讯视频"), "utf8"),
    ]);
    expect(only(bytes)).toEqual(["腾讯视频"]);
  });
});

describe("structure", () => {
  it("CDATA values, with markup inside taken as written", () => {
    const text = sgml("<![CDATA[NETFLIX.COM <ONLINE> & CO]]>");
    expect(parseOfxStatement(text).lines[0]!.description).toBe("NETFLIX.COM <ONLINE> & CO");
    expect(parseOfxStatement(sgml("AT&amp;T &#26376;")).lines[0]!.description).toBe("AT&T 月");
  });

  it("an empty MEMO in SGML does not swallow the fields after it", () => {
    const text = sgml("HULU").replace("<FITID>1", "<MEMO><FITID>1");
    expect(parseOfxStatement(text).lines[0]).toMatchObject({ description: "HULU", fitId: "1" });
  });
});

describe("the parser's work is linear in the file, whatever its shape", () => {
  const steps = (text: string) => {
    const meter: OfxMeter = { steps: 0 };
    try {
      parseOfxStatement(text, meter);
    } catch {
      // a hostile file is refused; what it cost is what is measured
    }
    return meter.steps;
  };
  const shapes: Record<string, (n: number) => string> = {
    "many unclosed aggregates closed by tags never opened": (n) =>
      `<OFX>${"<A>".repeat(Math.min(n, OFX_MAX_DEPTH - 2))}${"</B>".repeat(n)}`,
    "deep nesting": (n) => `<OFX>${"<A>\n".repeat(n)}`,
    "a long run with no '>'": (n) => `<OFX><NAME ${"x".repeat(n)}`,
    "many '<' without names": (n) => `<OFX><STMTTRN><NAME>${"<".repeat(n)}`,
    "many tags '<A' with no end": (n) => `<OFX>${"<A ".repeat(n)}`,
    "many lines": (n) =>
      `<OFX><BANKTRANLIST>${"<STMTTRN><DTPOSTED>20261128<TRNAMT>-1.00<FITID>1<NAME>X</STMTTRN>".repeat(n)}</BANKTRANLIST></OFX>`,
    "many closings of an open aggregate": (n) =>
      `<OFX>${"<A>".repeat(OFX_MAX_DEPTH - 2)}${"<B></B>".repeat(n)}`,
  };
  for (const [shape, make] of Object.entries(shapes)) {
    it(shape, () => {
      const n = 2_000;
      const small = steps(make(n));
      const large = steps(make(2 * n));
      // The meter counts (a refused file still cost something), and twice the file costs at most about twice the work.
      expect(small).toBeGreaterThan(0);
      expect(large).toBeLessThanOrEqual(2.2 * small);
    });
  }

  it("more tags than the limit are refused, counted before the work they would cost", () => {
    expect(OFX_MAX_TAGS).toBe(2_000_000);
    const limits = { depth: OFX_MAX_DEPTH, tags: 1_000 };
    const meter: OfxMeter = { steps: 0 };
    expect(() => parseOfxStatement(`<OFX>${"<B/>".repeat(100_000)}`, meter, limits)).toThrow(
      /more than 1000 tags/,
    );
    // It stopped at the limit, not at the end of the file.
    expect(meter.steps).toBeLessThan(10_000);
  });

  it("nesting deeper than the limit is refused with a clear error", () => {
    expect(() => parseOfxStatement(`<OFX>${"<A>\n".repeat(OFX_MAX_DEPTH + 1)}`)).toThrow(
      /more than 64 deep/,
    );
  });
});
