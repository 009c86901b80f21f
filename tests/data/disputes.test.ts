import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { disputePackData } from "@/lib/data/dispute-pack";
import { writeDisputePack } from "@/lib/documents/dispute-pack";
import { openCase, transitionCase } from "@/lib/data/cases";
import {
  disputesOfCase,
  fileDispute,
  getDispute,
  listDisputes,
  openDisputes,
  updateDispute,
} from "@/lib/data/disputes";
import { reminderFacts } from "@/lib/data/reminder-facts";
import { deleteImport } from "@/lib/data/statement-imports";
import { createSubscription } from "@/lib/data/subscriptions";
import { listTransactions } from "@/lib/data/transactions";
import { addDays, todayIn } from "@/lib/domain/dates";
import { importStatement } from "@/lib/services/import-statement";
import { MOBILE_PLAN, newUser } from "../support/fixtures";
import { CHASE_HEADER, chaseLine, statementUpload } from "../support/uploads";

// A dispute of a flagged charge, from filing to the outcome: one open
// dispute per line (even when two requests race), the owner's only, and a
// bad value changes nothing.

const today = () => todayIn("UTC");

/** A case confirmed 30 days ago and a $25.00 charge 20 days ago, flagged. */
async function flaggedCharge() {
  const user = { ...(await newUser({ timeZone: "UTC" })), timeZone: "UTC" };
  const sub = await createSubscription(user, MOBILE_PLAN);
  const kase = await openCase(user, {
    subscriptionId: sub.id,
    reason: "cost",
    occurredOn: addDays(today(), -40),
  });
  let version = kase.version;
  for (const to of ["bill_checked", "request_submitted", "confirmation_received"] as const) {
    ({ version } = await transitionCase(user, kase.id, {
      to,
      expectedVersion: version,
      occurredOn: addDays(today(), -30),
      ...(to === "confirmation_received" ? { confirmationNumber: "VZ-1" } : {}),
    }));
  }
  const { id: importId } = await importStatement(
    user,
    statementUpload(CHASE_HEADER + chaseLine(addDays(today(), -20), "VISIBLE SERVICE", "-25.00")),
  );
  const flagged = await listTransactions(user, { limit: 10, flagged: true });
  expect(flagged.items).toHaveLength(1);
  return { user, caseId: kase.id, importId, line: flagged.items[0]! };
}

