import { describe, expect, it } from "vitest";
import { clientAddress } from "@/lib/auth/client-address";

describe("client address", () => {
  it("takes the last X-Forwarded-For entry, the one our server wrote", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "203.0.113.9" }))).toBe("203.0.113.9");
    expect(clientAddress(new Headers({ "x-forwarded-for": "1.2.3.4, 198.51.100.7" }))).toBe(
      "198.51.100.7",
    );
    expect(clientAddress({ "x-forwarded-for": "::ffff:127.0.0.1" })).toBe("127.0.0.1");
    expect(clientAddress({ "x-forwarded-for": ["10.0.0.1", "192.0.2.5"] })).toBe("192.0.2.5");
  });

  it("falls back to a fixed key rather than no key at all", () => {
    expect(clientAddress(new Headers())).toBe("unknown");
    expect(clientAddress({})).toBe("unknown");
  });
});
