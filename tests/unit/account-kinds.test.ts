import { describe, expect, it } from "vitest";
import { defaultAccountKind, KNOWN_CARD_ISSUERS } from "@/lib/domain/account-kinds";

describe("the kind a new statement account is taken to be", () => {
  it("an OFX credit-card statement is a credit card; a bank statement is asked, whoever issued it", () => {
    expect(defaultAccountKind({ ofxAccountType: "credit_card", issuer: null })).toBe("credit_card");
    expect(defaultAccountKind({ ofxAccountType: "bank", issuer: null })).toBeNull();
    // The file's word beats the name: Chase issues debit cards too.
    expect(defaultAccountKind({ ofxAccountType: "bank", issuer: "Chase" })).toBeNull();
  });

  it("a CSV in a known issuer's card layout is a credit card; a checking export or an unknown one is asked", () => {
    for (const issuer of KNOWN_CARD_ISSUERS) {
      expect(defaultAccountKind({ ofxAccountType: null, issuer })).toBe("credit_card");
    }
    expect(defaultAccountKind({ ofxAccountType: null, issuer: "Chase checking" })).toBeNull();
    expect(defaultAccountKind({ ofxAccountType: null, issuer: "Wells Fargo" })).toBeNull();
    expect(defaultAccountKind({ ofxAccountType: null, issuer: null })).toBeNull();
  });
});
