import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import {
  generateApiToken,
  generateResetToken,
  hashApiToken,
  hashSecretToken,
  looksLikeApiToken,
  tokenHint,
} from "@/lib/crypto/api-token-secret";

describe("API tokens", () => {
  it("are random, prefixed and carry 256 bits", () => {
    const tokens = new Set(Array.from({ length: 200 }, generateApiToken));
    expect(tokens.size).toBe(200);
    for (const token of tokens) {
      expect(looksLikeApiToken(token)).toBe(true);
      expect(Buffer.from(token.slice(3), "base64url")).toHaveLength(32);
    }
  });

  it("hash to a stable sha256 hex digest that differs per token", () => {
    const token = generateApiToken();
    expect(hashApiToken(token)).toBe(hashApiToken(token));
    expect(hashApiToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashApiToken(token)).not.toBe(hashApiToken(generateApiToken()));
    // A known vector: sha256("cc_abc").
    expect(hashApiToken("cc_abc")).toBe(
      "f4c2d1838950f731352fc3bd3ff149c938e4069eff8e997428fce99a5c6b11a6",
    );
  });

  it("are recognised only in their exact shape", () => {
    expect(looksLikeApiToken("cc_short")).toBe(false);
    expect(looksLikeApiToken("xx_" + "a".repeat(43))).toBe(false);
    expect(looksLikeApiToken("cc_" + "a".repeat(42) + "!")).toBe(false);
    expect(looksLikeApiToken("cc_" + "a".repeat(43))).toBe(true);
  });

  it("show only a short hint of themselves", () => {
    expect(tokenHint("cc_AbCdEfGh")).toBe("cc_AbCd");
  });
});

describe("password-reset tokens", () => {
  it("are random, prefixed and carry 256 bits", () => {
    const tokens = new Set(Array.from({ length: 200 }, generateResetToken));
    expect(tokens.size).toBe(200);
    for (const token of tokens) {
      expect(token).toMatch(/^rst_[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(token.slice(4), "base64url")).toHaveLength(32);
    }
  });

  it("are stored as the sha256 hex digest links sent before were stored as", () => {
    const token = generateResetToken();
    expect(hashSecretToken(token)).toBe(createHash("sha256").update(token, "utf8").digest("hex"));
  });
});
