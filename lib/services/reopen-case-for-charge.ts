import "server-only";
import type { CaseDto } from "@/lib/data/case-dto";
import { transitionCase } from "@/lib/data/cases";
import { flaggedChargeOfCase } from "@/lib/data/transactions";
import type { Actor } from "@/lib/data/users";
import { formatDateOnly } from "@/lib/domain/dates";
import type { Locale } from "@/lib/domain/locales";
import { formatMoney } from "@/lib/domain/money";
import { translator } from "@/lib/i18n/catalogs";
import { transitionSchema, type ReopenForChargeInput } from "@/lib/validation/cases";
import { parseInput } from "@/lib/validation/parse";

/**
 * Reopens a confirmed case over a charge flagged after it: the charge, as
 * the statement shows it, is the reopen's comment in the case's history, in
 * the user's language. The version is the one the user saw, so a case that
 * changed since is a conflict, never a reopen they did not mean.
 */
export async function reopenCaseForCharge(
  actor: Actor & { timeZone: string },
  { caseId, transactionId, expectedVersion }: ReopenForChargeInput,
  locale: Locale,
): Promise<CaseDto> {
  const [charge, t] = await Promise.all([
    flaggedChargeOfCase(actor, caseId, transactionId),
    translator(locale, "charges"),
  ]);
  const comment = t("reopenComment", {
    description: charge.description,
    amount: formatMoney(charge.amount, charge.currency, locale),
    date: formatDateOnly(charge.postedOn, locale),
    account: charge.account,
  });
  return transitionCase(
    actor,
    caseId,
    parseInput(transitionSchema, { to: "under_review", comment, expectedVersion }),
  );
}
