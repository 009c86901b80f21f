import { getFormatter, getTranslations } from "next-intl/server";
import type { CaseEventDto } from "@/lib/data/cases";

export async function Timeline({ events }: { events: CaseEventDto[] }) {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const newestFirst = [...events].reverse();
  return (
    <ol className="space-y-4" data-testid="timeline">
      {newestFirst.map((event, index) => (
        <li key={index} className="flex gap-3">
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
              <time dateTime={event.at.toISOString()}>
                {format.dateTime(event.at, { dateStyle: "medium", timeStyle: "short" })}
              </time>
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
      ))}
    </ol>
  );
}
