import type { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Link } from "@/components/ui/link";
import { formatDateOnly } from "@/lib/domain/dates";
import { formatMajorAmount, formatMoney } from "@/lib/domain/money";
import { providerNameOf } from "@/lib/domain/recurring-charges";
import type { RecurringChargeDto } from "@/lib/services/find-recurring-charges";

/** The add form, filled from a recurring charge. */
export function addSubscriptionHref(charge: RecurringChargeDto) {
  const query = new URLSearchParams({
    provider: charge.playbookName ?? providerNameOf(charge.merchantKey),
    amount: formatMajorAmount(charge.amount, charge.currency),
    currency: charge.currency,
    billingCycle: charge.cycle,
  });
  return `/subscriptions/new?${query}`;
}

/**
 * Recurring charges in the statements that no subscription covers, each
 * offered as "add this subscription" (Rocket Money's first screen).
 */
export function RecurringChargesCard({
  charges,
  t,
  tCycle,
  locale,
}: {
  charges: RecurringChargeDto[];
  t: Awaited<ReturnType<typeof getTranslations<"statements">>>;
  tCycle: Awaited<ReturnType<typeof getTranslations<"domain.cycle">>>;
  locale: string;
}) {
  const uncovered = charges.filter((charge) => charge.subscriptionId === null);
  if (uncovered.length === 0) return null;
  return (
    <Card id="recurring">
      <CardHeader
        title={t("recurringTitle", { count: uncovered.length })}
        description={t("recurringDescription")}
      />
      <ul className="divide-y divide-slate-100 dark:divide-slate-800" data-testid="recurring">
        {uncovered.map((charge) => {
          const playbookName = charge.playbookName;
          return (
            <li
              key={`${charge.merchantKey} ${charge.currency}`}
              className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 py-3 text-sm"
            >
              <div className="min-w-0 flex-1 basis-56 space-y-1">
                <p className="font-medium [overflow-wrap:anywhere] text-slate-900 dark:text-white">
                  {playbookName ?? charge.description}
                </p>
                {playbookName ? (
                  <p className="text-xs [overflow-wrap:anywhere] text-slate-500 dark:text-slate-400">
                    {charge.description}
                  </p>
                ) : null}
                <p className="text-xs text-slate-600 dark:text-slate-300">
                  {t("recurringFacts", {
                    amount: formatMoney(charge.amount, charge.currency, locale),
                    cycle: tCycle(charge.cycle),
                    count: charge.occurrences,
                    last: formatDateOnly(charge.lastPostedOn, locale),
                  })}
                </p>
              </div>
              <Link
                href={addSubscriptionHref(charge)}
                className={buttonClasses("secondary", "shrink-0")}
              >
                {t("recurringAdd")}
              </Link>
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
