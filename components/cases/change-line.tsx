import type { CaseChangeDto } from "@/lib/data/case-changes";
import { formatBytes } from "@/lib/domain/receipts";
import type { RowI18n } from "@/lib/i18n/row-i18n";

/** The line a deleted note or receipt left in the case's record: when it went, and what it was. */
export function ChangeLine({
  change,
  when,
  i18n: { t, locale },
}: {
  change: CaseChangeDto;
  when: (at: Date) => string;
  /** The page's language: the evidence page's may not be the app's. */
  i18n: RowI18n;
}) {
  const instant = (iso: string) => (iso ? when(new Date(iso)) : "—");
  return (
    <div className="min-w-0 flex-1 text-sm">
      <p className="font-medium text-slate-600 dark:text-slate-300">
        {change.kind === "note_deleted" ? t("changes.noteDeleted") : t("changes.receiptDeleted")}
      </p>
      <p className="text-xs text-slate-500 dark:text-slate-400">
        <time dateTime={change.at.toISOString()}>{when(change.at)}</time>
      </p>
      {change.kind === "note_deleted" ? (
        <div className="mt-1 text-slate-600 dark:text-slate-400">
          <p>
            {t("changes.noteWas", {
              channel: t(`domain.channel.${change.note.channel}`),
              when: instant(change.note.occurredAt),
            })}
            {change.note.agent ? ` · ${t("notes.agentLabel", { agent: change.note.agent })}` : ""}
            {change.note.reference
              ? ` · ${t("notes.referenceLabel", { reference: change.note.reference })}`
              : ""}
          </p>
          <p className="whitespace-pre-wrap line-through decoration-slate-300 dark:decoration-slate-600">
            {change.note.summary}
          </p>
        </div>
      ) : (
        <div className="mt-1 text-slate-600 dark:text-slate-400">
          <p className="break-words">
            <span className="line-through decoration-slate-300 dark:decoration-slate-600">
              {change.receipt.fileName}
            </span>{" "}
            · {t(`domain.kind.${change.receipt.kind}`)} · {formatBytes(change.receipt.size, locale)}{" "}
            · {t("changes.uploadedAt", { date: instant(change.receipt.uploadedAt) })}
          </p>
          <p className="font-mono text-[11px] break-all text-slate-500">
            {t("receipts.sha256")}: {change.receipt.sha256}
          </p>
        </div>
      )}
    </div>
  );
}
