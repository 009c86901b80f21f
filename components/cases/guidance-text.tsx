import type { CaseCharges } from "@/lib/data/charge-summaries";
import { isClosed, type CaseState } from "@/lib/domain/case-workflow";
import { reopenedGuidance } from "@/lib/domain/charge-guidance";
import { formatDateOnly } from "@/lib/domain/dates";
import type { RowI18n } from "@/lib/i18n/row-i18n";

/**
 * The case's "what now": the state's advice, except for a case reopened over
 * a charge after its confirmation, where it is about the money back and the
 * bank's nearest deadline (issue 34), not the provider's review.
 */
export function GuidanceText({
  state,
  charges,
  today,
  i18n: { t, locale },
}: {
  state: CaseState;
  charges: CaseCharges;
  today: string;
  i18n: RowI18n;
}) {
  if (isClosed(state) || !charges.watch || charges.flagged.length === 0) {
    return t(`domain.guidance.${state}`);
  }
  const guidance = reopenedGuidance(charges.flagged, today);
  if (guidance.kind !== "deadline") return t(`accounts.reopened.${guidance.kind}`);
  return t("accounts.reopened.deadline", {
    date: formatDateOnly(guidance.deadline.on, locale),
    rule: t(`accounts.rules.${guidance.deadline.rule}`),
  });
}
