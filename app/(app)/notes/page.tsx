import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";
import { CaseStateBadge } from "@/components/cases/state-badge";
import { buttonClasses } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { searchNotes } from "@/lib/data/notes";
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
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const query = noteSearchSchema.safeParse({ q: params.q ?? "", cursor: params.cursor, limit: 30 });
  const results = query.success ? await searchNotes(user, query.data).catch(() => null) : null;
  const q = query.success ? query.data.q : (params.q ?? "").trim();

  return (
    <>
      <PageHeader title={t("notes.searchTitle")} description={t("notes.searchSubtitle")} />
      <form role="search" action="/notes" className="mb-6 flex max-w-xl gap-2">
        <label htmlFor="q" className="sr-only">
          {t("notes.searchLabel")}
        </label>
        <input
          id="q"
          name="q"
          type="search"
          defaultValue={q}
          maxLength={100}
          placeholder={t("notes.searchPlaceholder")}
          className="block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base shadow-sm sm:text-sm dark:border-slate-700 dark:bg-slate-900"
        />
        <button type="submit" className={buttonClasses("primary")}>
          {t("notes.search")}
        </button>
      </form>

      {results && results.items.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("notes.noResults", { q })}</p>
      ) : null}
      {results && results.items.length > 0 ? (
        <ul className="space-y-3" data-testid="note-results">
          {results.items.map((note) => (
            <li key={note.id}>
              <Link
                href={`/cases/${note.case.id}`}
                className="block rounded-2xl border border-slate-200 bg-white p-4 hover:bg-slate-50 dark:border-slate-800 dark:bg-slate-900 dark:hover:bg-slate-800/40"
              >
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <p className="font-semibold">
                    {note.case.subscription.provider} ·{" "}
                    <span className="font-normal">{t(`domain.channel.${note.channel}`)}</span>
                  </p>
                  <span className="flex items-center gap-2 text-xs text-slate-500">
                    {format.dateTime(note.occurredAt, { dateStyle: "medium", timeStyle: "short" })}
                    <CaseStateBadge state={note.case.state} />
                  </span>
                </div>
                <p className="mt-1 line-clamp-3 text-sm whitespace-pre-wrap">{note.summary}</p>
                <p className="mt-1 flex flex-wrap gap-x-3 text-xs text-slate-600 dark:text-slate-300">
                  {note.agent ? <span>{t("notes.agentLabel", { agent: note.agent })}</span> : null}
                  {note.reference ? (
                    <span className="font-mono">
                      {t("notes.referenceLabel", { reference: note.reference })}
                    </span>
                  ) : null}
                </p>
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      {results?.nextCursor ? (
        <div className="mt-4 text-center">
          <Link
            href={`/notes?q=${encodeURIComponent(q)}&cursor=${encodeURIComponent(results.nextCursor)}`}
            className={buttonClasses("secondary")}
          >
            {t("notes.more")}
          </Link>
        </div>
      ) : null}
    </>
  );
}
