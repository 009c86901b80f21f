import { describe, expect, it } from "vitest";
import { negotiatedCount, negotiateLocale, resolveLocale } from "@/lib/i18n/negotiate";

describe("locale negotiation", () => {
  it.each([
    [null, "en"],
    ["", "en"],
    ["en-US,en;q=0.9", "en"],
    ["zh-CN,zh;q=0.9,en;q=0.8", "zh-CN"],
    ["zh", "zh-CN"],
    ["zh-TW", "zh-CN"],
    ["zh-Hans-SG", "zh-CN"],
    ["fr-FR,fr;q=0.9", "en"],
    ["fr;q=0.9,zh;q=0.8", "zh-CN"],
    ["en;q=0.2,zh-CN;q=0.9", "zh-CN"],
    ["*", "en"],
    ["not a header ;;; q=abc", "en"],
    ["x-klingon", "en"],
  ])("Accept-Language %j → %s", (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });

  it("prefers the user's setting, then the cookie, then the browser", () => {
    expect(resolveLocale({ userLocale: "zh-CN", cookieLocale: "en", acceptLanguage: "en" })).toBe(
      "zh-CN",
    );
    expect(resolveLocale({ userLocale: null, cookieLocale: "zh-CN", acceptLanguage: "en" })).toBe(
      "zh-CN",
    );
    expect(resolveLocale({ cookieLocale: "de", acceptLanguage: "zh-CN" })).toBe("zh-CN");
    expect(resolveLocale({ userLocale: "xx", acceptLanguage: "en" })).toBe("en");
  });

  it("remembers answers per header, the same each time, and never more than 256 headers", () => {
    for (let round = 0; round < 2; round++) {
      expect(negotiateLocale("zh-TW,zh;q=0.9")).toBe("zh-CN");
      expect(negotiateLocale("fr-FR,fr;q=0.9")).toBe("en");
    }
    for (let i = 0; i < 1000; i++) negotiateLocale(`x-tag${i},zh;q=0.${(i % 9) + 1}`);
    expect(negotiatedCount()).toBe(256);
    expect(negotiateLocale("x-tag999,zh;q=0.1")).toBe("zh-CN");
    // Too long to be worth remembering: answered, not kept.
    const before = negotiatedCount();
    expect(negotiateLocale(`${"en;q=0.1,".repeat(40)}zh`)).toBe("zh-CN");
    expect(negotiatedCount()).toBe(before);
  });
});
