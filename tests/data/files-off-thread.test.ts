import { describe, expect, it, vi } from "vitest";
import { openCase } from "@/lib/data/cases";
import { listSubscriptions } from "@/lib/data/subscriptions";
import { receiveReceipt } from "@/lib/services/receive-receipt";
import { importStatement } from "@/lib/services/import-statement";
import { importSubscriptions } from "@/lib/services/import-subscriptions";
import { createSubscription } from "@/lib/data/subscriptions";
import { bigStatementCsv } from "../support/hostile-files";
import { MOBILE_PLAN, newUser } from "../support/fixtures";
import { multipart, statementUpload } from "../support/uploads";

// Issue 30, point 14: uploaded files are parsed in the worker pool
// (lib/workers/pool.ts), never on the thread that serves requests. In this
// process the parsers are replaced by ones that throw: the imports still
// work, because the pool runs the real parsers from its own bundle.

const ON_THIS_THREAD = "a parser ran on the serving thread";
vi.mock("@/lib/documents/statement-csv", () => ({
  openCsvStatement: () => {
    throw new Error(ON_THIS_THREAD);
  },
  STATEMENT_ROWS_MAX: 100_000,
}));
vi.mock("@/lib/documents/statement-ofx", () => ({
  parseOfxStatement: () => {
    throw new Error(ON_THIS_THREAD);
  },
}));
vi.mock("csv-parse/sync", () => ({
  parse: () => {
    throw new Error(ON_THIS_THREAD);
  },
}));
vi.mock("postal-mime", () => ({
  default: {
    parse: () => {
      throw new Error(ON_THIS_THREAD);
    },
  },
  decodeWords: () => {
    throw new Error(ON_THIS_THREAD);
  },
}));

describe("uploaded files are read off the serving thread", () => {
  it("a 20,000-line statement is read in the pool and matched by the index", async () => {
    const user = await newUser();
    await createSubscription(user, { ...MOBILE_PLAN, provider: "Merchant 19999" });
    const result = await importStatement(
      user,
      statementUpload(bigStatementCsv(20_000), { account: "Chase ••4242", charges: "negative" }),
    );
    expect(result).toMatchObject({ lines: 20_000, added: 20_000, matched: 1 });
  }, 120_000);

  it("a subscriptions file is read in the pool", async () => {
    const user = await newUser();
    const result = await importSubscriptions(
      user,
      multipart(
        new File(["provider,amount,currency,billingCycle\nHulu,7.99,USD,monthly\n"], "subs.csv"),
        {},
        "http://localhost/api/v1/subscriptions/import",
      ),
    );
    expect(result.imported.map((i) => i.provider)).toEqual(["Hulu"]);
    expect((await listSubscriptions(user, { limit: 10 })).items).toHaveLength(1);
  });

  it("an .eml receipt is checked in the pool", async () => {
    const user = await newUser();
    const sub = await createSubscription(user, MOBILE_PLAN);
    const kase = await openCase(user, { subscriptionId: sub.id, reason: "cost" });
    const eml =
      "From: care@visible.example\r\nTo: me@example.com\r\nSubject: Cancelled\r\n" +
      "Date: Tue, 24 Nov 2026 10:00:00 -0800\r\nMIME-Version: 1.0\r\n" +
      "Content-Type: text/plain; charset=utf-8\r\n\r\nYour line is cancelled.\r\n";
    const receipt = await receiveReceipt(
      user,
      kase.id,
      multipart(
        new File([eml], "cancelled.eml"),
        { kind: "confirmation" },
        `http://localhost/api/v1/cases/${kase.id}/receipts`,
      ),
    );
    expect(receipt.mimeType).toBe("message/rfc822");
  });
});
