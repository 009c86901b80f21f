import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { StatementsView } from "@/components/charges/statements-view";
import { requireUser } from "@/lib/auth/session";
import { listImports } from "@/lib/data/statement-imports";
import { flaggedSummary } from "@/lib/data/charge-summaries";
import { listAccounts } from "@/lib/data/statement-accounts";
import { findRecurringCharges } from "@/lib/services/find-recurring-charges";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("statements");
  return { title: t("title") };
}

const IMPORTS_SHOWN = 50;
const FLAGGED_SHOWN = 20;
const ACCOUNTS_SHOWN = 100;

/** Statements in: the import form, what was flagged, recurring charges found, the accounts and the imports so far. */
export default async function StatementsPage() {
  const user = await requireUser();
  const [t, tAll, tCycle, locale, format, imports, flagged, recurring, accounts] =
    await Promise.all([
      getTranslations("statements"),
      getTranslations(),
      getTranslations("domain.cycle"),
      getLocale(),
      getFormatter(),
      listImports(user, { limit: IMPORTS_SHOWN }),
      flaggedSummary(user, FLAGGED_SHOWN),
      findRecurringCharges(user),
      listAccounts(user, { limit: ACCOUNTS_SHOWN }),
    ]);
  return (
    <StatementsView
      imports={imports}
      flagged={flagged}
      recurring={recurring}
      accounts={accounts.items}
      tAll={tAll}
      timeZone={user.timeZone}
      t={t}
      tCycle={tCycle}
      locale={locale}
      format={format}
    />
  );
}
