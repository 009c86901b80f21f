import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { EvidenceRecord } from "@/components/evidence/evidence-record";
import { requireUser } from "@/lib/auth/session";
import { getCaseRecord } from "@/lib/data/case-record";
import { listCaseChanges } from "@/lib/data/case-changes";
import { isLocale } from "@/lib/domain/locales";
import { orNotFound } from "@/lib/http/or-not-found";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("evidence");
  return { title: t("title") };
}

/** Everything that proves the cancellation, on one page that prints cleanly. */
export default async function EvidencePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ part?: string; lang?: string }>;
}) {
  const user = await requireUser();
  const { id } = await params;
  const query = await searchParams;
  const lang = isLocale(query.lang) ? query.lang : null;
  // The record can be read in another language than the app's (a US bank
  // reads English while the UI is in Chinese): ?lang= picks it.
  const locale = lang ?? (await getLocale());
  const [kase, changes, t, ui] = await Promise.all([
    orNotFound(getCaseRecord(user, id, Number.parseInt(query.part ?? "1", 10))),
    listCaseChanges(user, id),
    getTranslations({ locale }),
    getTranslations(),
  ]);
  return (
    <EvidenceRecord
      kase={kase}
      changes={changes}
      holder={user.name || user.email}
      timeZone={user.timeZone}
      lang={lang}
      t={t}
      ui={ui}
      locale={locale}
    />
  );
}
