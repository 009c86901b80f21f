import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { ListIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("subscriptions");
  return { title: t("title") };
}

export default async function SubscriptionsPage() {
  await requireUser();
  const t = await getTranslations("subscriptions");
  return (
    <>
      <PageHeader title={t("title")} description={t("subtitle")} />
      <EmptyState
        icon={<ListIcon className="size-6" />}
        title={t("emptyTitle")}
        body={t("emptyBody")}
      />
    </>
  );
}
