import { describe, expect, it } from "vitest";
import { allowedOrigins, baseOrigin, writeOriginRefusal } from "@/lib/http/write-origin.mjs";

const base = "http://localhost:3000";
const write = (headers: Record<string, string>, options: { trustProxy?: boolean } = {}) =>
  writeOriginRefusal({
    method: "POST",
    headers,
    cookieAuthenticated: true,
    trustProxy: options.trustProxy ?? false,
    base,
  });

describe("the one Origin rule for cookie-authenticated writes", () => {
  it("accepts the address the browser used, not only BASE_URL's", () => {
    expect(write({ host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000" })).toBeNull();
    expect(write({ host: "192.168.1.20:3000", origin: "http://192.168.1.20:3000" })).toBeNull();
    expect(write({ host: "[::1]:3000", origin: "http://[::1]:3000" })).toBeNull();
    expect(write({ host: "nas.local", origin: "http://nas.local" })).toBeNull();
    // BASE_URL's origin, whatever Host says (a proxy that rewrites it).
    expect(write({ host: "app:3000", origin: base })).toBeNull();
  });

  it("refuses another origin, a missing one, and 'null'", () => {
    expect(write({ host: "127.0.0.1:3000", origin: "https://evil.example" })).toBe(
      "origin_foreign",
    );
    // Same host, another scheme or port: another origin.
    expect(write({ host: "127.0.0.1:3000", origin: "https://127.0.0.1:3000" })).toBe(
      "origin_foreign",
    );
    expect(write({ host: "127.0.0.1:3000", origin: "http://127.0.0.1:3001" })).toBe(
      "origin_foreign",
    );
    expect(write({ host: "127.0.0.1:3000", origin: "null" })).toBe("origin_foreign");
    expect(write({ host: "127.0.0.1:3000" })).toBe("origin_missing");
  });

  it("does not let a Host header with a path or userinfo name an origin", () => {
    expect(write({ host: "evil.example/x", origin: "http://evil.example" })).toBe("origin_foreign");
    expect(write({ host: "a@evil.example", origin: "http://evil.example" })).toBe("origin_foreign");
  });

  it("reads X-Forwarded-Host and -Proto only from a trusted proxy", () => {
    const headers = {
      host: "app:3000",
      "x-forwarded-host": "cancel.example.com",
      "x-forwarded-proto": "https",
      origin: "https://cancel.example.com",
    };
    expect(write(headers)).toBe("origin_foreign");
    expect(write(headers, { trustProxy: true })).toBeNull();
    expect(allowedOrigins(new Headers(headers), { trustProxy: true, base: null })).toEqual([
      "https://cancel.example.com",
    ]);
  });

  it("lets reads through, and anonymous writes without an Origin", () => {
    expect(
      writeOriginRefusal({
        method: "GET",
        headers: { origin: "https://evil.example" },
        cookieAuthenticated: true,
        trustProxy: false,
        base,
      }),
    ).toBeNull();
    expect(
      writeOriginRefusal({
        method: "POST",
        headers: { host: "localhost:3000" },
        cookieAuthenticated: false,
        trustProxy: false,
        base,
      }),
    ).toBeNull();
    // An anonymous write from a foreign page is still refused (a plain 403, not a 500).
    expect(
      writeOriginRefusal({
        method: "POST",
        headers: { host: "localhost:3000", origin: "https://evil.example" },
        cookieAuthenticated: false,
        trustProxy: false,
        base,
      }),
    ).toBe("origin_foreign");
  });

  it("takes BASE_URL's origin, or localhost on PORT by default", () => {
    expect(baseOrigin({ BASE_URL: "https://cancel.example.com/app/" })).toBe(
      "https://cancel.example.com",
    );
    expect(baseOrigin({ PORT: "4000" })).toBe("http://localhost:4000");
  });
});
