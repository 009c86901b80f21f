import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ShareReceipt } from "@/components/receipts/share-receipt";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { uploadMaxBytes } from "@/lib/config";
import { listCases } from "@/lib/data/case-lists";
import { isClosed } from "@/lib/domain/case-workflow";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("share");
  return { title: t("title") };
}

/**
 * Where the phone's share sheet lands (manifest share_target, public/sw.js):
 * the shared files wait in the browser until the user says which case they
 * belong to. Open cases first; a confirmed one can still take its receipt.
 */
export default async function SharePage() {
  const user = await requireUser();
  const [t, page] = await Promise.all([getTranslations("share"), listCases(user, { limit: 100 })]);
  const cases = page.items
    .filter((c) => c.state !== "withdrawn")
    .sort((a, b) => Number(isClosed(a.state)) - Number(isClosed(b.state)))
    .map((c) => ({
      id: c.id,
      label: [c.subscription.provider, c.subscription.plan].filter(Boolean).join(" · "),
    }));
  return (
    <>
      <PageHeader title={t("title")} description={t("subtitle")} />
      <ShareReceipt cases={cases} maxBytes={uploadMaxBytes()} />
    </>
  );
}
