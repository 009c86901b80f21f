import { Card, CardHeader } from "@/components/ui/card";
import { Link } from "@/components/ui/link";
import type { AccountDto } from "@/lib/data/statement-accounts";
import type { PageTranslator } from "@/lib/i18n/row-i18n";
import { AccountForm } from "./account-form";

/**
 * The Statements page's Accounts section: each label statements were
 * imported under, its kind (the law of its disputes) and the holder's and
 * issuer's details, each account folded until opened.
 */
export function AccountsCard({ accounts, t }: { accounts: AccountDto[]; t: PageTranslator }) {
  return (
    <Card id="accounts">
      <CardHeader title={t("accounts.section.title")} description={t("accounts.section.intro")} />
      {accounts.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="no-accounts">
          {t("accounts.section.empty")}
        </p>
      ) : (
        <ul className="divide-y divide-slate-100 dark:divide-slate-800" data-testid="accounts">
          {accounts.map((account) => (
            <li key={account.id} data-testid="account" className="py-2">
              <details>
                <summary className="flex cursor-pointer flex-wrap items-baseline gap-x-2 py-1 text-sm">
                  <span className="font-medium [overflow-wrap:anywhere] text-slate-900 dark:text-white">
                    {account.label}
                  </span>
                  <span className="text-slate-600 dark:text-slate-300" data-testid="account-kind">
                    {t(`accounts.kinds.${account.accountKind}`)}
                  </span>
                  {account.holderName ? (
                    <span className="text-xs text-slate-500 dark:text-slate-400">
                      {account.holderName}
                    </span>
                  ) : null}
                </summary>
                <div className="space-y-3 pt-3 pb-2">
                  <Link
                    href={`/statements/lines?account=${encodeURIComponent(account.label)}`}
                    className="inline-block text-sm text-indigo-700 underline dark:text-indigo-300"
                  >
                    {t("statementLines.accountLines")}
                  </Link>
                  <AccountForm account={account} />
                </div>
              </details>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
