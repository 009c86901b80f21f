import type { ReactNode } from "react";
import { CaseStateBadge } from "@/components/cases/state-badge";
import { ChargeList } from "@/components/charges/charge-list";
import { DeleteSubscriptionButton } from "@/components/subscriptions/delete-subscription-button";
import { OpenCaseForm } from "@/components/subscriptions/open-case-form";
import { SubscriptionPlaybook } from "@/components/playbooks/subscription-playbook";
import { RenewalText } from "@/components/subscriptions/renewal";
import { reminderRuleDetails } from "@/components/subscriptions/reminder-rule-details";
import { SubscriptionStatusBadge } from "@/components/subscriptions/status-badge";
import { BackLink } from "@/components/ui/back-link";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Link } from "@/components/ui/link";
import type { CaseDto } from "@/lib/data/case-dto";
import type { Page } from "@/lib/data/pagination";
import type { SubscriptionDto } from "@/lib/data/subscriptions";
import type { TransactionDto } from "@/lib/data/flagged-charges";
import { isClosed } from "@/lib/domain/case-workflow";
import { formatDateOnly, todayIn } from "@/lib/domain/dates";
import { dateTimeFormat } from "@/lib/domain/intl";
import { formatMoney, monthlyEquivalent } from "@/lib/domain/money";
import { maskAccountRef } from "@/lib/domain/subscriptions";
import { trialCancelBy } from "@/lib/domain/trials";
import type { PageTranslator } from "@/lib/i18n/row-i18n";
import type { ResolvedPlaybook } from "@/lib/playbooks/resolve";

