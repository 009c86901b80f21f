import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { FolderCheckIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("cases");
  return { title: t("title") };
}

export default async function CasesPage() {
  await requireUser();
  const t = await getTranslations("cases");
  return (
    <>
      <PageHeader title={t("title")} description={t("subtitle")} />
      <EmptyState
        icon={<FolderCheckIcon className="size-6" />}
        title={t("emptyTitle")}
        body={t("emptyBody")}
      />
    </>
  );
}
