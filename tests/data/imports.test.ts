import { createHash } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { getCase } from "@/lib/data/case-record";
import { transitionCase, updateCase } from "@/lib/data/cases";
import { createSubscription, updateSubscription } from "@/lib/data/subscriptions";
import { reminderFacts } from "@/lib/data/reminder-facts";
import { listImports, STATEMENT_IMPORTS_PER_USER } from "@/lib/data/statement-imports";
import { flaggedCharges } from "@/lib/data/flagged-charges";
import { listTransactions } from "@/lib/data/transactions";
// eslint-disable-next-line no-restricted-imports -- 600 confirmed cases are written directly; the workflow is tested elsewhere
import { db } from "@/lib/db/client";
import { addDays, todayIn } from "@/lib/domain/dates";
import { importStatement } from "@/lib/services/import-statement";
import { MINT_MOBILE, newCase, newUser } from "../support/fixtures";
import { CHASE_HEADER, usDate, chaseLine, multipart, statementUpload } from "../support/uploads";

// Statement imports end to end below HTTP: a real multipart Request through
// the same code the route runs.

async function confirmedMint() {
  const user = { ...(await newUser({ timeZone: "UTC" })), timeZone: "UTC" };
  const { sub, kase } = await newCase(user, MINT_MOBILE);
  await updateCase(user, kase.id, { confirmationNumber: "MM-7731", expectedVersion: 1 });
  await transitionCase(user, kase.id, { to: "bill_checked", expectedVersion: 2 });
  await transitionCase(user, kase.id, { to: "request_submitted", expectedVersion: 3 });
  await transitionCase(user, kase.id, { to: "confirmation_received", expectedVersion: 4 });
  return { user, sub, kase };
}

afterEach(() => {
  delete process.env.TRANSACTIONS_PER_USER_MAX;
});