/** One subscription: its case (or how to start one), past cases, statement lines and details. */
export function SubscriptionView({
  s,
  cases,
  lines,
  playbook,
  timeZone,
  t,
  locale,
}: {
  s: SubscriptionDto;
  cases: CaseDto[];
  lines: Page<TransactionDto>;
  playbook: ResolvedPlaybook | null;
  timeZone: string;
  t: PageTranslator;
  locale: string;
}) {
  const activeCase = cases.find((c) => !isClosed(c.state));
  const none = t("subscriptions.none");
  const details: [string, ReactNode][] = [
    [t("subscriptions.category"), t(`domain.category.${s.category}`)],
    [t("subscriptions.plan"), s.plan ?? none],
    [
      t("subscriptions.price"),
      `${formatMoney(s.amount, s.currency, locale)} ${t(`domain.perCycle.${s.billingCycle}`)}`,
    ],
    [
      t("subscriptions.monthlyTotal"),
      formatMoney(monthlyEquivalent(s.amount, s.billingCycle), s.currency, locale),
    ],
    [
      t("subscriptions.nextRenewal"),
      <RenewalText
        key="renewal"
        subscription={s}
        timeZone={timeZone}
        empty={none}
        i18n={{ t, locale }}
      />,
    ],
    ...(s.trialEndsOn
      ? ([
          [
            t("subscriptions.trialEndsOn"),
            <span key="trial" data-testid="trial-ends-on">
              {formatDateOnly(s.trialEndsOn, locale)}
              {s.status === "cancelled" ? null : (
                <span className="block font-semibold text-amber-700 dark:text-amber-300">
                  {t("subscriptions.trialCancelBy", {
                    date: formatDateOnly(trialCancelBy(s.trialEndsOn), locale),
                  })}
                </span>
              )}
            </span>,
          ],
        ] satisfies [string, ReactNode][])
      : []),
    ...reminderRuleDetails(s, t, locale, timeZone),
    [
      t("subscriptions.autoRenew"),
      s.status === "cancelled" ? t("subscriptions.autoRenewEnded") : s.autoRenew ? "✓" : "✗",
    ],
    [
      t("subscriptions.accountRef"),
      <span key="ref" className="font-mono">
        {maskAccountRef(s.accountRef) ?? none}
      </span>,
    ],
    [t("subscriptions.paymentMethod"), s.paymentMethod ?? none],
    [
      t("subscriptions.merchantPatterns"),
      <span key="patterns" className="font-mono text-xs break-all" data-testid="merchant-patterns">
        {s.merchantPatterns.join(", ") || none}
      </span>,
    ],
    [
      t("subscriptions.cancelUrl"),
      s.cancelUrl ? (
        <a
          key="url"
          href={s.cancelUrl}
          rel="noopener noreferrer nofollow"
          target="_blank"
          className="break-all text-indigo-700 hover:underline dark:text-indigo-300"
        >
          {s.cancelUrl}
        </a>
      ) : (
        none
      ),
    ],
  ];

  return (
    <>
      <BackLink href="/subscriptions" label={t("subscriptions.back")} />
      <header className="mb-6 flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        <div>
          <div className="flex flex-wrap items-center gap-3">
            <h1 className="text-2xl font-bold tracking-tight text-slate-900 dark:text-white">
              {s.provider}
            </h1>
            <SubscriptionStatusBadge status={s.status} t={t} />
          </div>
          {s.status === "cancelled" && s.cancelledAt ? (
            <p className="mt-1 text-sm text-emerald-700 dark:text-emerald-300">
              {t("subscriptions.cancelledOn", {
                date: dateTimeFormat(locale, {
                  dateStyle: "medium",
                  timeZone: timeZone,
                }).format(s.cancelledAt),
              })}
            </p>
          ) : null}
        </div>
        <div className="flex gap-2">
          <Link href={`/subscriptions/${s.id}/edit`} className={buttonClasses("secondary")}>
            {t("subscriptions.edit")}
          </Link>
          <DeleteSubscriptionButton
            id={s.id}
            body={t("subscriptions.deleteBody", { count: cases.length })}
          />
        </div>
      </header>

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="space-y-6">
          {activeCase ? (
            <Card className="border-amber-200 bg-amber-50/50 dark:border-amber-900 dark:bg-amber-950/20">
              <CardHeader title={t("subscriptions.activeCase")} />
              <div className="flex flex-wrap items-center gap-3">
                <CaseStateBadge state={activeCase.state} t={t} />
                <Link href={`/cases/${activeCase.id}`} className={buttonClasses("primary")}>
                  {t("subscriptions.viewCase")}
                </Link>
              </div>
            </Card>
          ) : s.status !== "cancelled" ? (
            <Card>
              <CardHeader title={t("subscriptions.startTitle", { provider: s.provider })} />
              <OpenCaseForm subscriptionId={s.id} today={todayIn(timeZone)} />
            </Card>
          ) : null}

          <SubscriptionPlaybook playbook={playbook} t={t} locale={locale} />

          <Card>
            <CardHeader title={t("subscriptions.cases")} />
            {cases.length === 0 ? (
              <p className="text-sm text-slate-500 dark:text-slate-400">
                {t("subscriptions.noCases")}
              </p>
            ) : (
              <ul className="divide-y divide-slate-100 dark:divide-slate-800">
                {cases.map((c) => (
                  <li
                    key={c.id}
                    className="flex flex-col gap-1 py-3 sm:flex-row sm:items-center sm:justify-between sm:gap-3"
                  >
                    <Link
                      href={`/cases/${c.id}`}
                      className="font-medium text-indigo-700 hover:underline dark:text-indigo-300"
                    >
                      {t(`domain.reason.${c.reason}`)}
                    </Link>
                    <span className="flex items-center gap-3 text-sm whitespace-nowrap text-slate-500">
                      {formatDateOnly(c.openedOn, locale)}
                      <CaseStateBadge state={c.state} t={t} />
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Card>

          <Card id="charges">
            <CardHeader
              title={t("charges.onStatements")}
              description={t("charges.onStatementsHint")}
            />
            {lines.items.length === 0 ? (
              <p className="text-sm text-slate-500 dark:text-slate-400">
                {t("charges.noLines")}{" "}
                <Link
                  href="/statements"
                  className="font-semibold text-indigo-700 hover:underline dark:text-indigo-300"
                >
                  {t("charges.importLink")}
                </Link>
              </p>
            ) : (
              <ChargeList lines={lines.items} today={todayIn(timeZone)} actions={false} />
            )}
          </Card>
        </div>

        <Card>
          <CardHeader title={t("subscriptions.details")} />
          <dl className="divide-y divide-slate-100 text-sm dark:divide-slate-800">
            {details.map(([label, value]) => (
              <div key={label} className="flex justify-between gap-4 py-2.5">
                <dt className="text-slate-500 dark:text-slate-400">{label}</dt>
                <dd className="text-right font-medium">{value}</dd>
              </div>
            ))}
          </dl>
          {s.notes ? (
            <p className="mt-4 text-sm whitespace-pre-wrap text-slate-700 dark:text-slate-300">
              {s.notes}
            </p>
          ) : null}
        </Card>
      </div>
    </>
  );
}