describe("filing a dispute", () => {
  it("files one on the line, under the account's law, with the bank's duties", async () => {
    const { user, caseId, line } = await flaggedCharge();
    const filedOn = addDays(today(), -5);
    const dispute = await fileDispute(
      user,
      line.id,
      { filedOn, channel: "phone", reference: "CB-1" },
      today(),
    );
    expect(dispute).toMatchObject({
      transactionId: line.id,
      caseId,
      law: "fcba",
      filedOn,
      channel: "phone",
      reference: "CB-1",
      status: "filed",
      provisionalCreditOn: null,
      resolvedOn: null,
    });
    expect(dispute.bankDuties.map((d) => d.duty)).toEqual(["acknowledge", "resolve"]);
    expect(await getDispute(user, dispute.id, today())).toEqual(dispute);
    expect((await reminderFacts(user, today(), 7)).disputes).toEqual([
      {
        id: dispute.id,
        caseId,
        provider: "Visible",
        law: "fcba",
        filedOn,
        status: "filed",
        acknowledgedOn: null,
      },
    ]);
    expect((await openDisputes(user, today())).map((d) => d.id)).toEqual([dispute.id]);
    expect((await disputesOfCase(user, caseId, today())).map((d) => d.id)).toEqual([dispute.id]);
  });

  it("refuses a second open dispute of the line, even when two requests race", async () => {
    const { user, line } = await flaggedCharge();
    const input = { filedOn: today(), channel: "online" as const };
    const results = await Promise.allSettled([
      fileDispute(user, line.id, input, today()),
      fileDispute(user, line.id, input, today()),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: "conflict" });
    expect((await listDisputes(user, { limit: 10 }, today())).items).toHaveLength(1);
    await expect(fileDispute(user, line.id, input, today())).rejects.toMatchObject({
      code: "conflict",
    });
  });

  it("lets the line be disputed again once the first has an outcome", async () => {
    const { user, line } = await flaggedCharge();
    const first = await fileDispute(user, line.id, { filedOn: today(), channel: "mail" }, today());
    await updateDispute(user, first.id, { status: "withdrawn" }, today());
    const second = await fileDispute(user, line.id, { filedOn: today(), channel: "mail" }, today());
    expect(second.id).not.toBe(first.id);
  });

  it("refuses a day after today or before the charge, and stores nothing", async () => {
    const { user, line } = await flaggedCharge();
    await expect(
      fileDispute(user, line.id, { filedOn: addDays(today(), 1), channel: "phone" }, today()),
    ).rejects.toMatchObject({ code: "date_in_future", fields: { filedOn: ["date_in_future"] } });
    await expect(
      fileDispute(
        user,
        line.id,
        { filedOn: addDays(line.postedOn, -1), channel: "phone" },
        today(),
      ),
    ).rejects.toMatchObject({ code: "date_out_of_order" });
    expect((await listDisputes(user, { limit: 10 }, today())).items).toEqual([]);
  });

  it("answers not found for someone else's line and someone else's dispute", async () => {
    const mine = await flaggedCharge();
    const theirs = await flaggedCharge();
    await expect(
      fileDispute(mine.user, theirs.line.id, { filedOn: today(), channel: "phone" }, today()),
    ).rejects.toMatchObject({ code: "not_found" });
    const dispute = await fileDispute(
      theirs.user,
      theirs.line.id,
      { filedOn: today(), channel: "phone" },
      today(),
    );
    await expect(getDispute(mine.user, dispute.id, today())).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(
      updateDispute(mine.user, dispute.id, { status: "withdrawn" }, today()),
    ).rejects.toMatchObject({ code: "not_found" });
    expect((await getDispute(theirs.user, dispute.id, today())).status).toBe("filed");
    expect((await listDisputes(mine.user, { limit: 10 }, today())).items).toEqual([]);
  });
});

