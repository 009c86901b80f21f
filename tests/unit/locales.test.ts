import { describe, expect, it } from "vitest";
import { negotiateLocale, resolveLocale } from "@/lib/i18n/negotiate";

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
});
