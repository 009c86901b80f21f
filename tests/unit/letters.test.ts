import { describe, expect, it } from "vitest";
import {
  LETTER_KINDS,
  LETTER_SOURCES,
  lettersFor,
  renderLetter,
  stateOf,
  type LetterFacts,
} from "@/lib/domain/letters";
import { LOCALES } from "@/lib/domain/locales";

const full: LetterFacts = {
  holder: {
    legalName: "Xiaoming Wang",
    address: "12 Elm St, Springfield, IL 62704",
    email: "xm@example.com",
  },
  issuer: { name: "Chase", address: "PO Box 15299, Wilmington, DE 19850" },
  accountKind: "debit_card",
  accountLast4: "4821",
  provider: { name: "Mint Mobile", plan: "Unlimited", category: "mobile", accountRef: "••••9921" },
  charges: [
    {
      postedOn: "2026-11-20",
      amount: 3000,
      currency: "USD",
      description: "MINT MOBILE 800-683-7392",
      statementDate: "2026-11-30",
    },
  ],
  cancellation: { confirmedOn: "2026-11-01", confirmationNumber: "MM-55120", how: null },
  deadline: { rule: "reg_e", on: "2027-01-29" },
  today: "2026-12-06",
};

const empty: LetterFacts = {
  ...full,
  holder: { legalName: null, address: null, email: null },
  issuer: { name: null, address: null },
  accountLast4: null,
  charges: [],
  cancellation: { confirmedOn: null, confirmationNumber: null, how: null },
  deadline: null,
};

