import { describe, expect, it } from "vitest";
import { CHANNEL_ERROR_MAX, SECRET_MASK, maskTarget, shortError } from "@/lib/domain/channels";

// Decision 026: a target that is itself a credential is shown masked, and a
// channel's last error stays a short status line.

describe("maskTarget", () => {
  it("keeps a URL up to its last path segment, the token", () => {
    expect(maskTarget("https://discord.com/api/webhooks/123/SECRETTOKEN")).toBe(
      `https://discord.com/api/webhooks/123/${SECRET_MASK}`,
    );
    expect(maskTarget("https://hooks.slack.com/services/T1/B2/SECRET/")).toBe(
      `https://hooks.slack.com/services/T1/B2/${SECRET_MASK}`,
    );
  });

  it("keeps four characters of a key", () => {
    expect(maskTarget("SCT12345abcdef")).toBe(`SCT1${SECRET_MASK}`);
    expect(maskTarget("be8652e98bd04139")).not.toContain("e98bd");
  });
});

describe("shortError", () => {
  it("flattens and cuts a long text", () => {
    const long = `answered\n${"x".repeat(500)}`;
    const short = shortError(long);
    expect(short.length).toBe(CHANNEL_ERROR_MAX);
    expect(short).not.toContain("\n");
    expect(short.endsWith("…")).toBe(true);
    expect(shortError("answered 500")).toBe("answered 500");
  });
});
