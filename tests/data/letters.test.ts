import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/cases/[id]/letters/[kind]/route";
import { createApiToken } from "@/lib/data/api-tokens";
import { transitionCase, updateCase } from "@/lib/data/cases";
import { disputePackData } from "@/lib/data/dispute-pack";
import { letterFacts } from "@/lib/data/letters";
import type { SessionUser } from "@/lib/data/users";
// eslint-disable-next-line no-restricted-imports -- the account details are written directly: their page is d-accounts' part
import { db } from "@/lib/db/client";
import { writeDisputePack } from "@/lib/documents/dispute-pack";
import { writeLetterPdf } from "@/lib/documents/letter-pdf";
import { addDays, todayIn } from "@/lib/domain/dates";
import { lettersFor, renderLetter } from "@/lib/domain/letters";
import { packLetters } from "@/lib/services/build-dispute-pack";
import { importStatement } from "@/lib/services/import-statement";
import { MINT_MOBILE, newCase, newUser } from "../support/fixtures";
import { CHASE_HEADER, chaseLine, statementUpload } from "../support/uploads";

// A real case's letters: read owner-scoped, the account's holder details in
// them (never the display name), every kind's PDF read back with poppler in
// both languages, and the route's answers for the wrong case, kind or charge.

const work = fs.mkdtempSync(path.join(os.tmpdir(), "letters-"));
const ACCOUNT = "Chase Debit ••4821";

async function caseWithCharge(accountKind = "debit_card") {
  const registered = await newUser({ name: "王小明", timeZone: "America/Chicago" });
  const user: SessionUser = {
    id: registered.id,
    email: registered.email,
    name: "王小明",
    locale: "en",
    timeZone: "America/Chicago",
    sessionVersion: 0,
    dataVersion: 0,
  };
  const { kase } = await newCase(user, { ...MINT_MOBILE, plan: "Unlimited" });
  await updateCase(user, kase.id, { confirmationNumber: "MM-55120", expectedVersion: 1 });
  for (const [to, version] of [
    ["bill_checked", 2],
    ["request_submitted", 3],
    ["confirmation_received", 4],
  ] as const) {
    await transitionCase(user, kase.id, { to, expectedVersion: version });
  }
  const today = todayIn(user.timeZone);
  await db.statementAccount.create({
    data: {
      userId: user.id,
      label: ACCOUNT,
      accountKind,
      issuerName: "JPMorgan Chase Bank",
      issuerAddress: "PO Box 15299, Wilmington, DE 19850",
      holderName: "Xiaoming Wang",
      holderAddress: "12 Elm St, Springfield, IL 62704",
    },
  });
  await importStatement(
    user,
    statementUpload(
      CHASE_HEADER + chaseLine(addDays(today, 1), "MINT MOBILE 800-683-7392 CA", "-30.00"),
      { account: ACCOUNT, statementDate: addDays(today, 2) },
    ),
  );
  return { user, kase, today };
}

