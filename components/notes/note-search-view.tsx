import type { ReactNode } from "react";
import { CaseStateBadge } from "@/components/cases/state-badge";
import { buttonClasses } from "@/components/ui/button";
import { Link } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import type { searchLists } from "@/lib/data/search";
import type { PageTranslator } from "@/lib/i18n/row-i18n";
import type { getFormatter } from "next-intl/server";

const HEADING = "mb-2 text-sm font-semibold tracking-wide text-slate-500 uppercase";

/** One kind of hit (cases, receipts) under its heading. */
function HitList({
  id,
  title,
  testId,
  children,
}: {
  id: string;
  title: string;
  testId: string;
  children: ReactNode;
}) {
  return (
    <section className="mb-6" aria-labelledby={id}>
      <h2 id={id} className={HEADING}>
        {title}
      </h2>
      <ul
        className="divide-y divide-slate-100 overflow-hidden rounded-2xl border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900"
        data-testid={testId}
      >
        {children}
      </ul>
    </section>
  );
}

/** The search page: the search box, then the cases, receipts and notes that match. */
export function NoteSearchView({
  q,
  found,
  t,
  format,
}: {
  /** The words searched for, as the box shows them. */
  q: string;
  /** Null when nothing was searched (no words, or a query that was refused). */
  found: Awaited<ReturnType<typeof searchLists>> | null;
  t: PageTranslator;
  format: Awaited<ReturnType<typeof getFormatter>>;
}) {
  const { cases, receipts, notes } = found ?? { cases: [], receipts: [], notes: null };

  return (
    <>
      <PageHeader title={t("notes.searchTitle")} description={t("notes.searchSubtitle")} />
      <form role="search" action="/notes" className="mb-6 flex max-w-xl items-center gap-2">
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
        <button type="submit" className={buttonClasses("primary", "shrink-0 whitespace-nowrap")}>
          {t("notes.search")}
        </button>
      </form>

      {notes && notes.items.length === 0 && cases.length === 0 && receipts.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("notes.noResults", { q })}</p>
      ) : null}

      {cases.length > 0 ? (
        <HitList id="case-hits" title={t("search.cases")} testId="case-results">
          {cases.map((c) => (
            <li key={c.id}>
              <Link
                href={`/cases/${c.id}`}
                className="flex flex-wrap items-center justify-between gap-2 px-4 py-3 hover:bg-slate-50 dark:hover:bg-slate-800/40"
              >
                <span className="min-w-0 font-semibold break-words">
                  {c.subscription.provider}
                  {c.subscription.plan ? (
                    <span className="font-normal text-slate-500"> · {c.subscription.plan}</span>
                  ) : null}
                  {c.confirmationNumber ? (
                    <span className="ml-2 font-mono text-xs font-normal break-all text-slate-600 dark:text-slate-300">
                      {c.confirmationNumber}
                    </span>
                  ) : null}
                </span>
                <CaseStateBadge state={c.state} t={t} />
              </Link>
            </li>
          ))}
        </HitList>
      ) : null}

      {receipts.length > 0 ? (
        <HitList id="receipt-hits" title={t("search.receipts")} testId="receipt-results">
          {receipts.map((r) => (
            <li key={r.id}>
              <Link
                href={`/cases/${r.caseId}#receipts`}
                className="block px-4 py-3 hover:bg-slate-50 dark:hover:bg-slate-800/40"
              >
                <span className="font-medium break-all">{r.fileName}</span>
                <span className="mt-0.5 block text-xs text-slate-500">
                  {r.provider} · {t(`domain.kind.${r.kind}`)} ·{" "}
                  {format.dateTime(r.uploadedAt, { dateStyle: "medium" })}
                </span>
              </Link>
            </li>
          ))}
        </HitList>
      ) : null}

      {notes && notes.items.length > 0 ? <h2 className={HEADING}>{t("search.notes")}</h2> : null}
      {notes && notes.items.length > 0 ? (
        <ul className="space-y-3" data-testid="note-results">
          {notes.items.map((note) => (
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
                    <CaseStateBadge state={note.case.state} t={t} />
                  </span>
                </div>
                {note.failureReason ? (
                  <p className="mt-1 text-xs font-semibold text-red-800 dark:text-red-300">
                    {t("notes.failedLabel", {
                      reason: t(`domain.failure.${note.failureReason}`),
                    })}
                  </p>
                ) : null}
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
      {notes?.nextCursor ? (
        <div className="mt-4 text-center">
          <Link
            href={`/notes?q=${encodeURIComponent(q)}&cursor=${encodeURIComponent(notes.nextCursor)}`}
            className={buttonClasses("secondary")}
          >
            {t("notes.more")}
          </Link>
        </div>
      ) : null}
    </>
  );
}