describe("following a dispute", () => {
  it("records a provisional credit, then the outcome, which closes it", async () => {
    const { user, line } = await flaggedCharge();
    const filedOn = addDays(today(), -10);
    const { id } = await fileDispute(user, line.id, { filedOn, channel: "online" }, today());
    const credited = await updateDispute(
      user,
      id,
      { status: "provisional_credit", provisionalCreditOn: addDays(today(), -3) },
      today(),
    );
    expect(credited).toMatchObject({
      status: "provisional_credit",
      provisionalCreditOn: addDays(today(), -3),
      provisionalCreditAmount: 2500,
    });
    const closed = await updateDispute(user, id, { status: "credited" }, today());
    expect(closed).toMatchObject({ status: "credited", resolvedOn: today() });
    expect(closed.bankDuties.every((d) => d.met === true && !d.late)).toBe(true);
    expect(await openDisputes(user, today())).toEqual([]);
    // A closed dispute is no longer the reminders' concern.
    expect((await reminderFacts(user, today(), 7)).disputes).toEqual([]);
    expect(
      (await listDisputes(user, { limit: 10, status: "credited" }, today())).items,
    ).toHaveLength(1);
  });

  it("records the bank's acknowledgement of a credit-card dispute; until then it is late after 30 days", async () => {
    const { user, line } = await flaggedCharge();
    expect(line.accountKind).toBe("credit_card");
    const { id, bankDuties } = await fileDispute(
      user,
      line.id,
      { filedOn: addDays(today(), -19), channel: "mail" },
      today(),
    );
    expect(bankDuties[0]).toMatchObject({ duty: "acknowledge", met: false, late: false });
    // A day before the filing changes nothing.
    await expect(
      updateDispute(user, id, { acknowledgedOn: addDays(today(), -20) }, today()),
    ).rejects.toMatchObject({ code: "date_out_of_order" });
    expect((await getDispute(user, id, today())).acknowledgedOn).toBeNull();
    const acknowledged = await updateDispute(
      user,
      id,
      { acknowledgedOn: addDays(today(), -5) },
      today(),
    );
    expect(acknowledged).toMatchObject({ status: "filed", acknowledgedOn: addDays(today(), -5) });
    expect(acknowledged.bankDuties[0]).toMatchObject({ duty: "acknowledge", met: true });
    expect((await reminderFacts(user, today(), 7)).disputes[0]).toMatchObject({
      acknowledgedOn: addDays(today(), -5),
    });
  });

  it("suggests the network's chargeback and the CFPB after a denial", async () => {
    const { user, line } = await flaggedCharge();
    const { id } = await fileDispute(
      user,
      line.id,
      { filedOn: today(), channel: "phone" },
      today(),
    );
    const denied = await updateDispute(user, id, { status: "denied" }, today());
    expect(denied.nextSteps).toEqual([
      { kind: "network_chargeback", until: addDays(line.postedOn, 120) },
      { kind: "cfpb_complaint" },
    ]);
  });

  it("refuses a bad move, day or amount, and changes nothing", async () => {
    const { user, line } = await flaggedCharge();
    const { id } = await fileDispute(
      user,
      line.id,
      { filedOn: addDays(today(), -2), channel: "phone" },
      today(),
    );
    const before = await getDispute(user, id, today());
    const bad = [
      [{ status: "provisional_credit", provisionalCreditAmount: 2501 }, "unprocessable"],
      [
        { status: "provisional_credit", provisionalCreditOn: addDays(today(), 1) },
        "date_in_future",
      ],
      [{ status: "denied", resolvedOn: addDays(today(), -3) }, "date_out_of_order"],
      [{ resolvedOn: today() }, "unprocessable"],
    ] as const;
    for (const [input, code] of bad) {
      await expect(updateDispute(user, id, input, today())).rejects.toMatchObject({ code });
    }
    expect(await getDispute(user, id, today())).toEqual(before);
    await updateDispute(user, id, { status: "denied" }, today());
    await expect(updateDispute(user, id, { status: "filed" }, today())).rejects.toMatchObject({
      code: "unprocessable",
    });
  });
});

it("goes with the statement import that holds its line", async () => {
  const { user, importId, line } = await flaggedCharge();
  const { id } = await fileDispute(user, line.id, { filedOn: today(), channel: "phone" }, today());
  await deleteImport(user, importId);
  await expect(getDispute(user, id, today())).rejects.toMatchObject({ code: "not_found" });
  expect((await listDisputes(user, { limit: 10 }, today())).items).toEqual([]);
});

it("is in the case's dispute pack with its days, in English and in Chinese", async () => {
  const { user, caseId, line } = await flaggedCharge();
  const { id } = await fileDispute(
    user,
    line.id,
    { filedOn: addDays(today(), -2), channel: "phone", reference: "CB-5521" },
    today(),
  );
  await updateDispute(user, id, { status: "provisional_credit" }, today());
  const data = await disputePackData({ ...user, name: "Mei Chen" }, caseId);
  expect(data.disputes.map((d) => d.id)).toEqual([id]);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "disputes-pack-"));
  for (const [locale, title, credit] of [
    ["en", "Disputes with the bank", "Provisional credit of $25.00"],
    ["zh-CN", "向银行提出的争议", "临时退款 US$25.00"],
  ] as const) {
    const file = path.join(dir, `${locale}.pdf`);
    await new Promise<void>((resolve, reject) => {
      const out = fs.createWriteStream(file);
      out.on("finish", resolve).on("error", reject);
      writeDisputePack(data, { locale, now: new Date(), lead: [] }, out).catch(reject);
    });
    const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).replace(
      /\s+/g,
      " ",
    );
    expect(text).toContain(title);
    expect(text).toContain("CB-5521");
    expect(text).toContain(credit.split(" ").at(-1)!);
  }
});
