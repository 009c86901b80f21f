import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { CasesView } from "@/components/cases/cases-view";
import { requireUser } from "@/lib/auth/session";
import { countCasesByState, listCasesDueFirst } from "@/lib/data/case-lists";
import { isCaseState } from "@/lib/domain/case-workflow";
import { todayIn } from "@/lib/domain/dates";
import { orFirstPage } from "@/lib/http/or-first-page";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("cases");
  return { title: t("title") };
}

export default async function CasesPage({
  searchParams,
}: {
  searchParams: Promise<{ state?: string; followUp?: string; cursor?: string }>;
}) {
  const user = await requireUser();
  const params = await searchParams;
  const state = isCaseState(params.state) ? params.state : undefined;
  const followUp = params.followUp === "due" ? "due" : undefined;
  const today = todayIn(user.timeZone);
  const [t, locale, counts, page] = await Promise.all([
    getTranslations(),
    getLocale(),
    countCasesByState(user),
    orFirstPage(
      (cursor) => listCasesDueFirst(user, { limit: 50, state, followUp, today, cursor }),
      params.cursor,
    ),
  ]);
  return (
    <CasesView
      page={page}
      counts={counts}
      state={state}
      followUp={followUp}
      today={today}
      t={t}
      locale={locale}
    />
  );
}
