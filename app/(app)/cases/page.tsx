import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";
import { CaseStateBadge } from "@/components/cases/state-badge";
import { FollowUpLabel } from "@/components/cases/follow-up-label";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { FolderCheckIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors/app-error";
import { countCasesByState, listCasesDueFirst } from "@/lib/data/case-lists";
import { CASE_STATES, isCaseState } from "@/lib/domain/case-workflow";
import { formatDateOnly, todayIn } from "@/lib/domain/dates";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("cases");
  return { title: t("title") };
}

type Search = { state?: string; followUp?: string; cursor?: string };

function href(params: Search): string {
  const query = new URLSearchParams(
    Object.entries(params).filter(([, v]) => v) as [string, string][],
  ).toString();
  return query ? `/cases?${query}` : "/cases";
}

export default async function CasesPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireUser();
  const params = await searchParams;
  const state = isCaseState(params.state) ? params.state : undefined;
  const followUp = params.followUp === "due" ? "due" : undefined;
  const today = todayIn(user.timeZone);
  const [t, locale, counts] = await Promise.all([
    getTranslations(),
    getLocale(),
    countCasesByState(user),
  ]);
  const page = await listCasesDueFirst(user, {
    limit: 50,
    state,
    followUp,
    today,
    cursor: params.cursor?.slice(0, 200),
  }).catch((error: unknown) => {
    // An old or hand-edited page link starts again from the first page; anything else is a real error.
    if (isAppError(error) && error.code === "validation_failed")
      return listCasesDueFirst(user, { limit: 50, state, followUp, today });
    throw error;
  });
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
