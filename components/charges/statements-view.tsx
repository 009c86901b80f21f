import { ChargeList } from "@/components/charges/charge-list";
import { AccountsCard } from "@/components/charges/accounts-card";
import { RecurringChargesCard } from "@/components/charges/recurring-charges-card";
import { DeleteImportButton } from "@/components/charges/delete-import-button";
import { StatementImportForm } from "@/components/charges/statement-import-form";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Link } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import type { flaggedSummary } from "@/lib/data/charge-summaries";
import type { AccountDto } from "@/lib/data/statement-accounts";
import type { listImports } from "@/lib/data/statement-imports";
import type { PageTranslator } from "@/lib/i18n/row-i18n";
import type { RecurringChargeDto } from "@/lib/services/find-recurring-charges";
import { formatDateOnly, todayIn } from "@/lib/domain/dates";
import type { getFormatter, getTranslations } from "next-intl/server";

/** Statements in: the import form, what was flagged, and the imports so far (each can be removed). */
export function StatementsView({
  imports,
  flagged,
  recurring,
  accounts,
  tAll,
  timeZone,
  t,
  tCycle,
  locale,
  format,
}: {
  imports: Awaited<ReturnType<typeof listImports>>;
  flagged: Awaited<ReturnType<typeof flaggedSummary>>;
  recurring: RecurringChargeDto[];
  accounts: AccountDto[];
  tAll: PageTranslator;
  timeZone: string;
  t: Awaited<ReturnType<typeof getTranslations<"statements">>>;
  tCycle: Awaited<ReturnType<typeof getTranslations<"domain.cycle">>>;
  locale: string;
  format: Awaited<ReturnType<typeof getFormatter>>;
}) {
  // The accounts imported before, offered again (with their kinds) so the same card keeps one name.
  const kinds = new Map(accounts.map((a) => [a.label, a.accountKind]));
  const known = [...new Set(imports.items.map((i) => i.account))].map((label) => ({
    label,
    kind: kinds.get(label) ?? "",
  }));
  const today = todayIn(timeZone);
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          imports.items.length > 0 ? (
            <Link
              href="/statements/lines"
              className={buttonClasses("secondary", "whitespace-nowrap")}
              data-testid="browse-lines"
            >
              {tAll("statementLines.browse")}
            </Link>
          ) : null
        }
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,22rem)]">
        <div className="space-y-6">
          <Card>
            <CardHeader title={t("importTitle")} description={t("importDescription")} />
            <StatementImportForm accounts={known} />
          </Card>
          {flagged.total > 0 ? (
            <Card id="flagged">
              <CardHeader
                title={t("flaggedTitle", { count: flagged.total })}
                description={t("flaggedDescription")}
              />
              <ChargeList
                lines={flagged.items}
                today={today}
                showProvider
                actions={false}
                deadlines
              />
            </Card>
          ) : null}
          <RecurringChargesCard charges={recurring} t={t} tCycle={tCycle} locale={locale} />
          <AccountsCard accounts={accounts} t={tAll} />
        </div>
        <Card className="self-start">
          <CardHeader title={t("importsTitle")} />
          {imports.items.length === 0 ? (
            <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="no-imports">
              {t("noImports")}
            </p>
          ) : (
            <ul className="divide-y divide-slate-100 dark:divide-slate-800" data-testid="imports">
              {imports.items.map((item) => (
                <li key={item.id} className="space-y-1 py-3 text-sm">
                  <p className="font-medium [overflow-wrap:anywhere] text-slate-900 dark:text-white">
                    {item.account}
                  </p>
                  <p className="text-xs [overflow-wrap:anywhere] text-slate-500 dark:text-slate-400">
                    {item.fileName}
                    {item.issuer ? ` · ${item.issuer}` : ""}
                  </p>
                  {item.periodStart && item.periodEnd ? (
                    <p className="text-xs text-slate-600 dark:text-slate-300">
                      {t("period", {
                        from: formatDateOnly(item.periodStart, locale),
                        to: formatDateOnly(item.periodEnd, locale),
                      })}
                    </p>
                  ) : null}
                  <p className="text-xs text-slate-600 dark:text-slate-300">
                    {t("counts", { added: item.added, duplicates: item.duplicates })}
                    {" · "}
                    <Link
                      href={`/statements/lines?account=${encodeURIComponent(item.account)}`}
                      className="text-indigo-700 underline dark:text-indigo-300"
                    >
                      {tAll("statementLines.accountLines")}
                    </Link>
                  </p>
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <span className="text-xs text-slate-500">
                      {format.dateTime(item.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                    </span>
                    <DeleteImportButton importId={item.id} name={item.fileName} />
                  </div>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
