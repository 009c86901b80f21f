import type { Metadata, Viewport } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { preload } from "react-dom";
import { isLocale } from "@/lib/domain/locales";
import { SoftNavigation } from "@/components/ui/soft-nav";
import { I18nProvider } from "@/lib/i18n/client";
import { clientCatalog } from "@/lib/i18n/client-catalog";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meta");
  return {
    title: { default: t("title"), template: `%s · ${t("title")}` },
    description: t("description"),
    icons: { apple: "/icons/apple-touch-icon.png" },
    appleWebApp: { capable: true, title: "CancelCase", statusBarStyle: "default" },
  };
}

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#f8fafc" },
    { media: "(prefers-color-scheme: dark)", color: "#020617" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("common")]);
  const catalog = await clientCatalog(isLocale(locale) ? locale : "en");
  // Fetched beside the page's scripts, so hydration does not wait for it.
  preload(catalog.path, { as: "fetch", crossOrigin: "anonymous" });
  return (
    <html lang={locale}>
      <body className="min-h-dvh font-sans">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded-lg focus:bg-white focus:px-4 focus:py-2 focus:text-sm focus:font-semibold focus:shadow-lg dark:focus:bg-slate-900"
        >
          {t("skipToContent")}
        </a>
        <I18nProvider locale={locale} path={catalog.path}>
          {children}
        </I18nProvider>
        <SoftNavigation />
      </body>
    </html>
  );
}
