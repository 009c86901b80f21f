import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { transitionCase, updateCase } from "@/lib/data/cases";
import { getAccount, listAccounts, updateAccount } from "@/lib/data/statement-accounts";
import { listImports } from "@/lib/data/statement-imports";
import { listTransactions } from "@/lib/data/transactions";
import { addDays, todayIn } from "@/lib/domain/dates";
import { importStatement } from "@/lib/services/import-statement";
import { updateAccountSchema } from "@/lib/validation/accounts";
import { parseInput } from "@/lib/validation/parse";
import { MINT_MOBILE, newCase, newUser } from "../support/fixtures";
import { CHASE_HEADER, chaseLine, multipart, statementUpload } from "../support/uploads";

// Statement accounts (issue 34): every imported label has one, its kind is
// remembered per label and picks the deadlines of the label's charges, and
// only its owner can read or change it.

async function confirmedMint() {
  const user = { ...(await newUser({ timeZone: "UTC" })), timeZone: "UTC" };
  const { kase } = await newCase(user, MINT_MOBILE);
  await updateCase(user, kase.id, { confirmationNumber: "MM-7731", expectedVersion: 1 });
  await transitionCase(user, kase.id, { to: "bill_checked", expectedVersion: 2 });
  await transitionCase(user, kase.id, { to: "request_submitted", expectedVersion: 3 });
  await transitionCase(user, kase.id, { to: "confirmation_received", expectedVersion: 4 });
  return { user, kase };
}

const ofxUpload = (name: string, fields: Record<string, string>) =>
  multipart(
    new File([fs.readFileSync(`tests/fixtures/statements/${name}`)], name, {
      type: "application/x-ofx",
    }),
    fields,
  );

const kindsOf = async (user: { id: string }) =>
  (await listAccounts(user, { limit: 20 })).items.map((a) => [a.label, a.accountKind]);

describe("statement accounts", () => {
  it("an import's accountKind is remembered per label: kept when left out, replaced when given", async () => {
    const { user } = await confirmedMint();
    const after = addDays(todayIn("UTC"), 3);
    const statementDate = addDays(after, 2);
    const csv = (day: string) =>
      CHASE_HEADER + chaseLine(day, "MINT MOBILE 800-683-7392 CA", "-30.00");

    await importStatement(
      user,
      statementUpload(csv(after), {
        account: "Debit ••1111",
        accountKind: "debit_card",
        statementDate,
      }),
    );
    expect(await kindsOf(user)).toEqual([["Debit ••1111", "debit_card"]]);
    // The flagged charge is disputed under Regulation E and the card network.
    const [charge] = (await listTransactions(user, { limit: 10, flagged: true })).items;
    expect(charge).toMatchObject({ accountKind: "debit_card" });
    expect(charge!.disputeDeadlines.map((d) => [d.rule, d.on])).toEqual([
      ["reg_e", addDays(statementDate, 60)],
      ["network", addDays(after, 120)],
    ]);

    // Left out: the stored kind stays (not the credit-card default of a new label).
    await importStatement(
      user,
      statementUpload(csv(addDays(after, 1)), { account: "Debit ••1111" }),
    );
    expect(await kindsOf(user)).toEqual([["Debit ••1111", "debit_card"]]);
    // Given: it replaces the stored kind.
    await importStatement(
      user,
      statementUpload(csv(addDays(after, 2)), {
        account: "Debit ••1111",
        accountKind: "bank_account",
      }),
    );
    expect(await kindsOf(user)).toEqual([["Debit ••1111", "bank_account"]]);
  });

  it("a new label without a kind: an OFX credit-card statement and the API's default are credit cards; a bad kind imports nothing", async () => {
    const { user } = await confirmedMint();
    await importStatement(user, ofxUpload("chase.qfx", { account: "Chase QFX" }));
    await importStatement(user, ofxUpload("bank-v2.ofx", { account: "Bank OFX" }));
    expect(Object.fromEntries(await kindsOf(user))).toEqual({
      "Chase QFX": "credit_card",
      "Bank OFX": "credit_card",
    });

    await expect(
      importStatement(
        user,
        statementUpload(CHASE_HEADER + chaseLine("2026-11-01", "HULU", "-18.99"), {
          account: "New card",
          accountKind: "gift_card",
        }),
      ),
    ).rejects.toMatchObject({
      code: "validation_failed",
      fields: { accountKind: ["account_kind_invalid"] },
    });
    expect((await listImports(user, { limit: 10 })).items).toHaveLength(2);
    expect(await kindsOf(user)).toHaveLength(2);
  });

  it("lines are listed for one account", async () => {
    const { user } = await confirmedMint();
    const after = addDays(todayIn("UTC"), 3);
    const line = chaseLine(after, "MINT MOBILE 800-683-7392 CA", "-30.00");
    await importStatement(user, statementUpload(CHASE_HEADER + line, { account: "Card A" }));
    await importStatement(
      user,
      statementUpload(CHASE_HEADER + line + chaseLine(after, "COFFEE", "-5.00"), {
        account: "Card B",
      }),
    );
    const of = async (query: { account?: string; flagged?: boolean }) =>
      (await listTransactions(user, { limit: 10, ...query })).items.map((t) => [
        t.account,
        t.description,
      ]);
    expect(await of({ account: "Card A" })).toEqual([["Card A", "MINT MOBILE 800-683-7392 CA"]]);
    expect((await of({ account: "Card B" })).map(([, d]) => d).sort()).toEqual([
      "COFFEE",
      "MINT MOBILE 800-683-7392 CA",
    ]);
    expect(await of({ account: "Card B", flagged: true })).toEqual([
      ["Card B", "MINT MOBILE 800-683-7392 CA"],
    ]);
    expect(await of({ account: "Nobody's" })).toEqual([]);
  });

  it("details are changed by their owner only; bad values are refused and change nothing", async () => {
    const a = await confirmedMint();
    const b = await confirmedMint();
    await importStatement(
      a.user,
      statementUpload(CHASE_HEADER + chaseLine("2026-11-01", "HULU", "-18.99"), {
        account: "Card",
      }),
    );
    const [account] = (await listAccounts(a.user, { limit: 20 })).items;
    const changed = await updateAccount(
      a.user,
      account!.id,
      parseInput(updateAccountSchema, {
        accountKind: "debit_card",
        holderName: "  Wang Xiaoming ",
        holderAddress: "1 Main St\r\nApt 2\r\nSpringfield, IL 62701",
        issuerName: "Chase",
        issuerAddress: "",
      }),
    );
    expect(changed).toEqual({
      id: account!.id,
      label: "Card",
      accountKind: "debit_card",
      holderName: "Wang Xiaoming",
      holderAddress: "1 Main St\nApt 2\nSpringfield, IL 62701",
      issuerName: "Chase",
      issuerAddress: null,
    });

    // Another user's account is not found, and is left as it was.
    await expect(getAccount(b.user, account!.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(
      updateAccount(b.user, account!.id, { accountKind: "bank_account", holderName: "B" }),
    ).rejects.toMatchObject({ code: "not_found" });
    expect((await listAccounts(b.user, { limit: 20 })).items).toEqual([]);

    for (const bad of [
      { accountKind: "gift_card" },
      { holderName: "x".repeat(101) },
      { holderAddress: "x".repeat(301) },
      { label: "Renamed" },
    ]) {
      expect(() => parseInput(updateAccountSchema, bad)).toThrow(
        expect.objectContaining({ code: "validation_failed" }),
      );
    }
    expect(await getAccount(a.user, account!.id)).toEqual(changed);
  });
});
