import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

type SignedIn = {
  SIGNED_IN_SEGMENTS: string[];
  SIGNED_IN_PATHS: RegExp;
  hasSessionCookie: (cookie: string | undefined) => boolean;
};
const load = async () => (await import("../../server/signed-in.mjs" as string)) as SignedIn;

describe("signed-in pages, as the custom server tells them apart", () => {
  it("names every folder of app/(app)/, and only those", async () => {
    const { SIGNED_IN_SEGMENTS } = await load();
    const folders = fs
      .readdirSync(path.resolve("app/(app)"), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !/^[_(@[]/.test(entry.name))
      .map((entry) => entry.name)
      .sort();
    expect([...SIGNED_IN_SEGMENTS].sort()).toEqual(folders);
  });

  it("matches a segment and what is below it, never a longer name", async () => {
    const { SIGNED_IN_PATHS } = await load();
    for (const url of ["/cases", "/cases/abc", "/cases?state=x", "/settings/"])
      expect(SIGNED_IN_PATHS.test(url), url).toBe(true);
    for (const url of ["/casesx", "/login", "/", "/api/v1/cases", "/share-it"])
      expect(SIGNED_IN_PATHS.test(url), url).toBe(false);
  });

  it("sees next-auth's session cookie, chunked or __Secure-, and nothing like it", async () => {
    const { hasSessionCookie } = await load();
    for (const cookie of [
      "next-auth.session-token=x",
      "a=b; __Secure-next-auth.session-token=x",
      "next-auth.session-token.0=x; next-auth.session-token.1=y",
    ])
      expect(hasSessionCookie(cookie), cookie).toBe(true);
    for (const cookie of [undefined, "", "my-next-auth.session-token=x", "next-auth.csrf-token=x"])
      expect(hasSessionCookie(cookie), String(cookie)).toBe(false);
  });
});
