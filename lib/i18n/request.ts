import { getRequestConfig } from "next-intl/server";
import { cookies, headers } from "next/headers";
import { getCurrentUser } from "@/lib/auth/session";
import { isLocale } from "@/lib/domain/locales";
import { catalogs } from "./catalogs";
import { LOCALE_COOKIE } from "./locales";
import { resolveLocale } from "./negotiate";

// No locale in the URL: the language follows the user's setting, else the
// switcher's cookie, else the browser (docs/contract.md "Domain", issue 2). A page that asks
// for one language explicitly (`getTranslations({ locale })`: the evidence
// page printed in English from a Chinese UI) gets that one.
export default getRequestConfig(async ({ locale: asked }) => {
  const [user, cookieStore, headerList] = await Promise.all([
    getCurrentUser(),
    cookies(),
    headers(),
  ]);
  const locale = isLocale(asked)
    ? asked
    : resolveLocale({
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
