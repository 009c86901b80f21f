import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import {
  BellIcon,
  BookIcon,
  FolderCheckIcon,
  HomeIcon,
  ListIcon,
  SettingsIcon,
  StatementIcon,
} from "@/components/ui/icons";
import { Link } from "@/components/ui/link";
import { Logo } from "@/components/ui/logo";
import { LocaleSwitcher } from "./locale-switcher";
import { LogoutButton } from "./logout-button";
import { PhoneHeader } from "./phone-header";
import { NavLink } from "./nav-link";

const LINKS = [
  { href: "/dashboard", key: "dashboard", Icon: HomeIcon },
  { href: "/subscriptions", key: "subscriptions", Icon: ListIcon },
  { href: "/cases", key: "cases", Icon: FolderCheckIcon },
  { href: "/statements", key: "statements", Icon: StatementIcon },
  // Its label lives with the rest of the playbooks' texts.
  { href: "/playbooks", key: "playbooks.nav", Icon: BookIcon },
  { href: "/notifications", key: "notifications", Icon: BellIcon },
  { href: "/settings", key: "settings", Icon: SettingsIcon },
] as const;

async function NavLinks() {
  const t = await getTranslations();
  return (
    <ul className="space-y-1">
      {LINKS.map(({ href, key, Icon }) => (
        <li key={href}>
          <NavLink href={href}>
            <Icon />
            {t(key.includes(".") ? key : `nav.${key}`)}
          </NavLink>
        </li>
      ))}
    </ul>
  );
}

async function Account({ name, email }: { name: string; email: string }) {
  const t = await getTranslations("nav");
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

/**
 * The signed-in frame: a sidebar on wide screens, a header with a menu
 * button on phones. A server component; only the active link (NavLink) and
 * the phone menu's open state (PhoneHeader) run in the browser.
 */
export async function AppShell({
  user,
  children,
}: {
  user: { name: string; email: string };
  children: ReactNode;
}) {
  const t = await getTranslations();

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

      <PhoneHeader
        home={
          <Link href="/dashboard" className="rounded-lg">
            <Logo name={t("common.appName")} />
          </Link>
        }
        openLabel={t("nav.openMenu")}
        closeLabel={t("nav.closeMenu")}
        menuLabel={t("nav.menu")}
      >
        <nav aria-label={t("nav.main")} className="mb-6">
          <NavLinks />
        </nav>
        <Account {...user} />
      </PhoneHeader>

      <main id="main" className="mx-auto w-full max-w-5xl px-4 py-6 sm:px-6 lg:px-10 lg:py-10">
        {children}
      </main>
    </div>
  );
}
