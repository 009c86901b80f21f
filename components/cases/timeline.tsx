import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";
import { buttonClasses } from "@/components/ui/button";
import { NoteItem } from "@/components/notes/note-item";
import type { CaseEventDto } from "@/lib/data/case-dto";
import type { NoteDto } from "@/lib/data/notes";
import { formatDateOnly, todayIn } from "@/lib/domain/dates";
import { instantToWallTime } from "@/lib/domain/wall-time";
import { newestFirst, stepMoment } from "@/lib/domain/timeline";
import { skipsOfDoneSteps } from "@/lib/domain/case-workflow";
import type { CaseChangeDto } from "@/lib/data/case-changes";
import type { CaseCheckDto } from "@/lib/data/case-checks";
import { requireUser } from "@/lib/auth/session";
import { disputesOfCase, type DisputeDto } from "@/lib/data/disputes";
import { disputeSteps, type DisputeStep } from "@/lib/domain/disputes";
import { ChangeLine } from "./change-line";
import { DisputeStepLine } from "./dispute-step-line";

type DisputeEntry = { dispute: DisputeDto } & DisputeStep;

type Entry = { at: Date; recordedAt: Date; key: string } & (
  | {
      event: CaseEventDto & { doneBefore?: true };
      note?: never;
      change?: never;
      check?: never;
      dispute?: never;
    }
  | { note: NoteDto; event?: never; change?: never; check?: never; dispute?: never }
  | { change: CaseChangeDto; event?: never; note?: never; check?: never; dispute?: never }
  | { check: CaseCheckDto; event?: never; note?: never; change?: never; dispute?: never }
  | { dispute: DisputeEntry; event?: never; note?: never; change?: never; check?: never }
);

// A note edited more than this after it was written says so.
const EDIT_GRACE_MS = 2000;

/**
 * State changes and contact notes, interleaved by when they happened, newest
 * first; with a limit, only the newest entries and a link to all of them.
 */
