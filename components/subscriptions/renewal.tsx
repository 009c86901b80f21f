import { getLocale, getTranslations } from "next-intl/server";
import { formatDateOnly } from "@/lib/domain/dates";
import { dateTimeFormat } from "@/lib/domain/intl";
import type { SubscriptionStatus } from "@/lib/domain/subscriptions";

type Renewing = {
  status: SubscriptionStatus;
  nextRenewalOn: string | null;
  cancelledAt: Date | null;
};

/**
 * What stands where a subscription's next renewal goes: the renewal date of
 * a live one; "Cancelled on …" (in the user's time zone) for a cancelled
 * one, which renews no more whatever date was kept from before.
 */
export async function RenewalText({
  subscription: s,
  timeZone,
  empty = "",
}: {
  subscription: Renewing;
  timeZone: string;
  empty?: string;
}) {
  const [t, locale] = await Promise.all([getTranslations("subscriptions"), getLocale()]);
  if (s.status === "cancelled") {
    return (
      <span className="text-emerald-700 dark:text-emerald-300" data-testid="renewal">
        {s.cancelledAt
          ? t("cancelledOn", {
              date: dateTimeFormat(locale, { dateStyle: "medium", timeZone }).format(s.cancelledAt),
            })
          : t("renewsNoMore")}
      </span>
    );
  }
  return (
    <span data-testid="renewal">
      {s.nextRenewalOn ? formatDateOnly(s.nextRenewalOn, locale) : empty}
    </span>
  );
}
