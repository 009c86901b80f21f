import { getRequestConfig } from "next-intl/server";
import { cookies, headers } from "next/headers";
import { getCurrentUser } from "@/lib/auth/session";
import type { Locale } from "@/lib/domain/locales";
import { LOCALE_COOKIE } from "./locales";
import { resolveLocale } from "./negotiate";

const catalogs: Record<Locale, () => Promise<{ default: Record<string, unknown> }>> = {
  en: () => import("@/messages/en.json"),
  "zh-CN": () => import("@/messages/zh-CN.json"),
};

// No locale in the URL: the language follows the user's setting, else the
// switcher's cookie, else the browser (DESIGN.md, issue 2).
export default getRequestConfig(async () => {
  const [user, cookieStore, headerList] = await Promise.all([
    getCurrentUser(),
    cookies(),
    headers(),
  ]);
  const locale = resolveLocale({
    userLocale: user?.locale,
    cookieLocale: cookieStore.get(LOCALE_COOKIE)?.value,
    acceptLanguage: headerList.get("accept-language"),
  });
  return {
    locale,
    messages: (await catalogs[locale]()).default,
    timeZone: user?.timeZone ?? "UTC",
  };
});