describe("statement imports", () => {
  it("store each line once across overlapping imports, matched to its subscription, and flag a later charge", async () => {
    const { user, sub, kase } = await confirmedMint();
    const today = todayIn("UTC");
    const before = addDays(today, -20);
    const after = addDays(today, 10);
    const first = await importStatement(
      user,
      statementUpload(
        CHASE_HEADER +
          chaseLine(before, "MINT MOBILE 800-683-7392 CA", "-30.00") +
          chaseLine(before, "COFFEE", "-5.00") +
          chaseLine(before, "COFFEE", "-5.00"),
      ),
    );
    expect(first).toMatchObject({
      lines: 3,
      added: 3,
      duplicates: 0,
      matched: 1,
      issuer: "Chase",
      format: "csv",
    });

    // The next statement overlaps the first: its old lines are not added again.
    const second = await importStatement(
      user,
      statementUpload(
        CHASE_HEADER +
          chaseLine(before, "MINT MOBILE 800-683-7392 CA", "-30.00") +
          chaseLine(before, "COFFEE", "-5.00") +
          chaseLine(before, "COFFEE", "-5.00") +
          chaseLine(after, "MINT MOBILE 800-683-7392 CA", "-30.00"),
        {
          account: "Chase ••4242",
          statementDate: addDays(after, 3),
        },
      ),
    );
    expect(second).toMatchObject({ lines: 4, added: 1, duplicates: 3, matched: 2 });

    const all = await listTransactions(user, { limit: 20 });
    expect(all.items).toHaveLength(4);
    const flagged = await listTransactions(user, { limit: 20, flagged: true });
    expect(
      flagged.items.map((t) => [t.postedOn, t.amount, t.kind, t.caseId, t.subscriptionId]),
    ).toEqual([[after, 3000, "after", kase.id, sub.id]]);
    expect(flagged.items[0]!.disputeBy).toBe(addDays(addDays(after, 3), 60));
    // An account with no kind set is a credit card: the FCBA's 60 days, then the network's 120.
    expect(flagged.items[0]!.accountKind).toBe("credit_card");
    expect(flagged.items[0]!.disputeDeadlines).toEqual([
      { rule: "fcba", on: addDays(addDays(after, 3), 60) },
      { rule: "network", on: addDays(after, 120) },
    ]);
    // The reminders read it: a "charge" reminder today, one a week before each deadline.
    const reminderView = await reminderFacts(user, today, 60);
    expect(reminderView.charges).toEqual([
      {
        id: flagged.items[0]!.id,
        caseId: kase.id,
        provider: "Mint Mobile",
        postedOn: after,
        importedOn: today,
        disputeDeadlines: flagged.items[0]!.disputeDeadlines,
      },
    ]);
    const mine = await listTransactions(user, { limit: 20, subscriptionId: sub.id });
    expect(mine.items.map((t) => t.kind)).toEqual(["after", "before"]);

    // Told to expect a final bill of that amount, the charge is no longer flagged.
    await updateCase(user, kase.id, { expectedFinalBill: 3000 });
    expect((await listTransactions(user, { limit: 20, flagged: true })).items).toEqual([]);

    // A second charge of the same amount is flagged; reopening the case over
    // it keeps it flagged (the first confirmation stays the cut-off).
    const later = addDays(today, 40);
    await importStatement(
      user,
      statementUpload(CHASE_HEADER + chaseLine(later, "MINTMOBILE.COM", "-30.00"), {
        account: "Chase ••4242",
      }),
    );
    const reopened = await transitionCase(user, kase.id, {
      to: "under_review",
      comment: "Charged again",
      expectedVersion: (await getCase(user, kase.id)).version,
    });
    expect(reopened.state).toBe("under_review");
    const still = await listTransactions(user, { limit: 20, flagged: true });
    // A CSV has no statement date: of a card's deadlines only the network's 120 days is known.
    expect(still.items.map((t) => [t.postedOn, t.kind, t.caseId, t.disputeBy])).toEqual([
      [later, "after", kase.id, addDays(later, 120)],
    ]);
    expect(still.items[0]!.disputeDeadlines).toEqual([
      { rule: "network", on: addDays(later, 120) },
    ]);
    expect(
      (await listTransactions(user, { limit: 20, subscriptionId: sub.id })).items.map(
        (t) => t.kind,
      ),
    ).toEqual(["after", "final_bill", "before"]);
  });

  it("flags charges for a user watching hundreds of cancelled subscriptions (more than one query's parameters)", async () => {
    const { user, sub } = await confirmedMint();
    // 600 more confirmed cancellations, written directly (the workflow is tested elsewhere).
    const ids = Array.from(
      { length: 600 },
      (_, i) => `w${i}${Math.random().toString(36).slice(2)}`,
    );
    const at = new Date(Date.UTC(2026, 0, 10));
    await db.subscription.createMany({
      data: ids.map((id, i) => ({
        id: `s${id}`,
        userId: user.id,
        provider: `Plan ${i}`,
        category: "other",
        amount: 1000,
        currency: "USD",
        billingCycle: "monthly",
      })),
    });
    await db.cancellationCase.createMany({
      data: ids.map((id) => ({
        id: `c${id}`,
        userId: user.id,
        subscriptionId: `s${id}`,
        reason: "cost",
        state: "confirmation_received",
        openedOn: "2026-01-10",
      })),
    });
    await db.caseEvent.createMany({
      data: ids.map((id) => ({
        userId: user.id,
        caseId: `c${id}`,
        from: "request_submitted",
        to: "confirmation_received",
        at,
        occurredOn: "2026-01-10",
        seq: 1,
      })),
    });
    const after = addDays(todayIn("UTC"), 10);
    await importStatement(
      user,
      statementUpload(CHASE_HEADER + chaseLine(after, "MINT MOBILE", "-30.00")),
    );
    const flagged = await flaggedCharges(user);
    expect(flagged.map((t) => [t.subscriptionId, t.postedOn])).toEqual([[sub.id, after]]);
  });

  it("a checking account's export: the sign is asked (422) until charges= says it; then a withdrawal is a charge and is flagged", async () => {
    const { user, kase } = await confirmedMint();
    const after = addDays(todayIn("UTC"), 5);
    const checking =
      "Date,Description,Amount,Balance,Check Number\n" +
      `${usDate(after)},MINT MOBILE ACH PAYMENT,($30.00),"1,170.00",\n` +
      `${usDate(after)},PAYROLL ACME,"1,200.00","1,200.00",\n`;
    await expect(importStatement(user, statementUpload(checking))).rejects.toMatchObject({
      code: "unprocessable",
      fields: { charges: ["statement_sign_unknown"] },
    });
    expect((await listImports(user, { limit: 10 })).items).toEqual([]);
    await expect(
      importStatement(
        user,
        statementUpload(checking, { account: "Checking", charges: "sideways" }),
      ),
    ).rejects.toMatchObject({ fields: { charges: ["charges_invalid"] } });
    const imported = await importStatement(
      user,
      statementUpload(checking, { account: "Checking", charges: "negative" }),
    );
    expect(imported).toMatchObject({ issuer: null, added: 2, matched: 1 });
    const flagged = await listTransactions(user, { limit: 10, flagged: true });
    expect(flagged.items.map((t) => [t.amount, t.caseId])).toEqual([[3000, kase.id]]);
  });

  it("a bad file imports nothing; the line limit is counted before the work", async () => {
    const { user } = await confirmedMint();
    await expect(
      importStatement(
        user,
        statementUpload(
          CHASE_HEADER +
            chaseLine("2026-11-01", "HULU", "-18.99") +
            "13/45/2026,x,HULU,Bills,Sale,-1.00,\n",
        ),
      ),
    ).rejects.toMatchObject({ fields: { file: ["statement_bad_date"] } });
    await expect(
      importStatement(user, statementUpload("just some text\nwith no columns\n")),
    ).rejects.toMatchObject({
      fields: { file: ["statement_columns_unknown"] },
    });
    await expect(importStatement(user, statementUpload(CHASE_HEADER, {}))).rejects.toMatchObject({
      fields: { account: ["account_required"] },
    });
    expect((await listImports(user, { limit: 10 })).items).toEqual([]);

    process.env.TRANSACTIONS_PER_USER_MAX = "2";
    await expect(
      importStatement(
        user,
        statementUpload(
          CHASE_HEADER +
            chaseLine("2026-11-01", "A", "-1.00") +
            chaseLine("2026-11-02", "B", "-1.00") +
            chaseLine("2026-11-03", "C", "-1.00"),
        ),
      ),
    ).rejects.toMatchObject({ code: "limit_reached" });
    expect((await listTransactions(user, { limit: 10 })).items).toEqual([]);
  });

  it("refuses another import, before reading the file, when the user keeps the most", async () => {
    const user = await newUser();
    // The same file imported again adds an import and no line: lines alone do not bound them.
    await db.statementImport.createMany({
      data: Array.from({ length: STATEMENT_IMPORTS_PER_USER }, (_, i) => ({
        userId: user.id,
        account: "Chase ••1234",
        format: "csv",
        fileName: `statement-${i}.csv`,
        lines: 1,
        added: 0,
        duplicates: 1,
      })),
    });
    let read = false;
    const upload = statementUpload(CHASE_HEADER + chaseLine("2026-11-01", "A", "-1.00"));
    await expect(
      importStatement(user, (...args) => {
        read = true;
        return upload(...args);
      }),
    ).rejects.toMatchObject({
      code: "limit_reached",
      details: { limit: STATEMENT_IMPORTS_PER_USER },
    });
    expect(read).toBe(false);
    expect(await db.statementImport.count({ where: { userId: user.id } })).toBe(
      STATEMENT_IMPORTS_PER_USER,
    );
    // Another user is not affected.
    const other = await newUser();
    await importStatement(
      other,
      statementUpload(CHASE_HEADER + chaseLine("2026-11-01", "A", "-1.00")),
    );
  });

  it("reads an OFX file, with its statement date", async () => {
    const { user } = await confirmedMint();
    const fs = await import("node:fs");
    const qfx = () =>
      multipart(new File([fs.readFileSync("tests/fixtures/statements/chase.qfx")], "chase.qfx"), {
        account: "Chase Freedom",
      });
    const result = await importStatement(user, qfx());
    expect(result).toMatchObject({
      format: "ofx",
      lines: 3,
      added: 3,
      statementDate: "2026-12-04",
      periodStart: "2026-11-05",
    });
    expect(await importStatement(user, qfx())).toMatchObject({ added: 0, duplicates: 3 });
  });

  it("lines are matched again when a subscription is added or given new patterns", async () => {
    const user = await newUser();
    await importStatement(
      user,
      statementUpload(
        CHASE_HEADER +
          chaseLine("2026-11-02", "TMOBILE*AUTO PAY 800-937-8997 WA", "-65.00") +
          chaseLine("2026-11-03", "HULU 877-8244858 CA", "-18.99"),
      ),
    );
    const owner = async () =>
      (await listTransactions({ ...user, timeZone: "UTC" }, { limit: 10 })).items.map((t) => [
        t.description.slice(0, 4),
        t.subscriptionId,
      ]);
    expect(await owner()).toEqual([
      ["HULU", null],
      ["TMOB", null],
    ]);

    const hulu = await createSubscription(user, {
      provider: "Hulu",
      category: "streaming",
      amount: 1899,
      currency: "USD",
      billingCycle: "monthly",
    });
    const phone = await createSubscription(user, {
      provider: "T-Mobile",
      category: "mobile",
      amount: 6500,
      currency: "USD",
      billingCycle: "monthly",
    });
    expect(phone.merchantPatterns).toEqual(["T MOBILE", "TMOBILE"]);
    expect(await owner()).toEqual([
      ["HULU", hulu.id],
      ["TMOB", phone.id],
    ]);

    // Patterns that no longer fit let the line go.
    const edited = await updateSubscription(user, phone.id, { merchantPatterns: ["MAGENTA"] });
    expect(edited.merchantPatterns).toEqual(["MAGENTA"]);
    expect(await owner()).toEqual([
      ["HULU", hulu.id],
      ["TMOB", null],
    ]);
  });

  it("OFX: a reused FITID with another date or amount is a new line; re-importing adds nothing; a UTF-8 Chinese payee matches", async () => {
    const user = { ...(await newUser({ timeZone: "UTC" })), timeZone: "UTC" };
    const iqiyi = await createSubscription(user, {
      provider: "爱奇艺",
      category: "streaming",
      amount: 1500,
      currency: "CNY",
      billingCycle: "monthly",
      merchantPatterns: ["爱奇艺会员"],
    });
    const trn = (date: string, amount: string, name: string) =>
      `<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>${date}<TRNAMT>${amount}<FITID>1<NAME>${name}</STMTTRN>`;
    const ofx = (lines: string) =>
      Buffer.from(
        "OFXHEADER:100\r\nDATA:OFXSGML\r\nVERSION:102\r\nSECURITY:NONE\r\nENCODING:UTF-8\r\nCHARSET:NONE\r\nCOMPRESSION:NONE\r\nOLDFILEUID:NONE\r\nNEWFILEUID:NONE\r\n\r\n" +
          `<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>CNY<BANKACCTFROM><ACCTID>6222020000001234</BANKACCTFROM>` +
          `<BANKTRANLIST><DTSTART>20261101<DTEND>20261231${lines}</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>`,
        "utf8",
      );
    const send = (bytes: Buffer) =>
      importStatement(
        user,
        multipart(new File([new Uint8Array(bytes)], "statement.ofx"), { account: "ICBC ••1234" }),
      );
    const november = trn("20261115", "-15.00", "爱奇艺会员 连续包月");
    expect(await send(ofx(november))).toMatchObject({ lines: 1, added: 1, matched: 1 });
    // The bank numbers each day's lines from 1 again: December's charge reuses FITID 1.
    const both = ofx(november + trn("20261215", "-15.00", "爱奇艺会员 连续包月"));
    expect(await send(both)).toMatchObject({ lines: 2, added: 1, duplicates: 1, matched: 2 });
    expect(await send(both)).toMatchObject({ lines: 2, added: 0, duplicates: 2 });
    const stored = await listTransactions(user, { limit: 10, subscriptionId: iqiyi.id });
    expect(stored.items.map((t) => [t.postedOn, t.amount, t.description])).toEqual([
      ["2026-12-15", 1500, "爱奇艺会员 连续包月"],
      ["2026-11-15", 1500, "爱奇艺会员 连续包月"],
    ]);

    // A line stored before dates and amounts joined the key (its FITID alone)
    // is still recognised when its date and amount agree.
    const legacy = createHash("sha256").update("ofx|ICBC ••1234|1").digest("base64url");
    await db.transaction.updateMany({
      where: { userId: user.id, postedOn: "2026-11-15" },
      data: { dedupeKey: legacy },
    });
    expect(await send(both)).toMatchObject({ added: 0, duplicates: 2 });
  });
});
