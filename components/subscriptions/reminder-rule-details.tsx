import type { ReactNode } from "react";
import type { SubscriptionDto } from "@/lib/data/subscriptions";
import { formatDateOnly, todayIn } from "@/lib/domain/dates";
import { cancelByDate } from "@/lib/domain/reminder-rules";
import type { PageTranslator } from "@/lib/i18n/row-i18n";

/**
 * The subscription page's reminder lines: when its renewal is reminded, and
 * with a notice period the last day to cancel before the next renewal it
 * still reaches (a notice longer than the billing period counts to a later one).
 */
export function reminderRuleDetails(
  s: SubscriptionDto,
  t: PageTranslator,
  locale: string,
  timeZone: string,
): [string, ReactNode][] {
  const days = s.remindDaysBefore.length
    ? s.remindDaysBefore.join(locale === "zh-CN" ? "、" : ", ")
    : t("reminderRules.leadTimesNone");
  const details: [string, ReactNode][] = [
    [
      t("reminderRules.leadTimes"),
      <span key="lead" data-testid="lead-times">
        {days}
        {s.remindDaysBeforeDefault ? (
          <span className="block text-xs text-slate-600 dark:text-slate-400">
            {t("reminderRules.leadTimesFromSettings")}
          </span>
        ) : null}
      </span>,
    ],
  ];
  if (s.noticeDays === null || s.status === "cancelled") return details;
  const next = cancelByDate(s.nextRenewalOn, s.noticeDays, s.billingCycle, todayIn(timeZone));
  details.push([
    t("reminderRules.cancelBy"),
    <span key="cancel-by" data-testid="cancel-by">
      {next ? (
        <span className="font-semibold text-amber-700 dark:text-amber-300">
          {formatDateOnly(next.cancelBy, locale)}
        </span>
      ) : (
        t("reminderRules.cancelByNoRenewal")
      )}
      <span className="block text-xs text-slate-600 dark:text-slate-400">
        {next
          ? t("reminderRules.noticeForRenewal", {
              count: s.noticeDays,
              renewal: formatDateOnly(next.renewalOn, locale),
            })
          : t("reminderRules.noticeDaysValue", { count: s.noticeDays })}
      </span>
    </span>,
  ]);
  return details;
}
