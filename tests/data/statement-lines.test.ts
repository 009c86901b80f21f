import { describe, expect, it } from "vitest";
import { createSubscription } from "@/lib/data/subscriptions";
import { createImport, insertLines } from "@/lib/data/statement-imports";
import { FILTER_OPTIONS_MAX, lineFilterOptions } from "@/lib/data/statement-lines";
import { listTransactions } from "@/lib/data/transactions";
import { importStatement } from "@/lib/services/import-statement";
import { MINT_MOBILE, MOBILE_PLAN, newUser } from "../support/fixtures";
import { CHASE_HEADER, chaseLine, statementUpload } from "../support/uploads";

// The statement-lines page's filters (issue 34): the accounts and the
// subscriptions the user's own lines carry, and nothing of another user's,
// whichever ids a URL names.

async function userWithLines() {
  const user = { ...(await newUser({ timeZone: "UTC" })), timeZone: "UTC" };
  const mint = await createSubscription(user, MINT_MOBILE);
  // A subscription without a line is not offered as a filter.
  await createSubscription(user, MOBILE_PLAN);
  await importStatement(
    user,
    statementUpload(
      CHASE_HEADER +
        chaseLine("2026-10-03", "MINT MOBILE 800-683-7392 CA", "-30.00") +
        chaseLine("2026-10-04", "COFFEE", "-5.00"),
      { account: "Chase ••4242" },
    ),
  );
  await importStatement(
    user,
    statementUpload(CHASE_HEADER + chaseLine("2026-10-05", "BAKERY", "-7.00"), {
      account: "amex ••1001",
    }),
  );
  return { user, mint };
}

describe("statement-line filters", () => {
  it("offer the accounts and the subscriptions the user's lines carry, in name order", async () => {
    const { user, mint } = await userWithLines();
    expect(await lineFilterOptions(user)).toEqual({
      hasLines: true,
      accounts: ["amex ••1001", "Chase ••4242"],
      subscriptions: [{ id: mint.id, provider: "Mint Mobile", plan: null }],
    });
  });

  it("offer nothing to a user without lines, and nothing of another user's", async () => {
    await userWithLines();
    const other = await newUser();
    await createSubscription(other, MINT_MOBILE);
    expect(await lineFilterOptions(other)).toEqual({
      hasLines: false,
      accounts: [],
      subscriptions: [],
    });
  });

  it("with another user's subscription id or account label, list nothing (no error)", async () => {
    const { user, mint } = await userWithLines();
    const other = { ...(await newUser()), timeZone: "UTC" };
    await importStatement(
      other,
      statementUpload(CHASE_HEADER + chaseLine("2026-10-06", "TEA", "-3.00"), {
        account: "Chase ••4242",
      }),
    );
    const foreign = await listTransactions(other, { limit: 10, subscriptionId: mint.id });
    expect(foreign).toEqual({ items: [], nextCursor: null });
    const sameLabel = await listTransactions(other, { limit: 10, account: "Chase ••4242" });
    expect(sameLabel.items.map((line) => line.description)).toEqual(["TEA"]);
    const own = await listTransactions(user, { limit: 10, account: "Chase ••4242" });
    expect(own.items.map((line) => line.description)).toEqual([
      "COFFEE",
      "MINT MOBILE 800-683-7392 CA",
    ]);
  });
});

it("lists at most FILTER_OPTIONS_MAX accounts however many labels the lines carry", async () => {
  const { user } = await userWithLines();
  for (let i = 0; i < FILTER_OPTIONS_MAX + 5; i++) {
    const meta = { account: `label ${String(i).padStart(4, "0")}`, statementDate: null };
    const importId = await createImport(user, {
      ...meta,
      format: "csv",
      fileName: `${i}.csv`,
      issuer: null,
      periodStart: null,
      periodEnd: null,
    });
    await insertLines(user, importId, meta, [
      {
        postedOn: "2026-10-06",
        description: "BULK",
        amount: 100,
        currency: "USD",
        key: `bulk-${i}`,
        subscriptionId: null,
      },
    ]);
  }
  const options = await lineFilterOptions(user);
  expect(options.accounts).toHaveLength(FILTER_OPTIONS_MAX);
  expect(options.accounts[0]).toBe("amex ••1001");
});