describe("letters", () => {
  for (const kind of LETTER_KINDS) {
    for (const lang of LOCALES) {
      it(`${kind} in ${lang} carries the case's facts`, () => {
        const letter = renderLetter(kind, full, lang);
        const zh = lang === "zh-CN";
        expect(letter.missing).toEqual([]);
        for (const fact of [
          "Xiaoming Wang",
          "12 Elm St, Springfield, IL 62704",
          "Mint Mobile",
          "MM-55120",
        ]) {
          expect(letter.text).toContain(fact);
        }
        // The revocation is about the future debits, not one charge.
        if (kind !== "revoke_authorization") {
          expect(letter.text).toContain(zh ? "US$30.00" : "$30.00");
          expect(letter.text).toContain(zh ? "2026年11月20日" : "Nov 20, 2026");
        }
        expect(letter.text).toContain(zh ? "2026年11月1日" : "Nov 1, 2026");
        if (!["merchant_final_notice", "fcc_complaint", "state_ag_complaint"].includes(kind)) {
          expect(letter.text).toContain("Chase");
        }
        // The Chinese one is to read; it says at the top that the English one is sent.
        expect(letter.text.startsWith("（本中文版本仅供您阅读理解。请寄出或提交英文版本。）")).toBe(
          zh,
        );
        expect(letter.text).not.toMatch(/\[Your|\[您的/);
        expect(letter.title.length).toBeGreaterThan(5);
        expect(letter.howToSend.length).toBeGreaterThan(5);
      });

      it(`${kind} in ${lang}: a missing fact is a placeholder, never a guess`, () => {
        const letter = renderLetter(kind, empty, lang);
        const zh = lang === "zh-CN";
        expect(letter.text).toContain(zh ? "[您的法定姓名]" : "[Your legal name]");
        expect(letter.text).toContain(zh ? "[您的邮寄地址]" : "[Your mailing address]");
        expect(letter.text).toContain(
          zh ? "[确认取消的日期]" : "[Date the cancellation was confirmed]",
        );
        expect(letter.missing).toEqual(
          expect.arrayContaining(["legal_name", "mailing_address", "confirmation"]),
        );
        expect(letter.text).not.toContain("undefined");
        expect(letter.text).not.toContain("null");
      });
    }
  }

  it("signs a letter with the legal name, or the placeholder when there is none", () => {
    for (const kind of ["billing_error", "reg_e_notice", "merchant_final_notice"] as const) {
      const signed = renderLetter(kind, full, "en").text.split("______________________\n")[1]!;
      expect(signed.split("\n")[0]).toBe("Xiaoming Wang");
      const unsigned = renderLetter(kind, empty, "en").text.split("______________________\n")[1]!;
      expect(unsigned.split("\n")[0]).toBe("[Your legal name]");
    }
  });

  it("the Reg E notice revokes the merchant's authorization; the FCBA letter names the Act", () => {
    expect(renderLetter("reg_e_notice", full, "en").text).toMatch(
      /Revocation of authorization: I revoked Mint Mobile's authorization[^]*block all future payments/,
    );
    expect(renderLetter("reg_e_notice", full, "zh-CN").text).toContain("撤销授权");
    const card = {
      ...full,
      accountKind: "credit_card" as const,
      deadline: { rule: "fcba" as const, on: "2027-01-29" },
    };
    const fcba = renderLetter("billing_error", card, "en").text;
    expect(fcba).toContain("Fair Credit Billing Act (15 U.S.C. § 1666");
    expect(fcba).toContain("Card ending in 4821");
    expect(fcba).toContain("within 30 days");
  });

  it("claims to be in time only while the deadline is ahead", () => {
    const inTime = renderLetter("reg_e_notice", full, "en").text;
    expect(inTime).toContain(
      "within 60 days of the statement that first showed the charge (by Jan 29, 2027)",
    );
    const late = renderLetter("reg_e_notice", { ...full, today: "2027-01-30" }, "en").text;
    expect(late).not.toContain("within 60 days of the statement");
  });

  it("offers the card letter or the bank letters by the account, and the FCC's only to carriers", () => {
    expect(lettersFor({ accountKind: "credit_card", provider: full.provider })).toEqual([
      "billing_error",
      "merchant_final_notice",
      "cfpb_complaint",
      "fcc_complaint",
      "state_ag_complaint",
    ]);
    expect(
      lettersFor({
        accountKind: "bank_account",
        provider: { ...full.provider, category: "streaming" },
      }),
    ).toEqual([
      "reg_e_notice",
      "revoke_authorization",
      "merchant_final_notice",
      "cfpb_complaint",
      "state_ag_complaint",
    ]);
  });

  it("takes the state from an address that ends with a US state code and ZIP, else asks for it", () => {
    expect(stateOf("12 Elm St, Springfield, IL 62704")).toEqual({ code: "IL", name: "Illinois" });
    expect(stateOf("1 Main St\nAustin, TX 78701")).toEqual({ code: "TX", name: "Texas" });
    // Without a ZIP code a country code would read as a state.
    expect(stateOf("Alexanderplatz 1, 10178 Berlin, DE")).toBeNull();
    expect(stateOf("100 Queen St W, Toronto, CA")).toBeNull();
    expect(stateOf("1 Main St\nAustin, TX")).toBeNull();
    expect(stateOf("1 Main St, Austin, TX 78701-1234, USA")).toEqual({ code: "TX", name: "Texas" });
    expect(stateOf("北京市朝阳区 100020")).toBeNull();
    expect(stateOf("10 Downing St, London SW1A 2AA")).toBeNull();
    expect(stateOf(null)).toBeNull();
    expect(renderLetter("state_ag_complaint", full, "en").text).toContain(
      "Attorney General of Illinois",
    );
    const abroad = renderLetter(
      "state_ag_complaint",
      { ...full, holder: { ...full.holder, address: "Shanghai" } },
      "en",
    );
    expect(abroad.text).toContain("[Your state]");
    expect(abroad.missing).toContain("state");
  });

  it("says how it was cancelled, in the letter's language, when a contact says so", () => {
    const byPhone = { ...full, cancellation: { ...full.cancellation, how: "phone" as const } };
    expect(renderLetter("cfpb_complaint", byPhone, "en").text).toContain(
      "subscription (account ••••9921) by phone.",
    );
    expect(renderLetter("cfpb_complaint", byPhone, "zh-CN").text).toContain("（通过电话）");
    const other = { ...full, cancellation: { ...full.cancellation, how: "other" as const } };
    expect(renderLetter("cfpb_complaint", other, "en").text).toContain(
      "subscription (account ••••9921). ",
    );
  });

  it("names where each statement about the law was read", () => {
    for (const kind of [
      "billing_error",
      "reg_e_notice",
      "revoke_authorization",
      "cfpb_complaint",
      "fcc_complaint",
    ] as const) {
      expect(LETTER_SOURCES[kind].length).toBeGreaterThan(0);
      for (const source of LETTER_SOURCES[kind]) expect(source.url).toMatch(/^https?:\/\//);
    }
  });
});
