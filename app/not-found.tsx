import { AppShell } from "@/components/shell/app-shell";
import { NotFoundView } from "@/components/errors/not-found-view";
import { Logo } from "@/components/ui/logo";
import { getCurrentUser } from "@/lib/auth/session";
import { getTranslations } from "next-intl/server";

/**
 * An unknown address. A signed-in user sees it in the app's shell, anyone
 * else on a page of its own; the status stays 404 either way.
 */
export default async function NotFound() {
  const user = await getCurrentUser();
  if (user) {
    return (
      <AppShell user={{ name: user.name, email: user.email }}>
        <NotFoundView signedIn />
      </AppShell>
    );
  }
  const t = await getTranslations("common");
  return (
    <div className="mx-auto flex min-h-dvh max-w-xl flex-col px-4 py-6">
      <header>
        <Logo name={t("appName")} />
      </header>
      <main id="main" className="flex flex-1 items-center">
        <div className="w-full">
          <NotFoundView signedIn={false} />
        </div>
      </main>
    </div>
  );
}
