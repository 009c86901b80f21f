import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { createSubscription } from "@/lib/data/subscriptions";
import {
  statementImportResultSchema,
  statementImportSchema,
  subscriptionImportResultSchema,
} from "@/lib/http/openapi/import-responses";
import { importStatement } from "@/lib/services/import-statement";
import { importSubscriptions } from "@/lib/services/import-subscriptions";
import { getImport, listImports } from "@/lib/data/statement-imports";
import { MINT_MOBILE, newUser } from "../support/fixtures";
import { CHASE_HEADER, chaseLine, multipart, statementUpload } from "../support/uploads";

// The API document lists the imports' answers field by field (lib/http/openapi/
// import-responses.ts). Real answers, as the route writes them to JSON, must
// parse with those schemas and lose nothing: a field the document leaves out
// would be stripped by the parse and the comparison would fail.

const asJson = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

function expectDescribed(schema: { parse: (value: unknown) => unknown }, answer: unknown) {
  const json = asJson(answer);
  expect(schema.parse(json)).toEqual(json);
}

describe("the import answers the API document describes", () => {
  it("a statement import, and the import read back, are what the document lists", async () => {
    const user = await newUser();
    await createSubscription(user, MINT_MOBILE);
    const result = await importStatement(
      user,
      statementUpload(
        CHASE_HEADER +
          chaseLine("2026-11-02", "MINT MOBILE 800-683-7392 CA", "-30.00") +
          chaseLine("2026-11-03", "COFFEE", "-5.00"),
        { account: "Chase ••4242", statementDate: "2026-11-20" },
      ),
    );
    expect(result).toMatchObject({ lines: 2, added: 2, matched: 1, issuer: "Chase" });
    expect(result.mapping).not.toBeNull();
    expectDescribed(statementImportResultSchema, result);
    expectDescribed(statementImportSchema, await getImport(user, result.id));
    const page = await listImports(user, { limit: 10 });
    expect(page.items).toHaveLength(1);
    expectDescribed(statementImportSchema, page.items[0]);
  });

  it("a subscription import with every list filled is what the document lists", async () => {
    const user = await newUser();
    const result = await importSubscriptions(
      user,
      multipart(
        new File([fs.readFileSync("tests/fixtures/subscriptions/wallos-export.json")], "w.json"),
        { dryRun: "true" },
        "http://localhost/api/v1/subscriptions/import",
      ),
    );
    expect(result.imported.length).toBeGreaterThan(0);
    expect(result.skipped.length).toBeGreaterThan(0);
    expect(result.currencyChoices.length).toBeGreaterThan(0);
    expect(result.cycleChoices.length).toBeGreaterThan(0);
    expectDescribed(subscriptionImportResultSchema, result);
  });
});
