import { RevokeTokenButton } from "@/components/settings/revoke-token-button";
import type { ApiTokenSummary } from "@/lib/data/api-tokens";
import type { getTranslations } from "next-intl/server";

/** The account's API tokens, newest first: when each was made and last used, and whether it still works. */
export function TokenList({
  tokens,
  date,
  t,
}: {
  tokens: ApiTokenSummary[];
  date: (value: Date) => string;
  t: Awaited<ReturnType<typeof getTranslations<"settings">>>;
}) {
  const now = new Date();
  return (
    <ul
      className="mt-6 divide-y divide-slate-200 border-t border-slate-200 dark:divide-slate-800 dark:border-slate-800"
      data-testid="token-list"
    >
      {tokens.length === 0 ? (
        <li className="py-4 text-sm text-slate-500 dark:text-slate-400">{t("noTokens")}</li>
      ) : null}
      {tokens.map((token) => (
        <li
          key={token.id}
          className="flex flex-col gap-3 py-4 sm:flex-row sm:items-center sm:justify-between"
        >
          <div className="min-w-0">
            <p className="font-medium [overflow-wrap:anywhere]">
              {token.name}{" "}
              <code className="ml-1 font-mono text-xs text-slate-500">{token.hint}…</code>
            </p>
            <p className="text-xs text-slate-500 dark:text-slate-400">
              {t("tokenCreated", { date: date(token.createdAt) })} ·{" "}
              {token.lastUsedAt
                ? t("tokenLastUsed", { date: date(token.lastUsedAt) })
                : t("tokenNeverUsed")}
              {token.expiresAt && !token.revokedAt ? (
                <>
                  {" "}
                  ·{" "}
                  {token.expiresAt <= now
                    ? t("tokenExpired")
                    : t("tokenExpires", { date: date(token.expiresAt) })}
                </>
              ) : null}
            </p>
          </div>
          {token.revokedAt ? (
            <span className="self-start rounded-full bg-slate-100 px-2.5 py-1 text-xs font-medium text-slate-600 sm:self-center dark:bg-slate-800 dark:text-slate-300">
              {t("tokenRevoked")}
            </span>
          ) : (
            <RevokeTokenButton id={token.id} name={token.name} />
          )}
        </li>
      ))}
    </ul>
  );
}
