import { getLocale, getTranslations } from "next-intl/server";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { requireUser } from "@/lib/auth/session";
import { disputesOfLines, type DisputeDto } from "@/lib/data/disputes";
import type { TransactionDto } from "@/lib/data/flagged-charges";
import { formatDateOnly } from "@/lib/domain/dates";
import { CFPB_COMPLAINT_URL, type DisputeStatus, isClosedStatus } from "@/lib/domain/disputes";
import { formatMoney } from "@/lib/domain/money";
import type { RowI18n } from "@/lib/i18n/row-i18n";
import { LazyDisputeStepForm, LazyFileDisputeForm } from "./lazy-charge-forms";

// A flagged charge's dispute with the bank (issue 34, point 2): filed when,
// how and under which law, what the bank owes by when (late or done), a
// provisional credit and the outcome, and after a denial what to try next.
// Rendered by ./charge-list.tsx under each flagged line.

const STATUS_TONE: Record<DisputeStatus, BadgeTone> = {
  filed: "neutral",
  provisional_credit: "warning",
  credited: "success",
  denied: "danger",
  withdrawn: "neutral",
};

/** Disputes shown per line: the open one and the latest outcomes. */
const SHOWN = 3;

function DisputeSummary({ dispute, i18n: { t, locale } }: { dispute: DisputeDto; i18n: RowI18n }) {
  const day = (date: string) => formatDateOnly(date, locale);
  const open = !isClosedStatus(dispute.status);
  return (
    <div className="space-y-1" data-testid="dispute" data-status={dispute.status}>
      <p className="flex flex-wrap items-center gap-2">
        <Badge tone={STATUS_TONE[dispute.status]} testId="dispute-status">
          {t(`disputes.status.${dispute.status}`)}
        </Badge>
        <span className="text-slate-600 dark:text-slate-400">
          {t("disputes.filedLine", {
            date: day(dispute.filedOn),
            channel: t(`disputes.channel.${dispute.channel}`),
            law: t(`disputes.law.${dispute.law}`),
          })}
        </span>
      </p>
      {dispute.reference ? (
        <p className="[overflow-wrap:anywhere] text-slate-600 dark:text-slate-400">
          {t("disputes.referenceLine", { reference: dispute.reference })}
        </p>
      ) : null}
      {dispute.acknowledgedOn ? (
        <p data-testid="dispute-acknowledged">
          {t("disputes.acknowledgedLine", { date: day(dispute.acknowledgedOn) })}
        </p>
      ) : null}
      {dispute.provisionalCreditOn ? (
        <p data-testid="dispute-credit">
          {t("disputes.creditLine", {
            amount: formatMoney(
              dispute.provisionalCreditAmount ?? dispute.charge.amount,
              dispute.charge.currency,
              locale,
            ),
            date: day(dispute.provisionalCreditOn),
          })}
        </p>
      ) : null}
      {dispute.resolvedOn ? (
        <p data-testid="dispute-resolved">
          {t("disputes.resolvedLine", {
            status: t(`disputes.status.${dispute.status}`),
            date: day(dispute.resolvedOn),
          })}
        </p>
      ) : null}
      {open ? (
        <ul className="space-y-0.5" data-testid="bank-duties">
          {dispute.bankDuties.map((duty) => (
            <li
              key={duty.duty}
              className={
                duty.late
                  ? "font-semibold text-red-700 dark:text-red-300"
                  : duty.met
                    ? "text-slate-500 line-through dark:text-slate-400"
                    : ""
              }
              data-late={duty.late || undefined}
            >
              {t(`disputes.duty.${duty.duty}`, { date: day(duty.by) })}
              {duty.late
                ? ` · ${t("disputes.dutyLate", { date: day(duty.lateSince ?? duty.by) })}`
                : duty.met
                  ? ` · ${t("disputes.dutyMet")}`
                  : ""}
              {duty.duty === "acknowledge" && !duty.met ? (
                <span className="block text-slate-500 dark:text-slate-400">
                  {t("disputes.acknowledgeNote")}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {dispute.nextSteps.length > 0 ? (
        <div data-testid="dispute-next-steps">
          <p className="font-medium">{t("disputes.nextTitle")}</p>
          <ul className="list-disc space-y-0.5 pl-5">
            {dispute.nextSteps.map((step) => (
              <li key={step.kind}>
                {step.kind === "network_chargeback"
                  ? t("disputes.next.network_chargeback", { date: day(step.until) })
                  : t("disputes.next.cfpb_complaint")}
                {step.kind === "cfpb_complaint" ? (
                  <>
                    {" "}
                    <a
                      href={CFPB_COMPLAINT_URL}
                      target="_blank"
                      rel="noopener noreferrer"
                      className="underline"
                    >
                      {t("disputes.cfpbLink")}
                    </a>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

/** What each step form of an open dispute is called, folded. */
const STEP_SUMMARY = {
  acknowledged: "disputes.recordAcknowledged",
  credit: "disputes.recordCredit",
  outcome: "disputes.recordOutcome",
} as const;

const details = "rounded-md border border-slate-200 p-2 dark:border-slate-700";
const summary = "cursor-pointer text-xs font-medium text-indigo-700 dark:text-indigo-300";

export async function DisputeTracker({ line, today }: { line: TransactionDto; today: string }) {
  const [user, t, locale] = await Promise.all([requireUser(), getTranslations(), getLocale()]);
  const disputes = (await disputesOfLines(user, [line.id], today)).slice(0, SHOWN);
  const open = disputes.find((d) => !isClosedStatus(d.status));
  const caseId = line.caseId ?? undefined;
  return (
    <section
      className="mt-2 w-full space-y-2 text-xs"
      aria-label={t("disputes.title")}
      data-testid="dispute-tracker"
    >
      {disputes.map((dispute) => (
        <DisputeSummary key={dispute.id} dispute={dispute} i18n={{ t, locale }} />
      ))}
      {open ? (
        <>
          {(
            [
              ["acknowledged", open.bankDuties.some((d) => d.duty === "acknowledge" && !d.met)],
              ["credit", open.status === "filed"],
              ["outcome", true],
            ] as const
          ).map(([kind, shown]) =>
            shown ? (
              <details key={kind} className={details}>
                <summary className={summary}>{t(STEP_SUMMARY[kind])}</summary>
                <div className="mt-2">
                  <LazyDisputeStepForm
                    kind={kind}
                    disputeId={open.id}
                    caseId={caseId}
                    currency={line.currency}
                    today={today}
                  />
                </div>
              </details>
            ) : null,
          )}
        </>
      ) : (
        <details className={details}>
          <summary className={summary}>{t("disputes.file")}</summary>
          <div className="mt-2">
            <LazyFileDisputeForm transactionId={line.id} caseId={caseId} today={today} />
          </div>
        </details>
      )}
    </section>
  );
}
