import { Card, CardHeader } from "@/components/ui/card";
import { Link } from "@/components/ui/link";
import type { Page } from "@/lib/data/pagination";
import type { SecurityEventDto } from "@/lib/data/security-events";
import { securityDevice } from "@/lib/domain/security-device";
import type { getFormatter, getTranslations } from "next-intl/server";

type T = Awaited<ReturnType<typeof getTranslations<"securityLog">>>;

/** A token's name or the old address, in the words of the list (the kind says the rest). */
function detailOf(event: SecurityEventDto, t: T): string | null {
  if (!event.detail) return null;
  if (event.kind === "token_created" || event.kind === "token_revoked")
    return t("detail.token", { name: event.detail });
  if (event.kind === "email_changed") return t("detail.emailFrom", { email: event.detail });
  if (event.kind === "oidc_linked" || event.kind === "oidc_unlinked") return event.detail;
  if (event.detail === "operator") return t("detail.operator");
  return null;
}

/** Settings → Security: the account's security log, newest first, paged by "Older". */
export function SecurityLog({
  page,
  firstPage,
  timeZone,
  t,
  format,
}: {
  page: Page<SecurityEventDto>;
  firstPage: boolean;
  timeZone: string;
  t: T;
  format: Awaited<ReturnType<typeof getFormatter>>;
}) {
  const when = (at: Date) =>
    format.dateTime(at, { dateStyle: "medium", timeStyle: "short", timeZone });
  const linkClass =
    "font-semibold text-indigo-600 hover:text-indigo-500 dark:text-indigo-400 dark:hover:text-indigo-300";
  return (
    <Card id="security">
      <CardHeader title={t("title")} description={t("body")} />
      {page.items.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="security-empty">
          {t("empty")}
        </p>
      ) : (
        <ul
          className="divide-y divide-slate-100 dark:divide-slate-800"
          data-testid="security-events"
        >
          {page.items.map((event) => {
            const detail = detailOf(event, t);
            return (
              <li
                key={event.id}
                className="flex flex-col gap-1 py-3 sm:flex-row sm:items-baseline sm:justify-between sm:gap-4"
                data-kind={event.kind}
              >
                <div className="min-w-0">
                  <p className="font-medium break-words text-slate-900 dark:text-slate-100">
                    {t(`kind.${event.kind}`)}
                    {detail ? (
                      <span className="font-normal text-slate-600 dark:text-slate-400">
                        {" "}
                        {detail}
                      </span>
                    ) : null}
                  </p>
                  <p className="text-xs break-words text-slate-500 dark:text-slate-400">
                    {t("from", { device: securityDevice(event.userAgent, t) })}
                  </p>
                </div>
                <time
                  dateTime={event.at.toISOString()}
                  className="shrink-0 text-xs text-slate-500 sm:text-sm dark:text-slate-400"
                >
                  {when(event.at)}
                </time>
              </li>
            );
          })}
        </ul>
      )}
      {page.nextCursor || !firstPage ? (
        <p className="mt-4 flex flex-wrap justify-center gap-x-6 gap-y-2 text-sm">
          {firstPage ? null : (
            <Link href="/settings#security" className={linkClass}>
              {t("newest")}
            </Link>
          )}
          {page.nextCursor ? (
            <Link
              href={`/settings?security=${encodeURIComponent(page.nextCursor)}#security`}
              className={linkClass}
              data-testid="security-older"
            >
              {t("older")}
            </Link>
          ) : null}
        </p>
      ) : null}
    </Card>
  );
}
