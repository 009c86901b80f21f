import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { NoteSearchView } from "@/components/notes/note-search-view";
import { requireUser } from "@/lib/auth/session";
import { searchLists } from "@/lib/data/search";
import { noteSearchSchema } from "@/lib/validation/notes";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("notes");
  return { title: t("searchTitle") };
}

export default async function NoteSearchPage({
  searchParams,
}: {
  searchParams: Promise<{ q?: string; cursor?: string }>;
}) {
  const user = await requireUser();
  const params = await searchParams;
  const query = noteSearchSchema.safeParse({ q: params.q ?? "", cursor: params.cursor, limit: 30 });
  const [t, format, found] = await Promise.all([
    getTranslations(),
    getFormatter(),
    query.success ? searchLists(user, query.data) : null,
  ]);
  return (
    <NoteSearchView
      q={query.success ? query.data.q : (params.q ?? "").trim()}
      found={found}
      t={t}
      format={format}
    />
  );
}
