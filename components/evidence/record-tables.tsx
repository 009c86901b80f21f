import type { CaseEventDto } from "@/lib/data/case-dto";
import type { NoteDto } from "@/lib/data/notes";
import type { ReceiptDto } from "@/lib/data/receipts";
import { skipsOfDoneSteps } from "@/lib/domain/case-workflow";
import { formatBytes } from "@/lib/domain/receipts";
import type { RowI18n } from "@/lib/i18n/row-i18n";

// The evidence page's three tables. Fixed column widths, so the record
// prints the same on Letter and A4 (app/globals.css stacks them on a phone).

// Short columns never break inside a word (CJK breaks between any two
// characters unless told: "电/话"); the summary column takes the rest.
const th =
  "py-1.5 pr-3 text-left text-xs font-semibold text-slate-500 uppercase break-keep [overflow-wrap:normal]";
const td = "py-1.5 pr-3 align-top";
const tight = `${td} break-keep`;
// A time may wrap between its date and its clock on a phone, never inside either.
const stamp = `${td} break-keep tabular-nums`;

/** The contact notes: when, channel, agent, reference, summary. */
export function ContactsTable({
  notes,
  when,
  i18n: { t },
}: {
  notes: NoteDto[];
  /** Every time with its seconds and its zone. */
  when: (at: Date) => string;
  /** The record's language, which may not be the app's (?lang=). */
  i18n: RowI18n;
}) {
  return (
    <table className="record-table w-full table-fixed">
      <colgroup>
        <col className="w-[19%]" />
        <col className="w-[12%]" />
        <col className="w-[17%]" />
        <col className="w-[17%]" />
        <col className="w-[35%]" />
      </colgroup>
      <thead>
        <tr>
          <th className={th}>{t("evidence.when")}</th>
          <th className={th}>{t("evidence.channel")}</th>
          <th className={th}>{t("evidence.agent")}</th>
          <th className={th}>{t("evidence.reference")}</th>
          <th className={th}>{t("evidence.summary")}</th>
        </tr>
      </thead>
      <tbody>
        {notes.map((note) => (
          <tr key={note.id} className="border-t border-slate-100 dark:border-slate-800">
            <td className={stamp}>{when(note.occurredAt)}</td>
            <td className={tight}>{t(`domain.channel.${note.channel}`)}</td>
            <td className={`${td} [overflow-wrap:anywhere]`}>{note.agent ?? "—"}</td>
            <td className={`${td} font-mono text-xs [overflow-wrap:anywhere]`}>
              {note.reference ?? "—"}
            </td>
            <td className={`${td} whitespace-pre-wrap [overflow-wrap:anywhere]`}>
              {note.failureReason
                ? `${t("notes.failedLabel", { reason: t(`domain.failure.${note.failureReason}`) })}\n`
                : ""}
              {note.summary}
              {note.outcome ? `\n${t("notes.outcomeLabel", { outcome: note.outcome })}` : ""}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The receipts: file (with its SHA-256), kind, size, when it was uploaded. */
export function ReceiptsTable({
  receipts,
  when,
  i18n: { t, locale },
}: {
  receipts: ReceiptDto[];
  when: (at: Date) => string;
  i18n: RowI18n;
}) {
  return (
    <table className="record-table w-full table-fixed">
      <colgroup>
        <col className="w-[47%]" />
        <col className="w-[15%]" />
        <col className="w-[12%]" />
        <col className="w-[26%]" />
      </colgroup>
      <thead>
        <tr>
          <th className={th}>{t("evidence.file")}</th>
          <th className={th}>{t("evidence.kind")}</th>
          <th className={th}>{t("evidence.size")}</th>
          <th className={th}>{t("evidence.when")}</th>
        </tr>
      </thead>
      <tbody>
        {receipts.map((receipt) => (
          <tr key={receipt.id} className="border-t border-slate-100 dark:border-slate-800">
            <td className={td}>
              <a
                href={`/api/v1/receipts/${receipt.id}/download`}
                className="font-medium break-all text-indigo-700 hover:underline print:text-inherit print:no-underline dark:text-indigo-300"
              >
                {receipt.fileName}
              </a>
              <div
                className="font-mono text-[11px] break-all text-slate-500"
                data-testid="receipt-sha256"
              >
                {t("receipts.sha256")}: {receipt.sha256}
              </div>
            </td>
            <td className={tight}>{t(`domain.kind.${receipt.kind}`)}</td>
            <td className={tight}>{formatBytes(receipt.size, locale)}</td>
            <td className={stamp}>{when(receipt.uploadedAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The case's history, one row per event, in time order. */
export function HistoryTable({
  events,
  happened,
  i18n: { t },
}: {
  events: CaseEventDto[];
  /** A step's day, and when it was written down if that was later. */
  happened: (step: { at: Date; occurredOn: string }) => string;
  i18n: RowI18n;
}) {
  const doneBefore = skipsOfDoneSteps(events);
  return (
    <table className="record-table w-full table-fixed">
      <colgroup>
        <col className="w-[26%]" />
        <col className="w-[22%]" />
        <col className="w-[52%]" />
      </colgroup>
      <thead>
        <tr>
          <th className={th}>{t("evidence.when")}</th>
          <th className={th}>{t("evidence.step")}</th>
          <th className={th}>{t("evidence.summary")}</th>
        </tr>
      </thead>
      <tbody>
        {events.map((event, index) => (
          <tr key={index} className="border-t border-slate-100 dark:border-slate-800">
            <td className={`${stamp} whitespace-pre-line`}>{happened(event)}</td>
            <td className={tight}>
              {event.from === null
                ? t("cases.eventOpened")
                : event.from === "confirmation_received"
                  ? t("cases.eventReopened")
                  : t(`domain.state.${event.to}`)}
              {doneBefore[index]
                ? ` ${t("cases.eventDoneBeforeMark")}`
                : event.skipped
                  ? ` ${t("cases.eventSkippedMark")}`
                  : ""}
            </td>
            <td className={`${td} whitespace-pre-wrap [overflow-wrap:anywhere]`}>
              {[
                event.rejectionReason
                  ? t("cases.rejectedBecause", {
                      reason: t(`domain.rejection.${event.rejectionReason}`),
                    })
                  : null,
                event.comment,
              ]
                .filter(Boolean)
                .join("\n")}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
