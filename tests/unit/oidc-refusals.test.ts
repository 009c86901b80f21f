import { describe, expect, it } from "vitest";
import { isOidcLoginError, oidcLoginError, OIDC_LOGIN_ERRORS } from "@/lib/domain/oidc-refusals";
import { unlinkVerdict } from "@/lib/domain/oidc-unlink";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";

describe("what a refused single sign-on says (lib/domain/oidc-refusals.ts)", () => {
  it("groups the reasons into the codes the login page knows", () => {
    expect(oidcLoginError("flow_missing")).toBe("oidc_state");
    expect(oidcLoginError("answer_refused")).toBe("oidc_state");
    expect(oidcLoginError("provider_error")).toBe("oidc_provider");
    expect(oidcLoginError("identity_of_another_account")).toBe("oidc_identity_taken");
    expect(oidcLoginError("registration_closed")).toBe("oidc_registration_closed");
  });

  it("takes only its own codes from the address bar, and says each in both languages", () => {
    expect(isOidcLoginError("oidc_link_needs_proof")).toBe(true);
    for (const value of ["CredentialsSignin", "oidc_", "toString", ["oidc_state"], null]) {
      expect(isOidcLoginError(value)).toBe(false);
    }
    for (const code of OIDC_LOGIN_ERRORS) {
      expect(en.oidc.errors[code]).toBeTruthy();
      expect(zh.oidc.errors[code]).toBeTruthy();
    }
  });
});

describe("unlinking leaves a way in (lib/domain/oidc-unlink.ts)", () => {
  const none = { otherIdentities: 0, passkeys: 0, passwordLogin: true };
  it("allows it with another identity or a passkey, asks for the password when only it is left", () => {
    expect(unlinkVerdict({ ...none, otherIdentities: 1 })).toBe("allowed");
    expect(unlinkVerdict({ ...none, passkeys: 1, passwordLogin: false })).toBe("allowed");
    expect(unlinkVerdict(none)).toBe("needs_password");
  });

  it("refuses it when passwords are off and nothing else would be left", () => {
    expect(unlinkVerdict({ ...none, passwordLogin: false })).toBe("refused");
  });
});
