import type { NoteDto } from "@/lib/data/notes";
import { nextChannels, type FailedAttempt } from "@/lib/domain/attempts";
import type { PageTranslator } from "@/lib/i18n/row-i18n";

/**
 * After a failed contact: where to turn next (lib/domain/attempts.ts), said
 * beside the contact log. `available`: the playbook's channel kinds, when
 * the subscription has one; null: any channel.
 */
export function NextChannelHint({
  notes,
  available,
  t,
}: {
  notes: readonly NoteDto[];
  available: readonly string[] | null;
  t: PageTranslator;
}) {
  const attempts: FailedAttempt[] = notes
    .filter((note) => note.failureReason !== null)
    .sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime())
    .map((note) => ({ channel: note.channel, reason: note.failureReason! }));
  const latest = attempts.at(-1);
  if (!latest) return null;
  const next = nextChannels(attempts, available);
  return (
    <div
      role="note"
      className="mb-5 rounded-xl border border-amber-200 bg-amber-50 p-4 text-sm dark:border-amber-900 dark:bg-amber-950/40"
      data-testid="next-channel"
    >
      <p className="font-semibold text-amber-900 dark:text-amber-200">
        {t("cases.nextChannelTitle")}
      </p>
      <p className="mt-1 text-amber-950 dark:text-amber-100">
        {next.length > 0
          ? t("cases.nextChannelAfter", {
              channel: t(`domain.channel.${latest.channel}`),
              reason: t(`domain.failure.${latest.reason}`),
              next: next.map((c) => t(`domain.channel.${c}`)).join(t("cases.nextChannelThen")),
            })
          : t("cases.nextChannelNone")}
      </p>
    </div>
  );
}
