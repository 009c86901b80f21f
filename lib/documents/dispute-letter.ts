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

// The dispute pack's first pages: the billing-error letter to the card
// issuer, then the record (facts, timeline, contact log, receipts index).

/** The card's last four digits, from the statement's account label or the plan's payment method. */
export function lastFour(data: DisputePackData): string | null {
  for (const label of [...data.charges.map((c) => c.account), data.subscription.paymentMethod]) {
    const digits = /(\d{4})\D*$/.exec(label ?? "");
    if (digits) return digits[1]!;
  }
  return null;
}

export type Formats = {
  day: (at: Date) => string;
  money: (cents: number, currency: string) => string;
  now: Date;
  locale: Locale;
};

export async function letter(layout: Layout, data: DisputePackData, t: Translate, f: Formats) {
  const { subscription: s, cardholder } = data;
  const four = lastFour(data) ?? "____";
  await layout.newPage();
  await layout.text(f.day(f.now), { after: 12 });
  await layout.text(cardholder.name || "______________________", { bold: true, after: 0 });
  await layout.text(cardholder.email, { after: 14 });
  await layout.text(t("to", { issuer: data.issuer ?? t("issuerUnknown") }), { after: 14 });
  await layout.text(t("subject", { last4: four }), { bold: true, size: 12, after: 12 });
  await layout.text(t("salutation"), { after: 8 });
  await layout.text(t("intro", { count: Math.max(1, data.charges.length) }), { after: 8 });
  if (data.charges.length === 0) {
    await layout.text(t("chargesBlank"), { muted: true, indent: 16, after: 8 });
  }
  for (const charge of data.charges) {
    const facts = [
      f.money(charge.amount, charge.currency),
      charge.statementDate
        ? t("statementOf", { date: formatDateOnly(charge.statementDate, f.locale) })
        : null,
      charge.account,
    ].filter(Boolean);
    await layout.row(
      formatDateOnly(charge.postedOn, f.locale),
      `${charge.description}\n${facts.join(t("separator"))}`,
      110,
    );
    await layout.gap(4);
  }
  await layout.gap(6);
  const confirmedOn = data.confirmedOn
    ? formatDateOnly(data.confirmedOn, f.locale)
    : t("notConfirmed");
  await layout.text(
    t("cancelled", {
      provider: s.plan ? `${s.provider} (${s.plan})` : s.provider,
      date: confirmedOn,
      confirmation: data.confirmationNumber ?? t("noConfirmationNumber"),
    }),
    { after: 8 },
  );
  const currencies = [...new Set(data.charges.map((c) => c.currency))];
  const total = currencies
    .map((currency) =>
      f.money(
        data.charges.filter((c) => c.currency === currency).reduce((sum, c) => sum + c.amount, 0),
        currency,
      ),
    )
    .join(" + ");
  await layout.text(t("ask", { total: total || t("totalBlank") }), { after: 8 });
  await layout.text(t("enclosed", { count: data.receipts.length }), { after: 18 });
  await layout.text(t("closing"), { after: 28 });
  await layout.text("______________________", { after: 0 });
  await layout.text(cardholder.name || cardholder.email, { after: 0 });
  await layout.text(t("cardEnding", { last4: four }), { muted: true });
}

export async function record(
  layout: Layout,
  data: DisputePackData,
  t: Translate,
  d: Translate,
  f: Pick<Formats, "money" | "locale"> & { instant: (at: Date) => string },
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
