import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { LocaleSwitcher } from "@/components/shell/locale-switcher";
import { CheckIcon } from "@/components/ui/icons";
import { Logo, LogoMark } from "@/components/ui/logo";
import { getCurrentUser } from "@/lib/auth/session";

export default async function AuthLayout({ children }: { children: ReactNode }) {
  if (await getCurrentUser()) redirect("/dashboard");
  const t = await getTranslations();
  const features = [t("auth.featureCases"), t("auth.featureNotes"), t("auth.featureEvidence")];

  return (
    <div className="grid min-h-dvh lg:grid-cols-[minmax(0,5fr)_minmax(0,6fr)]">
      <aside className="relative hidden overflow-hidden bg-indigo-950 p-12 text-indigo-50 lg:flex lg:flex-col lg:justify-between">
        <div
          aria-hidden="true"
          className="absolute -top-24 -right-24 size-96 rounded-full bg-indigo-600/30 blur-3xl"
        />
        <div
          aria-hidden="true"
          className="absolute -bottom-32 -left-16 size-96 rounded-full bg-emerald-500/10 blur-3xl"
        />
        <div className="relative flex items-center gap-2.5 text-lg font-bold text-white">
          <LogoMark />
          {t("common.appName")}
        </div>
        <div className="relative">
          <p className="text-4xl leading-tight font-bold text-white">{t("common.tagline")}</p>
          <ul className="mt-8 space-y-4">
            {features.map((feature) => (
              <li key={feature} className="flex items-start gap-3 text-indigo-100">
                <span className="mt-0.5 flex size-6 shrink-0 items-center justify-center rounded-full bg-emerald-400/20 text-emerald-300">
                  <CheckIcon className="size-4" />
                </span>
                {feature}
              </li>
            ))}
          </ul>
        </div>
        <p className="relative text-sm text-indigo-300">{t("meta.description")}</p>
      </aside>
      <div className="flex flex-col px-4 py-6 sm:px-8">
        <header className="flex items-center justify-between gap-4">
          <span className="lg:invisible">
            <Logo name={t("common.appName")} />
          </span>
          <LocaleSwitcher />
        </header>
        <main id="main" className="flex flex-1 items-center justify-center py-10">
          <div className="w-full max-w-sm">{children}</div>
        </main>
      </div>
    </div>
  );
}
