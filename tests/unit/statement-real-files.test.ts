import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { openCsvStatement } from "@/lib/documents/statement-csv";
import { parseOfxStatement } from "@/lib/documents/statement-ofx";
import type { StatementLine } from "@/lib/domain/statements";

// Files from Actual Budget's import tests (tests/fixtures/README.md), read
// here and compared with what Actual's parse-file.test.ts asserts of them.

const path = (name: string) => `tests/fixtures/statements/real/${name}`;

async function csvLines(name: string, charges: "negative" | "positive") {
  const statement = await openCsvStatement(fs.createReadStream(path(name)), undefined, charges);
  const lines: StatementLine[] = [];
  for await (const batch of statement.batches) lines.push(...batch);
  return lines;
}

describe("Actual Budget's import fixtures", () => {
  it("windows-1252.csv: Café Rémy 100.25 and Boulangerie Müller -42.10 on 2025.12.04 and .05", async () => {
    // "Date,Payee,Amount" is no issuer's: the sign is asked (here: as written, charges positive).
    await expect(
      openCsvStatement(fs.createReadStream(path("actual-windows-1252.csv"))),
    ).rejects.toMatchObject({ fields: { charges: ["statement_sign_unknown"] } });
    expect(await csvLines("actual-windows-1252.csv", "positive")).toEqual([
      { postedOn: "2025-12-04", description: "Café Rémy", amount: 10025 },
      { postedOn: "2025-12-05", description: "Boulangerie Müller", amount: -4210 },
    ]);
  });

  it("windows-1252-euro.csv: byte 0x80 is € (Actual: 'Café €Rémy')", async () => {
    expect(await csvLines("actual-windows-1252-euro.csv", "positive")).toEqual([
      { postedOn: "2025-12-04", description: "Café €Rémy", amount: 10025 },
    ]);
  });

  it("data_gb18030.csv: Chinese payees in GB18030", async () => {
    expect(
      (await csvLines("actual-data_gb18030.csv", "negative")).map((l) => [l.description, l.amount]),
    ).toEqual([
      ["北京餐厅", 3500],
      ["上海超市", -5550],
      ["张伟", -9575],
    ]);
  });

  it("1252.qfx (CHARSET:1252) and utf-8.qfx (ENCODING:UTF-8) read the same payee and memo", () => {
    for (const name of ["actual-1252.qfx", "actual-utf-8.qfx"]) {
      const statement = parseOfxStatement(fs.readFileSync(path(name)));
      expect(statement.currency).toBe("CAD");
      expect(statement.lines).toEqual([
        {
          postedOn: "2022-10-19",
          amount: 2000,
          description: "Café Métro €uro Paiement 5€ — débit",
          fitId: name === "actual-1252.qfx" ? "cafe1252xx" : "cafeUtf8xx",
        },
      ]);
    }
  });
});
