import { getLocale, getTranslations } from "next-intl/server";
import { setLocaleAction } from "@/lib/actions/auth";
import { LOCALES } from "@/lib/domain/locales";
import { LOCALE_LABELS } from "@/lib/i18n/locales";
import { GlobeIcon } from "@/components/ui/icons";

/**
 * The language buttons: a form posting to setLocaleAction, rendered on the
 * server, so no page ships code for it and it works before (or without) the
 * page's JavaScript. Next.js re-renders the page in the new language once the
 * action has set its cookie; what is typed in the page's forms stays.
 */
export async function LocaleSwitcher() {
  const [t, current] = await Promise.all([getTranslations("common"), getLocale()]);
  return (
    <form
      action={setLocaleAction}
      role="group"
      aria-label={t("language")}
      className="inline-flex items-center gap-1 rounded-lg border border-slate-200 bg-white p-0.5 text-sm dark:border-slate-700 dark:bg-slate-900"
    >
      <GlobeIcon className="mx-1 size-4 text-slate-500" />
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="submit"
          name="locale"
          value={locale}
          lang={locale}
          aria-pressed={locale === current}
          className={`rounded-md px-2.5 py-1 font-medium transition-colors ${
            locale === current
              ? "bg-indigo-600 text-white dark:bg-indigo-500"
              : "text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
          }`}
        >
          {LOCALE_LABELS[locale]}
        </button>
      ))}
    </form>
  );
}
