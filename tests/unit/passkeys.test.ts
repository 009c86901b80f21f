import { describe, expect, it } from "vitest";
import {
  joinTransports,
  normalizePasskeyName,
  PASSKEY_NAME_MAX,
  splitTransports,
} from "@/lib/domain/passkeys";

describe("a passkey's name", () => {
  it("folds whitespace, falls back when blank and clips by characters", () => {
    expect(normalizePasskeyName("  Work \n laptop ", "Passkey")).toBe("Work laptop");
    expect(normalizePasskeyName("   ", "Passkey")).toBe("Passkey");
    expect(normalizePasskeyName(undefined, "Passkey")).toBe("Passkey");
    const long = "钥".repeat(PASSKEY_NAME_MAX + 5);
    expect(normalizePasskeyName(long, "Passkey")).toBe("钥".repeat(PASSKEY_NAME_MAX));
  });
});

describe("transport hints", () => {
  it("keep only plausible tokens and come back as a list", () => {
    expect(joinTransports(["internal", "hybrid"])).toBe("internal,hybrid");
    expect(joinTransports(["usb", "x,y", ""])).toBe("usb");
    expect(joinTransports(undefined)).toBeNull();
    expect(splitTransports("internal,hybrid")).toEqual(["internal", "hybrid"]);
    expect(splitTransports(null)).toEqual([]);
  });
});
