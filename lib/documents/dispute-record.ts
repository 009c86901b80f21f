import "server-only";
import type { DisputePackData } from "@/lib/data/dispute-pack";
import { skipsOfDoneSteps } from "@/lib/domain/case-workflow";
import { formatDateOnly } from "@/lib/domain/dates";
import { stepMoment } from "@/lib/domain/timeline";
import type { Locale } from "@/lib/domain/locales";
import { formatBytes } from "@/lib/domain/receipts";
import { maskAccountRef } from "@/lib/domain/subscriptions";
import type { Translate } from "@/lib/i18n/catalogs";
import { Layout } from "./pdf-layout";

// The dispute pack's record: the facts, the timeline, the after-confirmation
// checklist, the contact log and the receipts index. The letter before it is
// one of the case's letters (lib/domain/letters), set by ./letter-pdf.ts.

export type Formats = {
  money: (cents: number, currency: string) => string;
  locale: Locale;
};

export async function record(
  layout: Layout,
  data: DisputePackData,
  t: Translate,
  d: Translate,
  f: Formats & { instant: (at: Date) => string },
) {
  const s = data.subscription;
  await layout.newPage();
  await layout.heading(t("recordTitle"), 16);
  await layout.row(t("provider"), s.provider);
  if (s.plan) await layout.row(t("plan"), s.plan);
  await layout.row(
    t("price"),
    `${f.money(s.amount, s.currency)} ${d(`perCycle.${s.billingCycle}`)}`,
  );
  const account = maskAccountRef(s.accountRef);
  if (account) await layout.row(t("accountRef"), account);
  // A step's day is the day it happened; when it was written down later, that is said beside it.
  const happened = (step: { at: Date; occurredOn: string }) =>
    stepMoment(step, data.cardholder.timeZone).recordedLater
      ? `${formatDateOnly(step.occurredOn, f.locale)}\n${t("recorded", { date: f.instant(step.at) })}`
      : f.instant(step.at);
  await layout.row(t("opened"), happened({ at: data.openedAt, occurredOn: data.openedOn }));
  await layout.row(
    t("confirmedAt"),
    data.confirmedAt && data.confirmedOn
      ? happened({ at: data.confirmedAt, occurredOn: data.confirmedOn })
      : t("notConfirmed"),
  );
  await layout.row(t("confirmationNumber"), data.confirmationNumber ?? t("noConfirmationNumber"));

  await layout.heading(t("timeline"));
  const doneBefore = skipsOfDoneSteps(data.events);
  for (const [index, event] of data.events.entries()) {
    const move = event.from
      ? `${d(`state.${event.from}`)} → ${d(`state.${event.to}`)}`
      : d(`state.${event.to}`);
    // The label column holds one line: the day it happened; "recorded …" goes with the step.
    const later = stepMoment(event, data.cardholder.timeZone).recordedLater;
    await layout.row(
      later ? formatDateOnly(event.occurredOn, f.locale) : f.instant(event.at),
      [
        doneBefore[index]
          ? `${move} ${t("doneBefore")}`
          : event.skipped
            ? `${move} ${t("skipped")}`
            : move,
        later ? t("recorded", { date: f.instant(event.at) }) : null,
        event.comment,
      ]
        .filter(Boolean)
        .join("\n"),
      130,
    );
  }

  if (data.checks.length > 0) {
    await layout.heading(t("afterConfirmation"));
    for (const check of data.checks) {
      await layout.row(
        formatDateOnly(check.doneOn, f.locale),
        [d(`check.${check.item}`), check.agent ? `${t("agent")}: ${check.agent}` : null]
          .filter(Boolean)
          .join("\n"),
        130,
      );
    }
  }

  await layout.heading(t("contactLog"));
  if (data.notes.length === 0) await layout.text(t("noNotes"), { muted: true });
  for (const note of data.notes) {
    await layout.rule();
    await layout.text(
      `${f.instant(note.occurredAt)}${t("separator")}${d(`channel.${note.channel}`)}`,
      {
        bold: true,
        after: 2,
      },
    );
    if (note.failureReason) {
      await layout.row(t("failed"), d(`failure.${note.failureReason}`), 110);
    }
    if (note.agent) await layout.row(t("agent"), note.agent, 110);
    if (note.reference) await layout.row(t("reference"), note.reference, 110);
    if (note.durationMinutes) {
      await layout.row(t("duration"), t("minutes", { count: note.durationMinutes }), 110);
    }
    await layout.text(note.summary, { after: 2 });
    if (note.outcome) await layout.row(t("outcome"), note.outcome, 110);
  }

  await layout.heading(t("receiptsTitle"));
  if (data.receipts.length === 0) await layout.text(t("noReceipts"), { muted: true });
  for (const [index, receipt] of data.receipts.entries()) {
    await layout.rule();
    await layout.text(`${index + 1}. ${receipt.fileName}`, { bold: true, after: 2 });
    await layout.row(t("kind"), d(`kind.${receipt.kind}`), 110);
    await layout.row(t("uploaded"), f.instant(receipt.uploadedAt), 110);
    await layout.row(t("size"), formatBytes(receipt.size, f.locale), 110);
    await layout.row("SHA-256", receipt.sha256, 110);
  }
}
