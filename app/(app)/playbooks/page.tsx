import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { PlaybooksView } from "@/components/playbooks/playbooks-view";
import { requireUser } from "@/lib/auth/session";
import { orFirstPage } from "@/lib/http/or-first-page";
import { listPlaybooks } from "@/lib/playbooks/catalog";
import { playbookListSchema, type PlaybookListQuery } from "@/lib/validation/playbooks";

const PAGE_SIZE = 30;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("playbooks");
  return { title: t("title") };
}

export default async function PlaybooksPage({
  searchParams,
}: {
  searchParams: Promise<{ q?: string; category?: string; cursor?: string }>;
}) {
  await requireUser();
  const params = await searchParams;
  // An unknown category or an over-long search shows the whole list, not an error page.
  const parsed = playbookListSchema.safeParse({
    q: typeof params.q === "string" ? params.q.slice(0, 100) : undefined,
    category: params.category || undefined,
    limit: PAGE_SIZE,
  });
  const query: PlaybookListQuery = parsed.success
    ? parsed.data
    : { limit: PAGE_SIZE, q: undefined };
  const [found, t, locale] = await Promise.all([
    orFirstPage(
      async (cursor) => listPlaybooks({ ...query, cursor }),
      typeof params.cursor === "string" ? params.cursor : undefined,
    ),
    getTranslations(),
    getLocale(),
  ]);
  return (
    <PlaybooksView
      q={query.q ?? ""}
      category={query.category ?? ""}
      found={found}
      t={t}
      locale={locale}
    />
  );
}
