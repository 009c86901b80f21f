import { formatDateOnly } from "@/lib/domain/dates";
import { dateTimeFormat } from "@/lib/domain/intl";
import type { RowI18n } from "@/lib/i18n/row-i18n";
import type { SubscriptionStatus } from "@/lib/domain/subscriptions";

type Renewing = {
  status: SubscriptionStatus;
  nextRenewalOn: string | null;
  cancelledAt: Date | null;
};

/**
 * What stands where a subscription's next renewal goes: the renewal date of
 * a live one; "Cancelled on …" (in the user's time zone) for a cancelled
 * one, which renews no more whatever date was kept from before. Synchronous,
 * so a table can show one a row (lib/i18n/row-i18n).
 */
export function RenewalText({
  subscription: s,
  timeZone,
  empty = "",
  i18n: { t, locale },
}: {
  subscription: Renewing;
  timeZone: string;
  empty?: string;
  i18n: RowI18n;
}) {
  if (s.status === "cancelled") {
    return (
      <span className="text-emerald-700 dark:text-emerald-300" data-testid="renewal">
        {s.cancelledAt
          ? t("subscriptions.cancelledOn", {
              date: dateTimeFormat(locale, { dateStyle: "medium", timeZone }).format(s.cancelledAt),
            })
          : t("subscriptions.renewsNoMore")}
      </span>
    );
  }
  return (
    <span data-testid="renewal">
      {s.nextRenewalOn ? formatDateOnly(s.nextRenewalOn, locale) : empty}
    </span>
  );
}
