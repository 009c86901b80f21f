import { describe, expect, it } from "vitest";
import { checkPassword, passwordLength } from "@/lib/domain/password-policy";

describe("password policy", () => {
  it("refuses passwords shorter than 8 characters", () => {
    expect(checkPassword("")).toBe("too_short");
    expect(checkPassword("a1b2c3d")).toBe("too_short");
    expect(checkPassword("k7v!q2zr")).toBeNull();
  });

  it("refuses passwords from the common-password list, whatever their case", () => {
    for (const common of ["password", "12345678", "iloveyou", "qwertyuiop", "PassWord1"]) {
      expect(checkPassword(common), common).toBe("too_common");
    }
  });

  it("accepts long Unicode passphrases and counts characters, not bytes", () => {
    expect(checkPassword("我的猫喜欢在阳光下睡觉")).toBeNull();
    expect(checkPassword("correct horse battery staple 🐴🔋")).toBeNull();
    // Seven CJK characters are 21 bytes in UTF-8 but still too short.
    expect(passwordLength("取消订阅好麻烦")).toBe(7);
    expect(checkPassword("取消订阅好麻烦")).toBe("too_short");
    expect(passwordLength("👩‍👩‍👧")).toBeGreaterThan(1);
  });

  it("refuses more than 256 characters", () => {
    expect(checkPassword("x".repeat(256) + "y")).toBe("too_long");
    expect(checkPassword("長".repeat(256))).toBeNull();
  });
});
