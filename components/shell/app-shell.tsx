"use client";

import { useTranslations } from "@/lib/i18n/client";
import { Link } from "@/components/ui/link";
import { usePathname } from "next/navigation";
import { useEffect, useState, type ReactNode } from "react";
import {
  CloseIcon,
  FolderCheckIcon,
  HomeIcon,
  ListIcon,
  MenuIcon,
  SettingsIcon,
} from "@/components/ui/icons";
import { Logo } from "@/components/ui/logo";
import { LocaleSwitcher } from "./locale-switcher";
import { LogoutButton } from "./logout-button";

const LINKS = [
  { href: "/dashboard", key: "dashboard", Icon: HomeIcon },
  { href: "/subscriptions", key: "subscriptions", Icon: ListIcon },
  { href: "/cases", key: "cases", Icon: FolderCheckIcon },
  { href: "/settings", key: "settings", Icon: SettingsIcon },
] as const;

function NavLinks({ onNavigate }: { onNavigate?: () => void }) {
  const t = useTranslations("nav");
  const pathname = usePathname();
  return (
    <ul className="space-y-1">
      {LINKS.map(({ href, key, Icon }) => {
        const active = pathname === href || pathname.startsWith(`${href}/`);
        return (
          <li key={href}>
            <Link
              href={href}
              onClick={onNavigate}
              aria-current={active ? "page" : undefined}
              className={`flex items-center gap-3 rounded-lg px-3 py-2 text-sm font-medium transition-colors ${
                active
                  ? "bg-indigo-50 text-indigo-700 dark:bg-indigo-950 dark:text-indigo-200"
                  : "text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
              }`}
            >
              <Icon />
              {t(key)}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

function Account({ name, email }: { name: string; email: string }) {
  const t = useTranslations("nav");
  return (
    <div className="space-y-3 border-t border-slate-200 pt-4 dark:border-slate-800">
      <div className="px-3">
        <p className="text-xs text-slate-500 dark:text-slate-400">{t("signedInAs")}</p>
        {name ? <p className="truncate text-sm font-semibold">{name}</p> : null}
        <p
          className="truncate text-sm text-slate-600 dark:text-slate-400"
          data-testid="account-email"
        >
          {email}
        </p>
      </div>
      <div className="px-3">
        <LocaleSwitcher />
      </div>
      <LogoutButton />
    </div>
  );
}

export function AppShell({
  user,
  children,
}: {
  user: { name: string; email: string };
  children: ReactNode;
}) {
  const t = useTranslations();
  const [open, setOpen] = useState(false);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => event.key === "Escape" && setOpen(false);
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [open]);

  return (
    <div className="min-h-dvh lg:grid lg:grid-cols-[16rem_minmax(0,1fr)] print:block">
      <aside className="hidden border-r print:!hidden border-slate-200 bg-white lg:sticky lg:top-0 lg:flex lg:h-dvh lg:flex-col lg:gap-6 lg:p-4 dark:border-slate-800 dark:bg-slate-900">
        <Link href="/dashboard" className="rounded-lg px-2 py-1">
          <Logo name={t("common.appName")} />
        </Link>
        <nav aria-label={t("nav.main")} className="flex-1">
          <NavLinks />
        </nav>
        <Account {...user} />
      </aside>

      <header className="sticky top-0 z-30 flex print:hidden items-center justify-between border-b border-slate-200 bg-white/90 px-4 py-3 backdrop-blur lg:hidden dark:border-slate-800 dark:bg-slate-900/90">
        <Link href="/dashboard" className="rounded-lg">
          <Logo name={t("common.appName")} />
        </Link>
        <button
          type="button"
          aria-expanded={open}
          aria-controls="mobile-menu"
          onClick={() => setOpen((value) => !value)}
          className="rounded-lg p-2 text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800"
        >
          {open ? <CloseIcon className="size-6" /> : <MenuIcon className="size-6" />}
          <span className="sr-only">{open ? t("nav.closeMenu") : t("nav.openMenu")}</span>
        </button>
      </header>
      {open ? (
        <div
          id="mobile-menu"
          className="fixed inset-x-0 top-[61px] bottom-0 z-20 overflow-y-auto bg-white p-4 lg:hidden dark:bg-slate-900"
        >
          <nav aria-label={t("nav.main")} className="mb-6">
            <NavLinks onNavigate={() => setOpen(false)} />
          </nav>
          <Account {...user} />
        </div>
      ) : null}

      <main id="main" className="mx-auto w-full max-w-5xl px-4 py-6 sm:px-6 lg:px-10 lg:py-10">
        {children}
      </main>
    </div>
  );
}
