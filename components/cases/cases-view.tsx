import { FollowUpLabel } from "@/components/cases/follow-up-label";
import { CaseStateBadge } from "@/components/cases/state-badge";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { FolderCheckIcon } from "@/components/ui/icons";
import { Link } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import type { CaseListItem } from "@/lib/data/case-lists";
import type { Page } from "@/lib/data/pagination";
import { CASE_STATES, type CaseState } from "@/lib/domain/case-workflow";
import { formatDateOnly } from "@/lib/domain/dates";
import type { PageTranslator } from "@/lib/i18n/row-i18n";

type Search = { state?: string; followUp?: string; cursor?: string };

function href(params: Search): string {
  const query = new URLSearchParams(
    Object.entries(params).filter(([, v]) => v) as [string, string][],
  ).toString();
  return query ? `/cases?${query}` : "/cases";
}

/** The cases page: filters by step (with counts), the cases due first, a page at a time. */
export function CasesView({
  page,
  counts,
  state,
  followUp,
  today,
  t,
  locale,
}: {
  page: Page<CaseListItem>;
  counts: Partial<Record<CaseState, number>>;
  state: CaseState | undefined;
  followUp: "due" | undefined;
  today: string;
  t: PageTranslator;
  locale: string;
}) {
  const total = Object.values(counts).reduce((sum, n) => sum + (n ?? 0), 0);

  if (total === 0) {
    return (
      <>
        <PageHeader title={t("cases.title")} description={t("cases.subtitle")} />
        <EmptyState
          icon={<FolderCheckIcon className="size-6" />}
          title={t("cases.emptyTitle")}
          body={t("cases.emptyBody")}
          action={
            <Link href="/subscriptions" className={buttonClasses("primary")}>
              {t("nav.subscriptions")}
            </Link>
          }
        />
      </>
    );
  }

  const items = page.items;

  const chips = [
    { label: t("cases.filterAll"), href: "/cases", active: !state && !followUp, count: total },
    {
      label: t("cases.filterDue"),
      href: href({ followUp: "due" }),
      active: Boolean(followUp),
      count: undefined,
    },
    ...CASE_STATES.filter((s) => counts[s]).map((s) => ({
      label: t(`domain.state.${s}`),
      href: href({ state: s }),
      active: state === s,
      count: counts[s],
    })),
  ];

  return (
    <>
      <PageHeader
        title={t("cases.title")}
        description={t("cases.subtitle")}
        actions={
          <Link href="/notes" className={buttonClasses("secondary")}>
            {t("notes.searchLink")}
          </Link>
        }
      />
      <nav aria-label={t("cases.filters")} className="mb-5 flex flex-wrap gap-2">
        {chips.map((chip) => (
          <Link
            key={chip.href}
            href={chip.href}
            aria-current={chip.active ? "page" : undefined}
            className={`rounded-full border px-3 py-1.5 text-sm font-medium transition-colors ${
              chip.active
                ? "border-indigo-600 bg-indigo-600 text-white dark:border-indigo-500 dark:bg-indigo-500"
                : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200 dark:hover:bg-slate-800"
            }`}
          >
            {chip.label}
            {chip.count !== undefined ? (
              <span className="ml-1.5 opacity-70">{chip.count}</span>
            ) : null}
          </Link>
        ))}
      </nav>

      {items.length === 0 ? (
        <p className="rounded-2xl border border-dashed border-slate-300 p-8 text-center text-sm text-slate-500 dark:border-slate-700">
          {t("cases.emptyFiltered")}
        </p>
      ) : (
        <ul
          className="divide-y divide-slate-100 overflow-hidden rounded-2xl border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900"
          data-testid="case-list"
        >
          {items.map((c) => (
            <li key={c.id}>
              <Link
                href={`/cases/${c.id}`}
                className="flex flex-col gap-2 px-4 py-4 hover:bg-slate-50 sm:flex-row sm:items-center sm:justify-between dark:hover:bg-slate-800/40"
              >
                <div className="min-w-0">
                  <p className="truncate font-semibold">
                    {c.subscription.provider}
                    {c.subscription.plan ? (
                      <span className="font-normal text-slate-500"> · {c.subscription.plan}</span>
                    ) : null}
                  </p>
                  <p className="text-sm text-slate-500 dark:text-slate-400">
                    {t(`domain.reason.${c.reason}`)} · {t("cases.opened")}{" "}
                    {formatDateOnly(c.openedOn, locale)}
                  </p>
                </div>
                <div className="flex flex-wrap items-center gap-3 text-sm">
                  <FollowUpLabel
                    kase={c}
                    today={today}
                    prefix={t("cases.followUp")}
                    i18n={{ t, locale }}
                  />
                  <CaseStateBadge state={c.state} t={t} />
                </div>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {page.nextCursor ? (
        <div className="mt-4 text-center">
          <Link
            href={href({ state, followUp, cursor: page.nextCursor })}
            className={buttonClasses("secondary")}
          >
            {t("cases.more")}
          </Link>
        </div>
      ) : null}
    </>
  );
}
