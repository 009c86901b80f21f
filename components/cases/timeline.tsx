import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";
import { buttonClasses } from "@/components/ui/button";
import { NoteItem } from "@/components/notes/note-item";
import type { CaseEventDto } from "@/lib/data/cases";
import type { NoteDto } from "@/lib/data/notes";
import { formatDateOnly, instantToWallTime } from "@/lib/domain/dates";

type Entry =
  { at: Date; event: CaseEventDto; note?: never } | { at: Date; note: NoteDto; event?: never };

/**
 * State changes and contact notes, interleaved by when they happened, newest
 * first; with a limit, only the newest entries and a link to all of them.
 */
export async function Timeline({
  caseId,
  events,
  notes,
  timeZone,
  limit = null,
  showAllHref,
  olderHref,
}: {
  caseId: string;
  events: CaseEventDto[];
  notes: NoteDto[];
  timeZone: string;
  limit?: number | null;
  showAllHref?: string;
  /** Where the entries older than these are (the full record), when there are any. */
  olderHref?: string;
}) {
  const [t, format, locale] = await Promise.all([getTranslations(), getFormatter(), getLocale()]);
  const entries: Entry[] = [
    ...events.map((event) => ({ at: event.at, event })),
    ...notes.map((note) => ({ at: note.occurredAt, note })),
  ];
  // Stable: equal times keep events in their recorded order.
  const newestFirst = entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => b.entry.at.getTime() - a.entry.at.getTime() || b.index - a.index);
  const when = (at: Date) => format.dateTime(at, { dateStyle: "medium", timeStyle: "short" });
  const shown = limit === null ? newestFirst : newestFirst.slice(0, limit);

  return (
    <>
      <ol className="space-y-4" data-testid="timeline">
        {shown.map(({ entry, index }) => {
          if (entry.note) {
            const note = entry.note;
            return (
              <li key={`n-${note.id}`} className="flex gap-3">
                <span
                  aria-hidden="true"
                  className="mt-1.5 size-2.5 shrink-0 rounded-full bg-amber-500"
                />
                <div className="min-w-0 flex-1">
                  <NoteItem
                    caseId={caseId}
                    noteId={note.id}
                    when={when(note.occurredAt)}
                    channel={t(`domain.channel.${note.channel}`)}
                    followUpLabel={
                      note.followUpOn
                        ? t("notes.followUpLabel", {
                            date: formatDateOnly(note.followUpOn, locale),
                          })
                        : null
                    }
                    values={{
                      channel: note.channel,
                      occurredAt: instantToWallTime(note.occurredAt, timeZone),
                      agent: note.agent ?? "",
                      reference: note.reference ?? "",
                      durationMinutes:
                        note.durationMinutes === null ? "" : String(note.durationMinutes),
                      summary: note.summary,
                      outcome: note.outcome ?? "",
                      followUpOn: note.followUpOn ?? "",
                    }}
                  />
                </div>
              </li>
            );
          }
          const event = entry.event;
          return (
            <li key={`e-${index}`} className="flex gap-3" data-testid="timeline-event">
              <span
                aria-hidden="true"
                className={`mt-1.5 size-2.5 shrink-0 rounded-full ${event.skipped ? "border border-slate-400" : event.to === "rejected" ? "bg-red-500" : event.to === "confirmation_received" ? "bg-emerald-500" : "bg-indigo-500"}`}
              />
              <div className="min-w-0 flex-1">
                <p className="text-sm">
                  <span
                    className={`font-medium ${event.skipped ? "text-slate-500 line-through decoration-slate-300" : ""}`}
                  >
                    {event.from === null ? t("cases.eventOpened") : t(`domain.state.${event.to}`)}
                  </span>
                  {event.skipped ? (
                    <span className="ml-2 text-xs text-slate-500">({t("cases.eventSkipped")})</span>
                  ) : null}
                </p>
                <p className="text-xs text-slate-500 dark:text-slate-400">
                  <time dateTime={event.at.toISOString()}>{when(event.at)}</time>
                </p>
                {event.rejectionReason ? (
                  <p className="mt-1 text-sm text-red-700 dark:text-red-300">
                    {t("cases.rejectedBecause", {
                      reason: t(`domain.rejection.${event.rejectionReason}`),
                    })}
                  </p>
                ) : null}
                {event.comment ? (
                  <p className="mt-1 text-sm whitespace-pre-wrap text-slate-700 dark:text-slate-300">
                    {event.comment}
                  </p>
                ) : null}
              </div>
            </li>
          );
        })}
      </ol>
      {olderHref && shown.length === newestFirst.length ? (
        <div className="mt-6 flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 pt-4 text-sm dark:border-slate-800">
          <p className="text-slate-600 dark:text-slate-400">{t("cases.historyOlder")}</p>
          <Link href={olderHref} className={buttonClasses("secondary")}>
            {t("cases.historyOpenRecord")}
          </Link>
        </div>
      ) : null}
      {shown.length < newestFirst.length && showAllHref ? (
        <div className="mt-6 flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 pt-4 text-sm dark:border-slate-800">
          <p className="text-slate-600 dark:text-slate-400">
            {t("cases.historyShowing", { shown: shown.length, count: newestFirst.length })}
          </p>
          <Link href={showAllHref} className={buttonClasses("secondary")}>
            {t("cases.historyShowAll", { count: newestFirst.length })}
          </Link>
        </div>
      ) : null}
    </>
  );
}
