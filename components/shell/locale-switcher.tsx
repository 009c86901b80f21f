"use client";

import { useLocale, useTranslations } from "@/lib/i18n/client";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { setLocaleAction } from "@/lib/actions/auth";
import { LOCALES } from "@/lib/domain/locales";
import { LOCALE_LABELS } from "@/lib/i18n/locales";
import { GlobeIcon } from "@/components/ui/icons";

export function LocaleSwitcher() {
  const t = useTranslations("common");
  const current = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  return (
    <div
      role="group"
      aria-label={t("language")}
      className="inline-flex items-center gap-1 rounded-lg border border-slate-200 bg-white p-0.5 text-sm dark:border-slate-700 dark:bg-slate-900"
    >
      <GlobeIcon className="mx-1 size-4 text-slate-500" />
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          aria-pressed={locale === current}
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              await setLocaleAction(locale);
              router.refresh();
            })
          }
          className={`rounded-md px-2.5 py-1 font-medium transition-colors ${
            locale === current
              ? "bg-indigo-600 text-white dark:bg-indigo-500"
              : "text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
          }`}
        >
          {LOCALE_LABELS[locale]}
        </button>
      ))}
    </div>
  );
}