export async function Timeline({
  caseId,
  events,
  notes,
  changes = [],
  checks = [],
  timeZone,
  limit = null,
  showAllHref,
  olderHref,
}: {
  caseId: string;
  events: CaseEventDto[];
  notes: NoteDto[];
  /** Deleted notes and receipts: the lines they left. */
  changes?: CaseChangeDto[];
  /** The after-confirmation checklist's ticked items, each at the day it was done. */
  checks?: CaseCheckDto[];
  timeZone: string;
  limit?: number | null;
  showAllHref?: string;
  /** Where the entries older than these are (the full record), when there are any. */
  olderHref?: string;
}) {
  const [t, format, locale, user] = await Promise.all([
    getTranslations(),
    getFormatter(),
    getLocale(),
    requireUser(),
  ]);
  // The disputes of the case's charges, each step at the day it happened.
  const disputes = await disputesOfCase(user, caseId, todayIn(timeZone));
  const doneBefore = skipsOfDoneSteps(events);
  const entries: Entry[] = newestFirst<Entry>([
    ...events.map((event, index) => ({
      at: stepMoment(event, timeZone).at,
      recordedAt: event.at,
      key: `e-${index}`,
      event: doneBefore[index] ? { ...event, skipped: false, doneBefore: true as const } : event,
    })),
    ...notes.map((note) => ({
      at: note.occurredAt,
      recordedAt: note.createdAt,
      key: `n-${note.id}`,
      note,
    })),
    ...changes.map((change) => ({
      at: change.at,
      recordedAt: change.at,
      key: `c-${change.id}`,
      change,
    })),
    ...checks.map((check) => ({
      at: stepMoment({ at: check.recordedAt, occurredOn: check.doneOn }, timeZone).at,
      recordedAt: check.recordedAt,
      key: `k-${check.item}`,
      check,
    })),
    ...disputes.flatMap((dispute) =>
      disputeSteps(dispute).map((step) => {
        const recordedAt = step.step === "filed" ? dispute.createdAt : dispute.updatedAt;
        return {
          at: stepMoment({ at: recordedAt, occurredOn: step.on }, timeZone).at,
          recordedAt,
          key: `d-${dispute.id}-${step.step}`,
          dispute: { ...step, dispute },
        };
      }),
    ),
  ]);
  const when = (at: Date) => format.dateTime(at, { dateStyle: "medium", timeStyle: "short" });
  const shown = limit === null ? entries : entries.slice(0, limit);

  return (
    <>
      <ol className="space-y-4" data-testid="timeline">
        {shown.map((entry) => {
          if (entry.dispute) {
            return (
              <li key={entry.key} className="flex gap-3" data-testid="timeline-dispute">
                <DisputeStepLine entry={entry.dispute} i18n={{ t, locale }} />
              </li>
            );
          }
          if (entry.change) {
            return (
              <li key={entry.key} className="flex gap-3" data-testid="timeline-change">
                <span
                  aria-hidden="true"
                  className="mt-1.5 size-2.5 shrink-0 rounded-full border border-slate-400 bg-slate-200 dark:bg-slate-700"
                />
                <ChangeLine change={entry.change} when={when} i18n={{ t, locale }} />
              </li>
            );
          }
          if (entry.check) {
            const check = entry.check;
            return (
              <li key={entry.key} className="flex gap-3" data-testid="timeline-check">
                <span
                  aria-hidden="true"
                  className="mt-1.5 size-2.5 shrink-0 rounded-full bg-emerald-500"
                />
                <div className="min-w-0 flex-1 text-sm">
                  <p className="font-medium">{t(`domain.check.${check.item}`)}</p>
                  <p className="text-xs text-slate-500 dark:text-slate-400">
                    <time dateTime={check.doneOn}>
                      {t("cases.checkDone", { date: formatDateOnly(check.doneOn, locale) })}
                    </time>
                    {check.agent ? ` · ${t("cases.checkAgentLabel", { agent: check.agent })}` : ""}
                    {todayIn(timeZone, check.recordedAt) === check.doneOn
                      ? ""
                      : ` · ${t("cases.recordedOn", { date: when(check.recordedAt) })}`}
                  </p>
                </div>
              </li>
            );
          }
          if (entry.note) {
            const note = entry.note;
            return (
              <li key={entry.key} className="flex gap-3">
                <span
                  aria-hidden="true"
                  className="mt-1.5 size-2.5 shrink-0 rounded-full bg-amber-500"
                />
                <div className="min-w-0 flex-1">
                  <NoteItem
                    t={t}
                    caseId={caseId}
                    noteId={note.id}
                    when={when(note.occurredAt)}
                    edited={
                      note.updatedAt.getTime() - note.createdAt.getTime() > EDIT_GRACE_MS
                        ? t("notes.edited", { date: when(note.updatedAt) })
                        : null
                    }
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
                      failureReason: note.failureReason ?? "",
                    }}
                  />
                </div>
              </li>
            );
          }
          const event = entry.event;
          return (
            <li key={entry.key} className="flex gap-3" data-testid="timeline-event">
              <span
                aria-hidden="true"
                className={`mt-1.5 size-2.5 shrink-0 rounded-full ${event.skipped ? "border border-slate-400" : event.to === "rejected" ? "bg-red-500" : event.to === "confirmation_received" ? "bg-emerald-500" : "bg-indigo-500"}`}
              />
              <div className="min-w-0 flex-1">
                <p className="text-sm">
                  <span
                    className={`font-medium ${event.skipped ? "text-slate-500 line-through decoration-slate-300" : ""}`}
                  >
                    {event.from === null
                      ? t("cases.eventOpened")
                      : event.from === "confirmation_received"
                        ? t("cases.eventReopened")
                        : t(`domain.state.${event.to}`)}
                  </span>
                  {event.skipped || event.doneBefore ? (
                    <span className="ml-2 text-xs text-slate-500">
                      {event.doneBefore
                        ? t("cases.eventDoneBeforeMark")
                        : t("cases.eventSkippedMark")}
                    </span>
                  ) : null}
                </p>
                <p className="text-xs text-slate-500 dark:text-slate-400">
                  {stepMoment(event, timeZone).recordedLater ? (
                    // The day it happened first; when it was written down beside it.
                    <>
                      <time dateTime={event.occurredOn} data-testid="event-occurred-on">
                        {t("cases.happenedOn", {
                          date: formatDateOnly(event.occurredOn, locale),
                        })}
                      </time>
                      {" · "}
                      <time dateTime={event.at.toISOString()} data-testid="event-recorded">
                        {t("cases.recordedOn", { date: when(event.at) })}
                      </time>
                    </>
                  ) : (
                    <time dateTime={event.at.toISOString()}>{when(event.at)}</time>
                  )}
                </p>
                {event.rejectionReason ? (
                  <p className="mt-1 text-sm text-red-700 dark:text-red-300">
                    {t("cases.rejectedBecause", {
                      reason: t(`domain.rejection.${event.rejectionReason}`),
                    })}
                  </p>
                ) : null}
                {event.comment ? (
                  <p className="mt-1 text-sm whitespace-pre-wrap [overflow-wrap:anywhere] text-slate-700 dark:text-slate-300">
                    {event.comment}
                  </p>
                ) : null}
              </div>
            </li>
          );
        })}
      </ol>
      {olderHref && shown.length === entries.length ? (
        <div className="mt-6 flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 pt-4 text-sm dark:border-slate-800">
          <p className="text-slate-600 dark:text-slate-400">{t("cases.historyOlder")}</p>
          <Link href={olderHref} className={buttonClasses("secondary")}>
            {t("cases.historyOpenRecord")}
          </Link>
        </div>
      ) : null}
      {shown.length < entries.length && showAllHref ? (
        <div className="mt-6 flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 pt-4 text-sm dark:border-slate-800">
          <p className="text-slate-600 dark:text-slate-400">
            {t("cases.historyShowing", { shown: shown.length, count: entries.length })}
          </p>
          <Link href={showAllHref} className={buttonClasses("secondary")}>
            {t("cases.historyShowAll", { count: entries.length })}
          </Link>
        </div>
      ) : null}
    </>
  );
}
