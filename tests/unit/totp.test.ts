import { Secret, TOTP } from "otpauth";
import { describe, expect, it } from "vitest";
import {
  groupedSecret,
  newRecoveryCodes,
  newTotpSecret,
  normalizeRecoveryCode,
  totpCodeStep,
  totpStep,
  totpUri,
} from "@/lib/domain/totp";

const now = new Date("2026-12-06T15:00:10Z");
const code = (secret: string, when: Date) =>
  TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: when.getTime() });

describe("TOTP rules", () => {
  it("finds the step a code is for, one step either side of now", () => {
    const secret = newTotpSecret();
    const step = totpStep(now);
    expect(totpCodeStep(secret, code(secret, now), now)).toBe(step);
    expect(totpCodeStep(secret, code(secret, new Date(now.getTime() - 30_000)), now)).toBe(
      step - 1,
    );
    expect(totpCodeStep(secret, code(secret, new Date(now.getTime() + 30_000)), now)).toBe(
      step + 1,
    );
    expect(totpCodeStep(secret, code(secret, new Date(now.getTime() - 90_000)), now)).toBeNull();
    expect(totpCodeStep(secret, "abcdef", now)).toBeNull();
  });

  it("reads a code typed with a space, as apps show it", () => {
    const secret = newTotpSecret();
    const typed = code(secret, now).replace(/^(\d{3})/, "$1 ");
    expect(totpCodeStep(secret, typed, now)).toBe(totpStep(now));
  });

  it("makes the URI authenticator apps expect", () => {
    const uri = new URL(totpUri("JBSWY3DPEHPK3PXP", "ann@example.com"));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.host).toBe("totp");
    expect(decodeURIComponent(uri.pathname)).toBe("/CancelCase:ann@example.com");
    expect(Object.fromEntries(uri.searchParams)).toMatchObject({
      issuer: "CancelCase",
      secret: "JBSWY3DPEHPK3PXP",
      algorithm: "SHA1",
      digits: "6",
      period: "30",
    });
  });

  it("groups the secret in fours for typing", () => {
    expect(groupedSecret("JBSWY3DPEHPK3PXP")).toBe("JBSW Y3DP EHPK 3PXP");
  });

  it("makes ten distinct recovery codes, read back in any case and spacing", () => {
    const codes = newRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    const first = codes[0] ?? "";
    expect(normalizeRecoveryCode(first.toUpperCase())).toBe(first.replace("-", ""));
    expect(normalizeRecoveryCode(first.replace("-", " "))).toBe(first.replace("-", ""));
    expect(normalizeRecoveryCode("short")).toBeNull();
    expect(normalizeRecoveryCode("0000000000")).toBeNull();
  });
});
