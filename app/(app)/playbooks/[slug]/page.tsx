import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { PlaybookView } from "@/components/playbooks/playbook-view";
import { requireUser } from "@/lib/auth/session";
import { isOperator } from "@/lib/config";
import { listCorrections } from "@/lib/data/playbook-corrections";
import { todayIn } from "@/lib/domain/dates";
import { orNotFound } from "@/lib/http/or-not-found";
import { DEFAULT_LOCALE, isLocale } from "@/lib/domain/locales";
import { playbookView } from "@/lib/playbooks/catalog";

/** The page's language for the playbook's texts. */
const read = (slug: string, locale: string) =>
  orNotFound(
    Promise.resolve().then(() => playbookView(slug, isLocale(locale) ? locale : DEFAULT_LOCALE)),
  );

type Params = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  await requireUser();
  const [{ slug }, locale] = await Promise.all([params, getLocale()]);
  const playbook = await read(slug, locale);
  return { title: playbook.name };
}

export default async function PlaybookPage({ params }: Params) {
  const user = await requireUser();
  const [playbook, corrections, t, locale] = await Promise.all([
    // The slug is checked against the library before any lookup: an unknown one is a 404.
    Promise.all([params, getLocale()]).then(([{ slug }, locale]) => read(slug, locale)),
    params.then(({ slug }) => listCorrections(user, slug)),
    getTranslations(),
    getLocale(),
  ]);
  return (
    <PlaybookView
      playbook={playbook}
      corrections={{
        items: corrections,
        today: todayIn(user.timeZone),
        everyoneAllowed: isOperator(user.email),
      }}
      t={t}
      locale={locale}
    />
  );
}
