import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { CaseView } from "@/components/cases/case-view";
import { requireUser } from "@/lib/auth/session";
import { caseStepHistory, getCasePage } from "@/lib/data/case-record";
import { listCaseChanges } from "@/lib/data/case-changes";
import { readCaseChecks } from "@/lib/data/case-checks";
import { caseCharges } from "@/lib/data/charge-summaries";
import { orNotFound } from "@/lib/http/or-not-found";
import { playbookOf } from "@/lib/playbooks/catalog";

export async function generateMetadata({
  params,
}: {
  params: Promise<{ id: string }>;
}): Promise<Metadata> {
  const user = await requireUser();
  const kase = await orNotFound(getCasePage(user, (await params).id));
  return { title: kase.subscription.provider };
}

export default async function CasePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ history?: string }>;
}) {
  const user = await requireUser();
  const { id } = await params;
  const [{ kase, charges, playbook }, stepHistory, changes, checks, query, t, locale, format] =
    await Promise.all([
      // The case brings its subscription (read once, shared with the metadata); its charges
      // and its playbook need both.
      orNotFound(
        getCasePage(user, id).then(async (kase) => ({
          kase,
          charges: await caseCharges(user, {
            id: kase.id,
            subscriptionId: kase.subscription.id,
            billingCycle: kase.subscription.billingCycle,
          }),
          playbook: playbookOf(kase.subscription.playbookSlug, await getLocale()),
        })),
      ),
      orNotFound(caseStepHistory(user, id)),
      listCaseChanges(user, id),
      readCaseChecks(user, id),
      searchParams,
      getTranslations(),
      getLocale(),
      getFormatter(),
    ]);
  return (
    <CaseView
      kase={kase}
      stepHistory={stepHistory}
      changes={changes}
      checks={checks}
      charges={charges}
      playbook={playbook}
      timeZone={user.timeZone}
      showAllHistory={query.history === "all"}
      t={t}
      locale={locale}
      format={format}
    />
  );
}