async function get(token: string, caseId: string, kind: string, query = "") {
  const request = new Request(`http://localhost/api/v1/cases/${caseId}/letters/${kind}${query}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  return GET(request, { params: Promise.resolve({ id: caseId, kind }) });
}

describe("a case's letters", () => {
  it("are written from the case and the account's holder details, never the display name", async () => {
    const { user, kase } = await caseWithCharge();
    const facts = await letterFacts(user, kase.id);
    expect(facts.accountKind).toBe("debit_card");
    expect(facts.accountLast4).toBe("4821");
    expect(facts.charges.map((c) => c.amount)).toEqual([3000]);
    expect(facts.deadline?.rule).toBe("reg_e");
    expect(lettersFor(facts)).toEqual([
      "reg_e_notice",
      "revoke_authorization",
      "merchant_final_notice",
      "cfpb_complaint",
      "fcc_complaint",
      "state_ag_complaint",
    ]);
    for (const kind of lettersFor(facts)) {
      for (const lang of ["en", "zh-CN"] as const) {
        const letter = renderLetter(kind, facts, lang);
        expect(letter.text).toContain("Xiaoming Wang");
        expect(letter.text).not.toContain("王小明");
        expect(letter.missing).toEqual([]);
      }
    }
  });

  it("render as PDFs whose text poppler reads back, English and Chinese", async () => {
    const { user, kase } = await caseWithCharge();
    const facts = await letterFacts(user, kase.id);
    const expected: Record<string, { en: string; zh: string }> = {
      reg_e_notice: { en: "Revocation of authorization", zh: "撤销授权" },
      revoke_authorization: { en: "block all future payments", zh: "止付指令" },
      merchant_final_notice: {
        en: "Final notice: stop charging me and refund",
        zh: "停止扣款并退款",
      },
      cfpb_complaint: { en: "A fair resolution", zh: "合理的解决方式" },
      fcc_complaint: { en: "Billing complaint about Mint Mobile", zh: "账单投诉" },
      state_ag_complaint: { en: "Attorney General of Illinois", zh: "总检察长" },
    };
    for (const kind of lettersFor(facts)) {
      for (const lang of ["en", "zh-CN"] as const) {
        const file = path.join(work, `${kind}-${lang}.pdf`);
        await new Promise<void>((resolve, reject) => {
          const out = fs.createWriteStream(file);
          out.on("finish", resolve).on("error", reject);
          writeLetterPdf(renderLetter(kind, facts, lang), new Date(), out).catch(reject);
        });
        const flat = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }).replace(
          /\s+/g,
          "",
        );
        const key = expected[kind]![lang === "en" ? "en" : "zh"];
        expect(flat, `${kind} ${lang}`).toContain(key.replace(/\s+/g, ""));
        expect(flat).toContain("XiaomingWang");
        expect(flat).toContain("MM-55120");
        if (kind !== "revoke_authorization") expect(flat).toContain("MINTMOBILE800-683-7392CA");
        if (lang === "zh-CN") expect(flat).toContain("本中文版本仅供您阅读理解");
      }
    }
  }, 120_000);

  it("through the API: text with an ASCII attachment name, 404 for another's case, a bad kind or charge", async () => {
    const { user, kase } = await caseWithCharge();
    const { token } = await createApiToken(user, "letters", 1);
    const ok = await get(token, kase.id, "reg_e_notice");
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(ok.headers.get("content-disposition")).toMatch(
      /^attachment; filename="letter-reg-e-notice-mint-mobile-\d{4}-\d{2}-\d{2}\.txt"$/,
    );
    expect(await ok.text()).toContain("Notice of error and revocation of authorization");
    const zh = await get(token, kase.id, "reg_e_notice", "?lang=zh-CN");
    expect(zh.headers.get("content-disposition")).toMatch(/-zh-CN\.txt"$/);
    expect(await zh.text()).toContain("撤销授权");

    const pdf = await get(token, kase.id, "merchant_final_notice", "?format=pdf");
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");

    // A debit card has no FCBA billing-error letter; an unknown kind is no letter.
    expect((await get(token, kase.id, "billing_error")).status).toBe(404);
    expect((await get(token, kase.id, "love_letter")).status).toBe(404);
    expect((await get(token, kase.id, "reg_e_notice", "?format=docx")).status).toBe(400);

    const [line] = await db.transaction.findMany({
      where: { userId: user.id },
      select: { id: true },
    });
    expect((await get(token, kase.id, "reg_e_notice", `?transactionId=${line!.id}`)).status).toBe(
      200,
    );
    expect((await get(token, kase.id, "reg_e_notice", "?transactionId=nope")).status).toBe(404);

    // Another user's case, and another user's charge on one's own case.
    const other = await caseWithCharge();
    expect((await get(token, other.kase.id, "reg_e_notice")).status).toBe(404);
    const [theirs] = await db.transaction.findMany({
      where: { userId: other.user.id },
      select: { id: true },
    });
    expect((await get(token, kase.id, "reg_e_notice", `?transactionId=${theirs!.id}`)).status).toBe(
      404,
    );
  }, 60_000);

  it("a credit card gets the FCBA letter; a streaming service no FCC complaint", async () => {
    const { user, kase } = await caseWithCharge("credit_card");
    const facts = await letterFacts(user, kase.id);
    expect(lettersFor(facts)).toContain("billing_error");
    expect(
      lettersFor({ ...facts, provider: { ...facts.provider, category: "streaming" } }),
    ).not.toContain("fcc_complaint");
    const text = renderLetter("billing_error", facts, "en").text;
    expect(text).toContain("JPMorgan Chase Bank");
    expect(text).toContain("Card ending in 4821");
  }, 60_000);

  it("can go into the dispute pack, after the record (?letters=1)", async () => {
    const { user, kase } = await caseWithCharge();
    const { lead, more: letters } = await packLetters(user, kase.id, "zh-CN", true);
    // A debit card's pack leads with the Regulation E notice, in English then Chinese.
    expect(lead.map((l) => [l.kind, l.lang])).toEqual([
      ["reg_e_notice", "en"],
      ["reg_e_notice", "zh-CN"],
    ]);
    expect(letters.map((l) => l.kind)).not.toContain("reg_e_notice");
    expect(letters.map((l) => l.kind)).toContain("revoke_authorization");
    const data = await disputePackData(user, kase.id);
    const file = path.join(work, "pack-with-letters.pdf");
    await new Promise<void>((resolve, reject) => {
      const out = fs.createWriteStream(file);
      out.on("finish", resolve).on("error", reject);
      writeDisputePack(data, { locale: "zh-CN", now: new Date(), lead, letters }, out).catch(
        reject,
      );
    });
    const flat = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }).replace(/\s+/g, "");
    expect(flat).toContain("Revocationofauthorization");
    expect(flat).toContain("撤销授权：");
    expect(flat.indexOf("Revocationofauthorization")).toBeGreaterThan(flat.indexOf("MM-55120"));
  }, 120_000);
});
