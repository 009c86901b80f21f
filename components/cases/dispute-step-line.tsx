import type { DisputeDto } from "@/lib/data/disputes";
import { formatDateOnly } from "@/lib/domain/dates";
import type { DisputeStep } from "@/lib/domain/disputes";
import { formatMoney } from "@/lib/domain/money";
import type { RowI18n } from "@/lib/i18n/row-i18n";

const DOT: Record<DisputeStep["step"], string> = {
  filed: "bg-amber-500",
  acknowledged: "bg-amber-500",
  provisional_credit: "bg-amber-500",
  credited: "bg-emerald-500",
  denied: "bg-red-500",
  withdrawn: "border border-slate-400",
};

/** One step of a dispute of the case's charge, in the case's history. */
export function DisputeStepLine({
  entry: { step, on, dispute },
  i18n: { t, locale },
}: {
  entry: DisputeStep & { dispute: DisputeDto };
  i18n: RowI18n;
}) {
  const { charge } = dispute;
  return (
    <>
      <span aria-hidden="true" className={`mt-1.5 size-2.5 shrink-0 rounded-full ${DOT[step]}`} />
      <div className="min-w-0 flex-1 text-sm" data-step={step}>
        <p className="font-medium">
          {t(`disputes.step.${step}`, {
            channel: t(`disputes.channel.${dispute.channel}`),
            amount: formatMoney(
              dispute.provisionalCreditAmount ?? charge.amount,
              charge.currency,
              locale,
            ),
          })}
        </p>
        <p className="text-xs [overflow-wrap:anywhere] text-slate-500 dark:text-slate-400">
          <time dateTime={on}>{formatDateOnly(on, locale)}</time>
          {" · "}
          {charge.description} · {formatMoney(charge.amount, charge.currency, locale)}
          {step === "filed" && dispute.reference
            ? ` · ${t("disputes.referenceLine", { reference: dispute.reference })}`
            : ""}
        </p>
      </div>
    </>
  );
}
