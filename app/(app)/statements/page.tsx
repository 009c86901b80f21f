import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { StatementsView } from "@/components/charges/statements-view";
import { requireUser } from "@/lib/auth/session";
import { listImports } from "@/lib/data/statement-imports";
import { flaggedSummary } from "@/lib/data/charge-summaries";
import { findRecurringCharges } from "@/lib/services/find-recurring-charges";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("statements");
  return { title: t("title") };
}

const IMPORTS_SHOWN = 50;
const FLAGGED_SHOWN = 20;

/** Statements in: the import form, what was flagged, recurring charges found, and the imports so far. */
export default async function StatementsPage() {
  const user = await requireUser();
  const [t, tCycle, locale, format, imports, flagged, recurring] = await Promise.all([
    getTranslations("statements"),
    getTranslations("domain.cycle"),
    getLocale(),
    getFormatter(),
    listImports(user, { limit: IMPORTS_SHOWN }),
    flaggedSummary(user, FLAGGED_SHOWN),
    findRecurringCharges(user),
  ]);
  return (
    <StatementsView
      imports={imports}
      flagged={flagged}
      recurring={recurring}
      timeZone={user.timeZone}
      t={t}
      tCycle={tCycle}
      locale={locale}
      format={format}
    />
  );
}
