import "server-only";
import type { DisputeDto } from "@/lib/data/disputes";
import { formatDateOnly } from "@/lib/domain/dates";
import type { Locale } from "@/lib/domain/locales";
import { formatMoney } from "@/lib/domain/money";
import { translator } from "@/lib/i18n/catalogs";
import type { Layout } from "./pdf-layout";

// The dispute pack's page of the disputes of the case's charges (issue 34):
// each with the day it was filed, how, under which law, the bank's days, a
// provisional credit and the outcome, so whoever reads the pack sees how far
// the bank got and whether it kept its days.

export async function disputesSection(
  layout: Layout,
  disputes: readonly DisputeDto[],
  locale: Locale,
): Promise<void> {
  if (disputes.length === 0) return;
  const t = await translator(locale, "disputes");
  const day = (date: string) => formatDateOnly(date, locale);
  await layout.newPage();
  await layout.heading(t("packTitle"), 16);
  for (const dispute of disputes) {
    const { charge } = dispute;
    await layout.heading(
      `${charge.description} · ${formatMoney(charge.amount, charge.currency, locale)}`,
      12,
    );
    await layout.row(
      t("status.filed"),
      [
        t("filedLine", {
          date: day(dispute.filedOn),
          channel: t(`channel.${dispute.channel}`),
          law: t(`law.${dispute.law}`),
        }),
        dispute.reference ? t("referenceLine", { reference: dispute.reference }) : null,
      ]
        .filter(Boolean)
        .join("\n"),
    );
    if (dispute.acknowledgedOn) {
      await layout.row(
        t("step.acknowledged"),
        t("acknowledgedLine", { date: day(dispute.acknowledgedOn) }),
      );
    }
    if (dispute.provisionalCreditOn) {
      await layout.row(
        t("status.provisional_credit"),
        t("creditLine", {
          amount: formatMoney(
            dispute.provisionalCreditAmount ?? charge.amount,
            charge.currency,
            locale,
          ),
          date: day(dispute.provisionalCreditOn),
        }),
      );
    }
    if (dispute.resolvedOn) {
      await layout.row(
        t("outcome"),
        t("resolvedLine", {
          status: t(`status.${dispute.status}`),
          date: day(dispute.resolvedOn),
        }),
      );
    }
    await layout.row(
      t("packDuties"),
      dispute.bankDuties
        .map(
          (duty) =>
            `${t(`duty.${duty.duty}`, { date: day(duty.by) })}${
              duty.late
                ? ` · ${t("dutyLate", { date: day(duty.lateSince ?? duty.by) })}`
                : duty.met
                  ? ` · ${t("dutyMet")}`
                  : ""
            }`,
        )
        .join("\n"),
    );
    await layout.gap(8);
  }
}
