import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { StatementsView } from "@/components/charges/statements-view";
import { requireUser } from "@/lib/auth/session";
import { listImports } from "@/lib/data/statement-imports";
import { flaggedSummary } from "@/lib/data/charge-summaries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("statements");
  return { title: t("title") };
}

const IMPORTS_SHOWN = 50;
const FLAGGED_SHOWN = 20;

/** Statements in: the import form, what was flagged, and the imports so far (each can be removed). */
export default async function StatementsPage() {
  const user = await requireUser();
  const [t, locale, format, imports, flagged] = await Promise.all([
    getTranslations("statements"),
    getLocale(),
    getFormatter(),
    listImports(user, { limit: IMPORTS_SHOWN }),
    flaggedSummary(user, FLAGGED_SHOWN),
  ]);
  return (
    <StatementsView
      imports={imports}
      flagged={flagged}
      timeZone={user.timeZone}
      t={t}
      locale={locale}
      format={format}
    />
  );
}
