import { describe, expect, it } from "vitest";
import { open, seal } from "@/lib/crypto/secret-box";

describe("the secret box", () => {
  it("opens what it sealed, for the same purpose and owner only", () => {
    const sealed = seal("totp-secret", "user-1", "JBSWY3DPEHPK3PXP");
    expect(sealed).not.toContain("JBSWY3DPEHPK3PXP");
    expect(open("totp-secret", "user-1", sealed)).toBe("JBSWY3DPEHPK3PXP");
    expect(open("totp-secret", "user-2", sealed)).toBeNull();
    expect(open("another-use", "user-1", sealed)).toBeNull();
  });

  it("refuses a value that was changed", () => {
    const sealed = seal("totp-secret", "user-1", "JBSWY3DPEHPK3PXP");
    const [version, iv, body = "", tag] = sealed.split(".");
    const flipped = body[0] === "A" ? `B${body.slice(1)}` : `A${body.slice(1)}`;
    expect(open("totp-secret", "user-1", [version, iv, flipped, tag].join("."))).toBeNull();
    expect(open("totp-secret", "user-1", "not sealed")).toBeNull();
  });

  it("seals the same value differently each time (a fresh IV)", () => {
    expect(seal("p", "o", "x")).not.toBe(seal("p", "o", "x"));
  });
});
